// `npm run bench`: each figure beside a baseline measured in the same run, on this machine.
import os from 'node:os';
import { bareFanout, liandongFanout } from './bench/fanout.js';
import { bareSqliteInsertRate, commandRate, storeAppendRate } from './bench/append-rate.js';
import { ms } from './bench/stats.js';
import { printReport, runRecommendBenchmark } from './bench-recommend.js';

const quick = process.argv.includes('--quick');
const clientCounts = quick ? [10] : [10, 100, 300];
const messages = quick ? 30 : 200;
const appends = quick ? 300 : 3000;

console.log(`Liandong benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);

console.log(`Report → arrival at every dispatcher client (${messages} reports, one at a time; clients in a separate process)`);
console.log('clients | Liandong p50 / p99 (all arrivals) | last client p50 / p99 | bare socket.io broadcast p50 / p99 | last client p50 / p99');
for (const clients of clientCounts) {
  const ours = await liandongFanout(clients, messages);
  const bare = await bareFanout(clients, messages);
  console.log(
    `${String(clients).padStart(7)} | ${ms(ours.arrivalP50)} / ${ms(ours.arrivalP99)} | ${ms(ours.lastClientP50)} / ${ms(ours.lastClientP99)} | ${ms(bare.arrivalP50)} / ${ms(bare.arrivalP99)} | ${ms(bare.lastClientP50)} / ${ms(bare.lastClientP99)}`,
  );
}

console.log(`\nDurable appends (${appends} per round, one per transaction, WAL + synchronous=FULL; 3 interleaved rounds, median)`);
// fsync time on a shared disk drifts; interleaving the three paths keeps the comparison fair.
const rounds: { bare: number; store: number; commands: number }[] = [];
for (let round = 0; round < 3; round++)
  rounds.push({ bare: bareSqliteInsertRate(appends), store: await storeAppendRate(appends), commands: await commandRate(Math.round(appends / 3)) });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const bare = median(rounds.map((r) => r.bare));
const store = median(rounds.map((r) => r.store));
const commands = median(rounds.map((r) => r.commands));
console.log(`bare better-sqlite3 insert : ${bare.toFixed(0)} /s`);
console.log(`store.append (+ version check, idempotency record) : ${store.toFixed(0)} /s  (${((store / bare) * 100).toFixed(0)}% of bare)`);
console.log(`full command path (decide, append, fold, publish)  : ${commands.toFixed(0)} /s  (${((commands / bare) * 100).toFixed(0)}% of bare)`);

console.log('\nDispatch recommendation (pure, in-process)');
printReport(runRecommendBenchmark());
process.exit(0);
