import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, key, recordEvents, send, settle, startTestServer, type TestServer } from '../support/test-server.js';

describe('dispatching a unit to an incident', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('reaches the assigned unit only, and its progress reaches the dispatch centre', async () => {
    const dispatcher = await server.connect('disp1');
    const ops = recordEvents(await server.connect('disp2'));
    const assignedField = await server.connect('field-e1');
    const assigned = recordEvents(assignedField);
    const unrelated = recordEvents(await server.connect('field-a1'));

    const reported = await send(dispatcher, 'incident:report', {
      idempotencyKey: key(),
      category: 'accident',
      subtype: 'building_fire',
      level: 'III',
      location: { lat: 38.916, lon: 121.64 },
      description: 'fire in a shop',
    });
    if (!reported.ok) throw new Error(reported.error.message);
    const incidentId = reported.data.createdIds[0]!;
    const dispatched = await send(dispatcher, 'incident:dispatch', { idempotencyKey: key(), incidentId, unitIds: ['U-E1'] });
    if (!dispatched.ok) throw new Error(dispatched.error.message);
    const assignmentId = dispatched.data.createdIds[0]!;

    await eventually(() => expect(assigned.map((e) => e.type)).toContain('assignment:dispatched'));
    for (const status of ['en_route', 'on_scene'] as const) {
      if (status === 'en_route') expect((await send(assignedField, 'assignment:acknowledge', { idempotencyKey: key(), assignmentId })).ok).toBe(true);
      const advanced = await send(assignedField, 'assignment:advance', { idempotencyKey: key(), assignmentId, status });
      expect(advanced.ok).toBe(true);
    }
    await eventually(() => {
      const changes = ops.filter((e) => e.type === 'assignment:status-changed').map((e) => e.data.to);
      expect(changes).toEqual(['acknowledged', 'en_route', 'on_scene']);
      const unitStatuses = ops.filter((e) => e.type === 'unit:status-changed').map((e) => e.data.to);
      expect(unitStatuses).toEqual(['dispatched', 'en_route', 'on_scene']);
    });
    // The assigned unit now hears about its incident too.
    const note = await send(dispatcher, 'incident:note', { idempotencyKey: key(), incidentId, text: '二楼有人被困 person trapped on 2F' });
    expect(note.ok).toBe(true);
    await eventually(() => expect(assigned.map((e) => e.type)).toContain('incident:noted'));
    await settle();
    expect(unrelated).toEqual([]);

    // A field team cannot skip a status: on scene → at hospital is not allowed.
    const skipped = await send(assignedField, 'assignment:advance', { idempotencyKey: key(), assignmentId, status: 'at_hospital' });
    expect(skipped).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });

    expect((await send(assignedField, 'assignment:advance', { idempotencyKey: key(), assignmentId, status: 'cleared' })).ok).toBe(true);
    const closed = await send(dispatcher, 'incident:close', { idempotencyKey: key(), incidentId, reason: 'fire out' });
    expect(closed.ok).toBe(true);
    const state = server.app.registry.get('live')!;
    expect(state.units.get('U-E1')).toMatchObject({ status: 'available', assignmentId: null });
    expect(state.incidents.get(incidentId)).toMatchObject({ status: 'closed', statusReason: 'fire out' });
  });

  it('a field user snapshot holds only its own unit, assignments and their incidents', async () => {
    const dispatcher = await server.connect('disp1');
    const reported = await send(dispatcher, 'incident:report', {
      idempotencyKey: key(),
      category: 'accident',
      subtype: 'road_traffic',
      level: 'IV',
      location: { lat: 38.92, lon: 121.62 },
      description: 'collision',
    });
    if (!reported.ok) throw new Error('report failed');
    await send(dispatcher, 'incident:dispatch', { idempotencyKey: key(), incidentId: reported.data.createdIds[0]!, unitIds: ['U-A1'] });
    const snapshot = await send(await server.connect('field-a1'), 'sync:snapshot', {});
    if (!snapshot.ok) throw new Error('snapshot failed');
    expect(snapshot.data.units.map((u) => u.id)).toEqual(['U-A1']);
    expect(snapshot.data.incidents.map((i) => i.id)).toEqual([reported.data.createdIds[0]]);
    const other = await send(await server.connect('field-e2'), 'sync:snapshot', {});
    if (!other.ok) throw new Error('snapshot failed');
    expect(other.data.incidents).toEqual([]);
  });
});
