import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, key, recordEvents, send, settle, startTestServer, type TestServer } from '../support/test-server.js';

describe('an incident reported from the field', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('is followed by the reporting team (not by other teams) until it closes, and takes its situation updates', async () => {
    const reporter = await server.connect('field-e2');
    const reporterSees = recordEvents(reporter);
    const otherTeam = recordEvents(await server.connect('field-a1'));
    const dispatcher = await server.connect('disp1');

    const reported = await send(reporter, 'incident:report', {
      idempotencyKey: key(),
      category: 'accident',
      subtype: 'road_traffic',
      level: 'IV',
      location: { lat: 38.912, lon: 121.61 },
      description: 'truck overturned, road blocked',
    });
    if (!reported.ok) throw new Error(reported.error.message);
    const incidentId = reported.data.createdIds[0]!;
    expect(server.app.registry.get('live')!.incidents.get(incidentId)!.reportedByUnitId).toBe('U-E2');

    expect((await send(dispatcher, 'incident:verify', { idempotencyKey: key(), incidentId })).ok).toBe(true);
    expect((await send(reporter, 'incident:note', { idempotencyKey: key(), incidentId, text: 'diesel leaking onto the road' })).ok).toBe(true);
    await eventually(() => expect(reporterSees.map((e) => e.type)).toEqual(expect.arrayContaining(['incident:reported', 'incident:verified', 'incident:noted'])));

    const snapshot = await send(await server.connect('field-e2'), 'sync:snapshot', {});
    if (!snapshot.ok) throw new Error('snapshot failed');
    expect(snapshot.data.incidents.map((i) => i.id)).toContain(incidentId);

    expect((await send(dispatcher, 'incident:close', { idempotencyKey: key(), incidentId, reason: 'road cleared' })).ok).toBe(true);
    await eventually(() => expect(reporterSees.map((e) => e.type)).toContain('incident:status-changed'));
    const seenBeforeLateNote = reporterSees.length;
    await send(dispatcher, 'incident:note', { idempotencyKey: key(), incidentId, text: 'report filed' });
    await settle();
    expect(reporterSees).toHaveLength(seenBeforeLateNote);
    expect(otherTeam).toEqual([]);
  });
});
