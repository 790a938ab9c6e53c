import http from 'node:http';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import { percentile } from './stats.js';
import { startTestServer } from '../../test/support/test-server.js';

export interface FanoutResult {
  clients: number;
  messages: number;
  /** Submission → arrival, over every (message, client) pair. */
  arrivalP50: number;
  arrivalP99: number;
  /** Submission → arrival at the LAST client, per message. */
  lastClientP50: number;
  lastClientP99: number;
}

function runClients(job: object): Promise<number[][]> {
  return new Promise((resolve, reject) => {
    // A separate process, so the server under test has its own core and event loop.
    const child = fork(fileURLToPath(new URL('./fanout-clients.ts', import.meta.url)), [JSON.stringify(job)], { execArgv: ['--import', 'tsx'] });
    child.once('message', (result) => resolve(result as number[][]));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`clients exited with ${code}`)));
  });
}

function summarise(clients: number, perMessage: number[][]): FanoutResult {
  return {
    clients,
    messages: perMessage.length,
    arrivalP50: percentile(perMessage.flat(), 50),
    arrivalP99: percentile(perMessage.flat(), 99),
    lastClientP50: percentile(perMessage.map((arrivals) => Math.max(...arrivals)), 50),
    lastClientP99: percentile(perMessage.map((arrivals) => Math.max(...arrivals)), 99),
  };
}

/** Liandong: a dispatcher's report → validated, decided, committed to disk, fanned out to the ops room. */
export async function liandongFanout(clients: number, messages: number): Promise<FanoutResult> {
  const server = await startTestServer();
  try {
    const perMessage = await runClients({
      url: server.url,
      clients,
      messages,
      receiverToken: await server.login('disp2'),
      senderToken: await server.login('disp1'),
      mode: 'liandong',
    });
    return summarise(clients, perMessage);
  } finally {
    await server.close();
  }
}

/** Baseline: a bare socket.io server that rebroadcasts each message to everyone, no validation, no disk. */
export async function bareFanout(clients: number, messages: number): Promise<FanoutResult> {
  const httpServer = http.createServer();
  const io = new Server(httpServer);
  io.on('connection', (socket) => socket.on('broadcast', (payload) => io.emit('broadcast', payload)));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    return summarise(clients, await runClients({ url: `http://127.0.0.1:${port}`, clients, messages, mode: 'bare' }));
  } finally {
    await new Promise<void>((resolve) => io.close(() => resolve()));
  }
}
