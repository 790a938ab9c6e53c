import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedDrill, DrillSummary, Scenario } from '../../shared/index.js';
import { advanceDrill, api, apiData } from '../support/drill-api.js';
import { key, send, startTestServer, type TestServer } from '../support/test-server.js';

/** Creating and running drills over REST: who may, what is checked, and how the clock moves. */
describe('drill control', () => {
  let server: TestServer;
  let instructor: string;
  beforeAll(async () => {
    server = await startTestServer({ config: { drillClock: 'manual', drillTickMs: 0, deadlineWatchMs: 0 } });
    instructor = await server.login('instr');
  });
  afterAll(() => server.close());

  const create = (body: unknown, token = instructor) => api<CreatedDrill>(server, token, 'POST', '/api/drills', body);

  it('lists scenarios and creates drills for instructors only', async () => {
    const scenarios = await apiData<Scenario[]>(server, instructor, 'GET', '/api/scenarios');
    expect(scenarios.map((scenario) => scenario.id)).toEqual(['port-pipeline-fire', 'typhoon-storm-surge', 'school-food-poisoning']);
    const dispatcher = await server.login('disp1');
    expect((await api(server, dispatcher, 'GET', '/api/scenarios')).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await create({ scenarioId: 'typhoon-storm-surge' }, dispatcher)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const created = await create({ scenarioId: 'typhoon-storm-surge', name: 'Night shift drill' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ok: true, data: { world: expect.stringMatching(/^drill:[a-z0-9]{4}$/), unitCount: 4 } });
  });

  it('checks the request field by field', async () => {
    const cases: [unknown, string, string][] = [
      [{ scenarioId: 'no-such' }, 'NOT_FOUND', 'scenarioId'],
      [{ scenarioId: 'typhoon-storm-surge', trainees: [{ username: 'nobody', playsAs: 'dispatcher' }] }, 'BAD_REQUEST', 'trainees.0.username'],
      [{ scenarioId: 'typhoon-storm-surge', trainees: [{ username: 'field-e1', playsAs: 'field' }] }, 'BAD_REQUEST', 'trainees.0.unitId'],
      [{ scenarioId: 'typhoon-storm-surge', trainees: [{ username: 'field-e1', playsAs: 'field', unitId: 'U-NONE' }] }, 'BAD_REQUEST', 'trainees.0.unitId'],
      [{ scenarioId: 'typhoon-storm-surge', trainees: [{ username: 'disp1', playsAs: 'dispatcher' }, { username: 'disp1', playsAs: 'dispatcher' }] }, 'BAD_REQUEST', 'trainees.1.username'],
      [{ scenarioId: 'typhoon-storm-surge', trainees: [{ username: 'instr', playsAs: 'dispatcher' }] }, 'BAD_REQUEST', 'trainees.0.username'],
    ];
    for (const [body, code, field] of cases) {
      const answer = (await create(body)).body;
      expect(answer, field).toMatchObject({ ok: false, error: { code } });
      expect(JSON.stringify(answer), field).toContain(field);
    }
  });

  it('starts, pauses, resumes, changes speed and ends; each step only from where it is allowed', async () => {
    const { drillId } = await apiData<CreatedDrill>(server, instructor, 'POST', '/api/drills', { scenarioId: 'school-food-poisoning', trainees: [{ username: 'disp1', playsAs: 'dispatcher' }] });
    const control = (action: string, body: unknown = {}) => api<DrillSummary>(server, instructor, 'POST', `/api/drills/${drillId}/${action}`, body);
    const trainee = await server.connect('disp1', { world: `drill:${drillId}` });
    const report = () => send(trainee, 'incident:report', { idempotencyKey: key(), category: 'accident', subtype: 'road_traffic', level: 'IV', location: { lat: 38.9, lon: 121.58 }, description: 'trainee call' });
    expect(await report()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('created') } });
    expect((await control('pause')).body).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    expect((await control('start', { speed: 61 })).body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect((await control('start', { speed: 10 })).body).toMatchObject({ ok: true, data: { status: 'running', speed: 10, simulatedNow: '2025-05-20T04:40:00.000Z' } });
    await advanceDrill(server, drillId, 90);
    expect((await report()).ok).toBe(true);
    expect((await control('pause')).body).toMatchObject({ ok: true, data: { status: 'paused', elapsedMinutes: 1.5 } });
    // A paused clock holds, and nothing fires or moves.
    expect(server.app.drills.advance(drillId, 60_000)).toBe(false);
    expect(await report()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('paused') } });
    expect((await control('resume')).body).toMatchObject({ ok: true, data: { status: 'running', simulatedNow: '2025-05-20T04:41:30.000Z' } });
    expect((await control('speed', { speed: 60 })).body).toMatchObject({ ok: true, data: { status: 'running', speed: 60 } });
    expect((await control('speed', { speed: 0 })).body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect((await control('start')).body).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    expect((await control('end')).body).toMatchObject({ ok: true, data: { status: 'ended' } });
    expect((await control('resume')).body).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    expect((await control('inject', { kind: 'road-closed', location: { lat: 38.9, lon: 121.58 }, description: 'late' })).body).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    const statuses = (await server.app.store.readStream(`drill:${drillId}`)).flatMap((event) => (event.type === 'drill:clock-changed' ? [`${event.data.status}@${event.data.speed} ${event.data.simulatedAt.slice(11, 19)}`] : []));
    // The second line is the checkpoint written once a simulated minute has passed since the last clock event.
    expect(statuses).toEqual(['running@10 04:40:00', 'running@10 04:41:30', 'paused@10 04:41:30', 'running@10 04:41:30', 'running@60 04:41:30', 'ended@60 04:41:30']);
  });

  it('lets only the drill’s own instructor (or an administrator) run it', async () => {
    const { drillId } = await apiData<CreatedDrill>(server, instructor, 'POST', '/api/drills', { scenarioId: 'school-food-poisoning', trainees: [{ username: 'disp1', playsAs: 'dispatcher' }] });
    const trainee = await server.login('disp1');
    expect((await api(server, trainee, 'POST', `/api/drills/${drillId}/start`, {})).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await api(server, trainee, 'GET', `/api/drills/${drillId}/review`)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const outsider = await server.login('sup');
    expect((await api(server, outsider, 'POST', `/api/drills/${drillId}/start`, {})).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await api(server, instructor, 'GET', `/api/drills/${drillId}/replay?limit=0`)).body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const replay = await apiData<{ events: { type: string; world: string }[]; nextAfterSeq: number | null }>(server, instructor, 'GET', `/api/drills/${drillId}/replay?limit=3`);
    expect(replay.events.map((event) => event.type)).toEqual(['drill:created', 'unit:registered', 'unit:registered']);
    expect(replay.events.every((event) => event.world === `drill:${drillId}`)).toBe(true);
    expect(replay.nextAfterSeq).toEqual(expect.any(Number));
  });
});
