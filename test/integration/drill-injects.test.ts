import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedDrill, WorldState } from '../../shared/index.js';
import { advanceDrill, api, apiData } from '../support/drill-api.js';
import { eventually, key, recordEvents, send, startTestServer, type TestClient, type TestServer } from '../support/test-server.js';

/** What each kind of inject does to the drill world, scripted (port pipeline fire) and ad hoc. */
describe('drill injects', () => {
  let server: TestServer;
  let instructor: string;
  let drillId: string;
  let trainee: TestClient;
  let seen: ReturnType<typeof recordEvents>;
  const state = (): WorldState => server.app.registry.get(`drill:${drillId}`)!;
  const incident = (ref: string) => state().incidents.get(`INC-${drillId}-${ref}`);

  /** Runs the drill clock on to `minute` (from the last minute reached) in 30 s steps. */
  let at = 0;
  async function runTo(minute: number) {
    for (; at < minute * 60; at += 30) await advanceDrill(server, drillId, 30);
  }

  beforeAll(async () => {
    server = await startTestServer({ config: { drillClock: 'manual', drillTickMs: 0, deadlineWatchMs: 0 } });
    instructor = await server.login('instr');
    const created = await apiData<CreatedDrill>(server, instructor, 'POST', '/api/drills', { scenarioId: 'port-pipeline-fire', trainees: [{ username: 'disp1', playsAs: 'dispatcher' }] });
    drillId = created.drillId;
    trainee = await server.connect('disp1', { world: created.world });
    seen = recordEvents(trainee);
    await apiData(server, instructor, 'POST', `/api/drills/${drillId}/start`, {});
    await advanceDrill(server, drillId, 0);
  });
  afterAll(() => server.close());

  it('an incident inject reports a call under a stable id; verifying it activates the scenario plan', async () => {
    expect(incident('pipeline-fire')).toMatchObject({ status: 'reported', level: 'II', casualties: 2, reportedBy: 'drill-sim', code: 'DR-00001' });
    const incidentId = `INC-${drillId}-pipeline-fire`;
    expect((await send(trainee, 'incident:verify', { idempotencyKey: key(), incidentId })).ok).toBe(true);
    expect(state().activations.get(incidentId)?.planId).toBe('PLAN-PETROCHEMICAL-FIRE-DAGUSHAN');
    const dispatched = await send(trainee, 'incident:dispatch', { idempotencyKey: key(), incidentId, unitIds: [`D${drillId}-U-E1`, `D${drillId}-U-E2`] });
    expect(dispatched.ok).toBe(true);
  });

  it('a casualties inject adds to the count, and a related incident is linked by notes both ways', async () => {
    await runTo(15);
    expect(incident('pipeline-fire')!.casualties).toBe(5);
    expect(incident('oil-spill')).toMatchObject({ subtype: 'oil_spill', status: 'reported', noteCount: 1 });
    expect(incident('pipeline-fire')!.noteCount).toBe(1);
    const notes = () => seen.filter((event) => event.type === 'incident:noted').map((event) => event.data.text as string);
    await eventually(() => expect(notes()).toEqual([expect.stringContaining('DR-00001'), expect.stringContaining('DR-00002')]));
  });

  it('a breakdown cancels the nearest engine still on its way (reason breakdown) and takes it out of service', async () => {
    await runTo(22);
    const unit = state().units.get(`D${drillId}-U-E1`)!;
    expect(unit).toMatchObject({ status: 'out_of_service', assignmentId: null });
    const cancelled = [...state().assignments.values()].find((assignment) => assignment.unitId === unit.id)!;
    expect(cancelled).toMatchObject({ status: 'cancelled', reason: 'breakdown' });
    expect(state().units.get(`D${drillId}-U-E2`)!.status).toBe('en_route');
    const fired = () => seen.filter((event) => event.type === 'drill:inject-fired').map((event) => [event.data.injectId, event.data.incidentId ?? null]);
    await eventually(() => expect(fired().at(-1)).toEqual(['engine-breakdown', `INC-${drillId}-pipeline-fire`]));
  });

  it('a road-closed notice carries its place and changes nothing else', async () => {
    const before = state().seq;
    await runTo(30);
    const notice = () => seen.find((event) => event.type === 'drill:inject-fired' && event.data.injectId === 'access-road-closed');
    await eventually(() => expect(notice()).toBeDefined());
    expect(notice()!.data).toMatchObject({ kind: 'road-closed', location: { lat: 38.985, lon: 121.86 } });
    expect(notice()!.seq).toBeGreaterThan(before);
    expect(notice()!.data.incidentId).toBeUndefined();
  });

  it('an ad-hoc escalation from the instructor re-matches the plan like a dispatcher’s level change', async () => {
    const incidentId = `INC-${drillId}-oil-spill`;
    expect((await send(trainee, 'incident:verify', { idempotencyKey: key(), incidentId })).ok).toBe(true);
    expect(state().activations.get(incidentId)?.planId).toBe('PLAN-OIL-SPILL');
    const { body } = await api(server, instructor, 'POST', `/api/drills/${drillId}/inject`, { kind: 'escalate', ref: 'oil-spill', level: 'II', reason: 'slick reaches the fish farms', description: '油带抵达养殖区 / The slick reaches the fish farms' });
    expect(body).toEqual({ ok: true, data: { injectId: 'adhoc-1' } });
    expect(state().activations.get(incidentId)?.planId).toBe('PLAN-OIL-SPILL-MAJOR');
    await eventually(() => expect(seen.map((event) => event.type)).toContain('plan:rematched'));
    const rematch = seen.find((event) => event.type === 'plan:rematched')!;
    expect(rematch).toMatchObject({ data: { fromPlanId: 'PLAN-OIL-SPILL', toLevel: 'II' } });
  });

  it('an inject that finds nothing to act on still fires, saying so', async () => {
    const { body } = await api(server, instructor, 'POST', `/api/drills/${drillId}/inject`, { kind: 'casualties', ref: 'no-such-incident', add: 3, description: 'more hurt' });
    expect(body).toEqual({ ok: true, data: { injectId: 'adhoc-2' } });
    await eventually(() => expect(seen.at(-1)).toMatchObject({ type: 'drill:inject-fired', data: { injectId: 'adhoc-2', description: 'more hurt (no effect: no incident no-such-incident)' } }));
  });

  it('refuses an ad-hoc inject whose body is not an inject', async () => {
    const { body } = await api(server, instructor, 'POST', `/api/drills/${drillId}/inject`, { kind: 'meteor', description: 'x' });
    expect(body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const missing = await api(server, instructor, 'POST', `/api/drills/${drillId}/inject`, { kind: 'escalate', ref: 'oil-spill', description: 'x' });
    expect(JSON.stringify(missing.body)).toContain('level');
  });
});
