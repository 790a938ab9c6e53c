import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeWorld, type CreatedDrill, type Incident, type Unit } from '../../shared/index.js';
import { advanceDrill, api, apiData } from '../support/drill-api.js';
import { eventually, key, recordEvents, send, settle, startTestServer, type TestClient, type TestServer } from '../support/test-server.js';

/** Principle 7: a drill world and live operations never see each other's events, views or exports. */
describe('drill isolation', () => {
  let server: TestServer;
  let drillId: string;
  let world: string;
  let liveUnitsBefore: Unit[];
  let drillDispatcher: TestClient;
  let drillField: TestClient;
  let drillIncidentId: string;
  const received: Record<string, ReturnType<typeof recordEvents>> = {};

  beforeAll(async () => {
    server = await startTestServer({ config: { drillClock: 'manual', drillTickMs: 0, deadlineWatchMs: 0 } });
    liveUnitsBefore = structuredClone(serializeWorld(server.app.registry.get('live')!).units);
    // Live clients are there before the drill exists: its creation (unit copies) must not reach them either.
    received.liveOps = recordEvents(await server.connect('disp2'));
    received.liveField = recordEvents(await server.connect('field-e1'));
    const instructor = await server.login('instr');
    const created = await apiData<CreatedDrill>(server, instructor, 'POST', '/api/drills', {
      scenarioId: 'port-pipeline-fire',
      trainees: [
        { username: 'disp1', playsAs: 'dispatcher' },
        { username: 'field-e1', playsAs: 'field', unitId: 'U-E1' },
      ],
    });
    ({ drillId, world } = created);
    drillIncidentId = `INC-${drillId}-pipeline-fire`;
    drillDispatcher = await server.connect('disp1', { world });
    received.drillOps = recordEvents(drillDispatcher);
    drillField = await server.connect('field-e1', { world });
    received.drillField = recordEvents(drillField);

    await apiData(server, instructor, 'POST', `/api/drills/${drillId}/start`, {});
    await advanceDrill(server, drillId, 0);
    await eventually(() => expect(received.drillOps!.map((event) => event.type)).toContain('incident:reported'));
    const dispatched = await send(drillDispatcher, 'incident:dispatch', { idempotencyKey: key(), incidentId: drillIncidentId, unitIds: [`D${drillId}-U-E1`, `D${drillId}-U-A1`] });
    if (!dispatched.ok) throw new Error(dispatched.error.message);
    await eventually(() => expect(received.drillField!.map((event) => event.type)).toContain('assignment:dispatched'));
    expect((await send(drillField, 'assignment:acknowledge', { idempotencyKey: key(), assignmentId: dispatched.data.createdIds[0]! })).ok).toBe(true);
    for (let step = 0; step < 12; step++) await advanceDrill(server, drillId, 10);
    await settle();
  });
  afterAll(() => server.close());

  it('delivers drill events to the drill room and the drill unit only, never to live clients', () => {
    expect(received.drillOps!.map((event) => event.type)).toEqual(expect.arrayContaining(['drill:clock-changed', 'drill:inject-fired', 'incident:reported', 'assignment:dispatched', 'unit:moved']));
    expect(received.drillField!.map((event) => event.type)).toEqual(expect.arrayContaining(['assignment:dispatched', 'assignment:status-changed']));
    expect(received.liveOps).toEqual([]);
    expect(received.liveField).toEqual([]);
  });

  it('keeps drill incidents and units out of live REST reads and the GeoJSON export', async () => {
    const token = await server.login('disp2');
    const incidents = await apiData<Incident[]>(server, token, 'GET', '/api/incidents?status=all');
    const units = await apiData<Unit[]>(server, token, 'GET', '/api/units');
    const geojson = await (await fetch(`${server.url}/api/export/geojson`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(incidents).toEqual([]);
    expect(units.map((unit) => unit.id).sort()).toEqual(['U-A1', 'U-E1', 'U-E2', 'U-P1']);
    expect(geojson).not.toContain(drillId);
    expect(geojson).not.toContain('drill:');
    // The same reads with ?world= show the drill's picture to someone in it.
    const drillToken = await server.login('disp1');
    const drillIncidents = await apiData<Incident[]>(server, drillToken, 'GET', `/api/incidents?world=${world}`);
    expect(drillIncidents.map((incident) => incident.id)).toEqual([drillIncidentId]);
    const drillUnits = await apiData<Unit[]>(server, drillToken, 'GET', `/api/units?world=${world}`);
    expect(drillUnits.every((unit) => unit.world === world && unit.id.startsWith(`D${drillId}-`))).toBe(true);
  });

  it('leaves live units exactly as they were', () => {
    expect(serializeWorld(server.app.registry.get('live')!).units).toEqual(liveUnitsBefore);
  });

  it('keeps a live report out of the drill room and the drill REST reads', async () => {
    const liveDispatcher = await server.connect('disp2');
    const before = received.drillOps!.length;
    const reported = await send(liveDispatcher, 'incident:report', { idempotencyKey: key(), category: 'accident', subtype: 'road_traffic', level: 'IV', location: { lat: 38.92, lon: 121.62 }, description: 'live collision' });
    if (!reported.ok) throw new Error(reported.error.message);
    await eventually(() => expect(received.liveOps!.map((event) => event.data.incidentId)).toContain(reported.data.createdIds[0]));
    await settle();
    expect(received.drillOps!.slice(before)).toEqual([]);
    const drillIncidents = await apiData<Incident[]>(server, await server.login('disp1'), 'GET', `/api/incidents?world=${world}&status=all`);
    expect(drillIncidents.map((incident) => incident.id)).not.toContain(reported.data.createdIds[0]);
    // A live field unit's resync reads only live events.
    const resync = await send(await server.connect('field-e1'), 'sync:since', { afterSeq: 0 });
    if (!resync.ok || resync.data.kind !== 'events') throw new Error('resync failed');
    expect(resync.data.events.every((event) => event.world === 'live')).toBe(true);
  });

  it('refuses, at the handshake and in REST, users who take no part in the drill', async () => {
    for (const username of ['disp2', 'sup', 'field-e2']) {
      await expect(server.connect(username, { world })).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
      const { body } = await api(server, await server.login(username), 'GET', `/api/incidents?world=${world}`);
      expect(body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('lets a field trainee act for their drill unit only', async () => {
    const other = await send(drillField, 'unit:change-status', { idempotencyKey: key(), unitId: `D${drillId}-U-E2`, status: 'out_of_service' });
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const live = await send(drillField, 'unit:change-status', { idempotencyKey: key(), unitId: 'U-E1', status: 'out_of_service' });
    expect(live).toMatchObject({ ok: false });
    expect(server.app.registry.get('live')!.units.get('U-E1')!.status).toBe('available');
  });

  it('scopes idempotency keys to their world: the same key in live operations is a new command', async () => {
    const sharedKey = key();
    const note = { idempotencyKey: sharedKey, incidentId: drillIncidentId, text: 'drill note' };
    const inDrill = await send(drillDispatcher, 'incident:note', note);
    expect(inDrill.ok).toBe(true);
    const liveDesk = await server.connect('disp1');
    const reported = await send(liveDesk, 'incident:report', {
      idempotencyKey: sharedKey,
      category: 'accident',
      subtype: 'gas',
      level: 'IV',
      location: { lat: 38.92, lon: 121.63 },
      description: 'gas smell in a stairwell',
    });
    expect(reported).toMatchObject({ ok: true, data: { replayed: false } });
    if (reported.ok) expect(server.app.registry.get('live')!.incidents.has(reported.data.createdIds[0]!)).toBe(true);
  });
});
