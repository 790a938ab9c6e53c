import Database from 'better-sqlite3';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { streamOf } from '../../shared/index.js';
import { openSqliteStore } from '../../server/store/sqlite-store.js';
import { tempDataDir, startTestServer } from '../../test/support/test-server.js';
import { decide } from '../../shared/index.js';
import { newId } from '../../server/commands/command-service.js';

const actor = { userId: 'USR-bench', role: 'dispatcher' } as const;

/** Events per second through the store port, one event per durable transaction. */
export async function storeAppendRate(count: number): Promise<number> {
  const store = openSqliteStore(tempDataDir());
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const incidentId = `INC-${i}`;
    await store.append({
      world: 'live',
      actor,
      at: new Date().toISOString(),
      events: [{ type: 'incident:noted', stream: streamOf.incident(incidentId), data: { incidentId, text: 'bench note' } }],
      expectedVersions: new Map([[streamOf.incident(incidentId), 0]]),
      idempotency: { actorId: actor.userId, key: `k-${i}`, fingerprint: 'f', createdIds: [] },
    });
  }
  const rate = count / ((performance.now() - start) / 1000);
  await store.close();
  return rate;
}

/** Commands per second through the whole command path (decide, append, fold, publish) with no clients. */
export async function commandRate(count: number): Promise<number> {
  const server = await startTestServer();
  const start = performance.now();
  for (let i = 0; i < count; i++)
    await server.app.commands.system('live', (state) =>
      decide(
        state,
        {
          type: 'incident:report',
          payload: { idempotencyKey: `b-${i}-xxxxxxxx`, category: 'accident', subtype: 'gas', level: 'IV', location: { lat: 38.9, lon: 121.6 }, address: '', description: 'bench', caller: { name: '', phone: '' }, casualties: 0 },
        },
        { actor, newId },
      ),
    );
  const rate = count / ((performance.now() - start) / 1000);
  await server.close();
  return rate;
}

/** Baseline: bare better-sqlite3 inserts with the same durability (WAL, synchronous=FULL), one per transaction. */
export function bareSqliteInsertRate(count: number): number {
  const db = new Database(path.join(tempDataDir(), 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE events (seq INTEGER PRIMARY KEY, stream TEXT, data TEXT)');
  const insert = db.prepare('INSERT INTO events (stream, data) VALUES (?, ?)');
  const start = performance.now();
  for (let i = 0; i < count; i++) insert.run(`incident:INC-${i}`, '{"text":"bench note"}');
  const rate = count / ((performance.now() - start) / 1000);
  db.close();
  return rate;
}
