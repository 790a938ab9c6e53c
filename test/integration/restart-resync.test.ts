import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { evolve, serializeWorld, worldFromSnapshot, type StoredEvent } from '../../shared/index.js';
import { FIXTURE_PASSWORD, key, send, startTestServer, tempDataDir, type TestClient } from '../support/test-server.js';
import { io as connect } from 'socket.io-client';

/** Runs the real server entry point in its own process, so it can be killed with SIGKILL. */
async function startProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LIANDONG_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/localhost:\d+)/.exec(output);
      if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { child, url };
}

async function login(url: string, username: string) {
  const response = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: FIXTURE_PASSWORD }),
  });
  return ((await response.json()) as { data: { token: string } }).data.token;
}

async function client(url: string, token: string): Promise<TestClient> {
  const socket: TestClient = connect(url, { auth: { token, protocol: 1 }, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('a killed and restarted server', () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((child) => child.kill('SIGKILL')));

  it('serves identical state from the log, and a client resyncs exactly the events it missed', async () => {
    const dataDir = tempDataDir();
    const seeded = await startTestServer({ dataDir });
    await seeded.close();

    const first = await startProcess(dataDir);
    children.push(first.child);
    const dispatcherToken = await login(first.url, 'disp1');
    const watcherToken = await login(first.url, 'disp2');
    const dispatcher = await client(first.url, dispatcherToken);
    const watcher = await client(first.url, watcherToken);

    // The watcher starts from a snapshot and follows live events...
    const snapshot = await send(watcher, 'sync:snapshot', {});
    if (!snapshot.ok) throw new Error('snapshot failed');
    const watcherState = worldFromSnapshot(snapshot.data);
    watcher.onAny((_name: string, event: StoredEvent) => {
      if (typeof event?.seq === 'number' && event.seq > watcherState.seq) evolve(watcherState, event);
    });
    const report = (description: string) =>
      send(dispatcher, 'incident:report', {
        idempotencyKey: key(),
        category: 'accident',
        subtype: 'road_traffic',
        level: 'IV',
        location: { lat: 38.91, lon: 121.6 },
        description,
      });
    const reported = await report('before the drop');
    if (!reported.ok) throw new Error('report failed');
    await send(dispatcher, 'incident:dispatch', { idempotencyKey: key(), incidentId: reported.data.createdIds[0]!, unitIds: ['U-E1'] });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const seenBeforeDrop = watcherState.seq;
    expect(seenBeforeDrop).toBeGreaterThan(snapshot.data.seq);

    // ...then its network drops, more happens, and the server is killed without warning.
    watcher.disconnect();
    await report('while the watcher was away');
    await send(dispatcher, 'unit:update-location', { idempotencyKey: key(), unitId: 'U-E2', location: { lat: 38.93, lon: 121.65 } });
    const before = await fetch(`${first.url}/api/export/geojson`, { headers: { authorization: `Bearer ${dispatcherToken}` } }).then((r) => r.json());
    const headBefore = ((await fetch(`${first.url}/api/ready`).then((r) => r.json())) as { data: { headSeq: number } }).data.headSeq;
    await kill(first.child);

    const second = await startProcess(dataDir);
    children.push(second.child);
    const ready = (await fetch(`${second.url}/api/ready`).then((r) => r.json())) as { data: { headSeq: number } };
    expect(ready.data.headSeq).toBe(headBefore);
    // Tokens are signed with the stored secret: the old token still works after the restart.
    const after = await fetch(`${second.url}/api/export/geojson`, { headers: { authorization: `Bearer ${dispatcherToken}` } }).then((r) => r.json());
    expect(after).toEqual(before);

    const rejoined = await client(second.url, watcherToken);
    const missed = await send(rejoined, 'sync:since', { afterSeq: seenBeforeDrop });
    if (!missed.ok || missed.data.kind !== 'events') throw new Error('resync failed');
    const seqs = missed.data.events.map((event) => event.seq);
    expect(seqs[0]).toBe(seenBeforeDrop + 1);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seenBeforeDrop + 1 + i));
    expect(seqs.at(-1)).toBe(headBefore);
    for (const event of missed.data.events) evolve(watcherState, event);

    const fresh = await send(rejoined, 'sync:snapshot', {});
    if (!fresh.ok) throw new Error('snapshot failed');
    expect(serializeWorld(watcherState)).toEqual({ ...serializeWorld(worldFromSnapshot(fresh.data)), incidentCount: watcherState.incidentCount });
    rejoined.disconnect();
    dispatcher.disconnect();
    await kill(second.child);
  }, 60_000);
});
