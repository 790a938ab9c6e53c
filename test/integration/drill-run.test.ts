import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AfterActionReview, CreatedDrill, DrillSummary } from '../../shared/index.js';
import { advanceDrill, api, apiData } from '../support/drill-api.js';
import { eventually, key, recordEvents, send, settle, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * The school food-poisoning scenario run on a manual drill clock in 10 s steps: a trainee dispatcher
 * verifies and dispatches, the simulated ambulance crew does the rest, and the review's figures follow
 * exactly from the times the test chose and the crew's fixed delays (U-A1: acknowledges 31 s after
 * dispatch, leaves 15 s later; drives 4.86 km × 1.3 at 50 km/h ≈ 455 s).
 */
describe('a drill run end to end', () => {
  let server: TestServer;
  let instructor: string;
  let drillId: string;
  let review: AfterActionReview;
  let liveOps: ReturnType<typeof recordEvents> = [];
  let traineeEvents: ReturnType<typeof recordEvents> = [];

  beforeAll(async () => {
    server = await startTestServer({ config: { drillClock: 'manual', drillTickMs: 0, deadlineWatchMs: 0 } });
    instructor = await server.login('instr');
    const created = await apiData<CreatedDrill>(server, instructor, 'POST', '/api/drills', {
      scenarioId: 'school-food-poisoning',
      trainees: [{ username: 'disp1', playsAs: 'dispatcher' }],
    });
    drillId = created.drillId;
    liveOps = recordEvents(await server.connect('disp2'));
    const trainee = await server.connect('disp1', { world: created.world });
    traineeEvents = recordEvents(trainee);
    await apiData(server, instructor, 'POST', `/api/drills/${drillId}/start`, {});
    await advanceDrill(server, drillId, 0); // minute 0: the teacher's call comes in
    const incidentId = `INC-${drillId}-canteen`;
    await eventually(() => expect(traineeEvents.map((event) => event.type)).toContain('incident:reported'));

    await advanceDrill(server, drillId, 20);
    expect((await send(trainee, 'incident:verify', { idempotencyKey: key(), incidentId })).ok).toBe(true);
    for (let t = 30; t <= 50; t += 10) await advanceDrill(server, drillId, 10);
    const dispatched = await send(trainee, 'incident:dispatch', { idempotencyKey: key(), incidentId, unitIds: [`D${drillId}-U-A1`] });
    expect(dispatched.ok).toBe(true);
    expect((await send(trainee, 'plan:complete-action', { idempotencyKey: key(), incidentId, actionId: 'dispatch-ambulances' })).ok).toBe(true);
    for (let t = 60; t <= 700; t += 10) await advanceDrill(server, drillId, 10);
    expect((await send(trainee, 'plan:complete-action', { idempotencyKey: key(), incidentId, actionId: 'notify-cdc' })).ok).toBe(true);
    for (let t = 710; t <= 960; t += 10) await advanceDrill(server, drillId, 10);
    await apiData(server, instructor, 'POST', `/api/drills/${drillId}/end`, {});
    review = await apiData<AfterActionReview>(server, instructor, 'GET', `/api/drills/${drillId}/review`);
    await settle();
  });
  afterAll(() => server.close());

  it('fires the scenario injects due by minute 16 on simulated time, to the drill room only', () => {
    expect(review.injects.fired.map((inject) => [inject.injectId, inject.offsetSeconds])).toEqual([
      ['teacher-call', 0],
      ['more-pupils', 480],
      ['level-three', 900],
    ]);
    expect(traineeEvents.filter((event) => event.type === 'drill:inject-fired')).toHaveLength(3);
    expect(liveOps).toEqual([]);
  });

  it('measures the incident against its targets, step by step', () => {
    expect(review).toMatchObject({ status: 'ended', provisional: false, elapsedMinutes: 16 });
    const [incident] = review.incidents;
    expect(incident).toMatchObject({ ref: 'canteen', source: 'inject', code: 'DR-00001', levels: ['IV', 'III'], casualties: 35, scored: true });
    const intervals = Object.fromEntries(incident!.intervals.map((interval) => [interval.id, [interval.seconds, interval.targetSeconds, interval.met]]));
    expect(intervals).toEqual({
      verification: [20, null, null],
      // Dispatched at 0:50.
      'call-processing': [50, 60, true],
      // Acknowledged at the first step after 0:50 + 31 s, i.e. 1:30.
      acknowledgement: [40, null, null],
      // En route at the first step after 1:30 + 15 s, i.e. 1:50: exactly the EMS target.
      turnout: [60, 60, true],
      // ≈ 455 s of driving, seen at the next 10 s step: on scene at 9:30.
      travel: [460, 480, true],
      'first-on-scene': [570, null, null],
      // One ambulance of the six units the run card asks for: the full assignment never arrives.
      'full-first-alarm': [null, 480, false],
      'ambulance-departure': [60, 180, true],
    });
    expect(incident!.assignments).toMatchObject([{ unitId: `D${drillId}-U-A1`, playedByTrainee: false, status: 'on_scene', dispatchedBy: 'USR-disp1' }]);
  });

  it('reviews the plan checklist at the drill end and the run card against the units sent', () => {
    const [incident] = review.incidents;
    expect(incident!.plan).toMatchObject({ planId: 'PLAN-FOOD-POISONING', expected: true, done: 1, doneLate: 1, overdue: 1, pending: 4 });
    expect(incident!.plan!.items.slice(0, 3).map((item) => [item.actionId, item.status, item.minutesLate])).toEqual([
      ['dispatch-ambulances', 'done', 0],
      // Due 10 min after activation at 0:20; ticked at 11:40.
      ['notify-cdc', 'done_late', 2],
      // Due at 15:20; the drill ended at 16:00.
      ['activate-command', 'overdue', 1],
    ]);
    expect(incident!.resources).toMatchObject({ required: 6, matched: 1, sentByType: { ambulance: 1 } });
    expect(incident!.resources!.lines[0]).toEqual({ unitType: 'ambulance', capability: 'als', required: 2, sent: 1 });
  });

  it('scores 60.3: timeliness 4 of 5 targets, checklist ½, resources 1/6, the expected plan', () => {
    const points = (score: AfterActionReview['score']) => Object.fromEntries(score!.components.map((component) => [component.id, component.points]));
    expect(points(review.incidents[0]!.score)).toEqual({ timeliness: 32, checklist: 15, resources: 3.3, escalationReporting: 10 });
    expect(review.incidents[0]!.score.total).toBe(60.3);
    expect(review.score?.total).toBe(60.3);
    expect(review.aggregates).toMatchObject({ incidents: 1, scoredIncidents: 1, checklist: { done: 1, doneLate: 1, overdue: 1, pending: 4 }, resources: { required: 6, matched: 1 } });
  });

  it('shows the simulated crew at work to the trainee, and the overdue alert in the drill room only', () => {
    const crew = traineeEvents.filter((event) => event.type === 'assignment:status-changed').map((event) => event.data.to);
    expect(crew).toEqual(['acknowledged', 'en_route', 'on_scene']);
    // Position every 30 s of the ~7.6 min drive.
    expect(traineeEvents.filter((event) => event.type === 'unit:moved').length).toBeGreaterThanOrEqual(14);
    expect(traineeEvents.some((event) => event.type === 'alert:raised' && event.data.actionId === 'activate-command')).toBe(true);
    expect(review.timeline.find((entry) => entry.type === 'assignment:status-changed')?.actor).toEqual({ userId: 'drill-sim', role: 'system' });
  });

  it('lists the drill for its trainee, who sees the fired injects only, may not run it, and reads the review once it ended', async () => {
    const token = await server.login('disp1');
    const [summary] = await apiData<DrillSummary[]>(server, token, 'GET', '/api/drills');
    expect(summary).toMatchObject({ drillId, status: 'ended', viewerIs: 'trainee', injectCount: 8, elapsedMinutes: 16 });
    expect(summary!.injects.map((inject) => inject.injectId)).toEqual(['teacher-call', 'more-pupils', 'level-three']);
    expect((await api(server, token, 'POST', `/api/drills/${drillId}/inject`, { kind: 'road-closed', location: { lat: 38.9, lon: 121.58 }, description: 'x' })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await api(server, token, 'GET', `/api/drills/${drillId}/review`)).body).toMatchObject({ ok: true, data: { score: { total: 60.3 } } });
    expect((await api(server, await server.login('disp2'), 'GET', `/api/drills/${drillId}`)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
