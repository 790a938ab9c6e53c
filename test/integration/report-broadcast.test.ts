import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, key, recordEvents, send, settle, startTestServer, type TestServer } from '../support/test-server.js';

const report = {
  category: 'accident',
  subtype: 'building_fire',
  level: 'III',
  location: { lat: 38.914, lon: 121.63 },
  description: '居民楼三层冒烟 smoke from a third-floor flat',
  caller: { name: '王先生', phone: '13800000000' },
} as const;

describe('an incident report', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('reaches every dispatcher and no unrelated field unit', async () => {
    const [reporter, otherDispatcher, supervisor, fieldUnit] = await Promise.all([
      server.connect('disp1'),
      server.connect('disp2'),
      server.connect('sup'),
      server.connect('field-e1'),
    ]);
    const seenByOther = recordEvents(otherDispatcher);
    const seenBySupervisor = recordEvents(supervisor);
    const seenByField = recordEvents(fieldUnit);

    const ack = await send(reporter, 'incident:report', { ...report, idempotencyKey: key() });
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    const incidentId = ack.data.createdIds[0];

    await eventually(() => {
      for (const seen of [seenByOther, seenBySupervisor]) {
        expect(seen.map((event) => event.type)).toContain('incident:reported');
        expect(seen.find((event) => event.type === 'incident:reported')?.data.incidentId).toBe(incidentId);
      }
    });
    await settle();
    expect(seenByField).toEqual([]);
  });

  it('arrives with its sequence number and the previous one of the same audience', async () => {
    const [reporter, watcher] = await Promise.all([server.connect('disp1'), server.connect('disp2')]);
    const seen = recordEvents(watcher);
    const first = await send(reporter, 'incident:report', { ...report, idempotencyKey: key() });
    const second = await send(reporter, 'incident:report', { ...report, idempotencyKey: key() });
    expect(first.ok && second.ok).toBe(true);
    await eventually(() => expect(seen).toHaveLength(2));
    expect(seen[1]!.prev).toBe(seen[0]!.seq);
    expect(seen[1]!.seq).toBeGreaterThan(seen[0]!.seq);
  });
});
