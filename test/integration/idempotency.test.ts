import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, key, recordEvents, send, settle, startTestServer, type TestServer } from '../support/test-server.js';

describe('idempotency keys', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const payload = {
    category: 'public_health',
    subtype: 'food_poisoning',
    level: 'III',
    location: { lat: 39.05, lon: 121.78 },
    description: '食堂多名学生呕吐 students vomiting after lunch',
  } as const;

  it('a retried command returns the first result and appends nothing', async () => {
    const dispatcher = await server.connect('disp1');
    const watcher = recordEvents(await server.connect('disp2'));
    const idempotencyKey = key();
    const first = await send(dispatcher, 'incident:report', { ...payload, idempotencyKey });
    const head = await server.app.store.headSeq();
    // The retry may come on a new connection, as after a network drop.
    const reconnected = await server.connect('disp1');
    const retry = await send(reconnected, 'incident:report', { ...payload, idempotencyKey });
    expect(first.ok && retry.ok).toBe(true);
    if (!first.ok || !retry.ok) return;
    expect(retry.data).toEqual({ ...first.data, replayed: true });
    expect(await server.app.store.headSeq()).toBe(head);
    await eventually(() => expect(watcher.filter((e) => e.type === 'incident:reported')).toHaveLength(1));
    await settle();
    expect(watcher.filter((e) => e.type === 'incident:reported')).toHaveLength(1);
    expect([...server.app.registry.get('live')!.incidents.values()].filter((i) => i.description === payload.description)).toHaveLength(1);
  });

  it('the same key with a different command is refused', async () => {
    const dispatcher = await server.connect('disp1');
    const idempotencyKey = key();
    await send(dispatcher, 'incident:report', { ...payload, idempotencyKey });
    const other = await send(dispatcher, 'incident:report', { ...payload, level: 'I', idempotencyKey });
    expect(other).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_MISMATCH' } });
  });

  it('keys belong to their user: another user may use the same key', async () => {
    const idempotencyKey = key();
    const a = await send(await server.connect('disp1'), 'incident:report', { ...payload, idempotencyKey });
    const b = await send(await server.connect('disp2'), 'incident:report', { ...payload, idempotencyKey });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.data.createdIds).not.toEqual(b.data.createdIds);
  });
});
