import { describe, expect, it } from 'vitest';
import { DALIAN_PLAN_TEMPLATES, activationContent, streamOf, type Actor, type NewEvent, type StoredEvent } from '../../shared/index.js';
import { afterActionReview, intervalCredit, type AfterActionReview, type IntervalReview } from '../../shared/drills/index.js';
import { makeTemplate } from './plans-factories.js';

const DRILL = 'unit';
const WORLD = 'drill:unit' as const;
const T0 = Date.parse('2025-07-16T10:00:00.000Z');
const TRAINEE: Actor = { userId: 'USR-d', role: 'dispatcher' };
const SIM: Actor = { userId: 'drill-sim', role: 'system' };
const FIRE = 'INC-unit-fire';
const CRASH = 'INC-unit-crash';
const DUPLICATE = 'INC-trainee-1';
const unit = (id: string) => `Dunit-${id}`;

/** A small plan: three units, four actions (the upward report not yet due at the end). */
const plan = makeTemplate({
  id: 'PLAN-TEST-FIRE',
  requirements: [
    { unitType: 'fire_engine', count: 1, capability: 'foam' },
    { unitType: 'ambulance', count: 1, capability: 'als' },
    { unitType: 'police_patrol', count: 1 },
  ],
  actions: [
    { id: 'dispatch-first-alarm', title: { zh: '调派', en: 'Dispatch' }, responsible: 'dispatcher', deadlineMinutes: 1 },
    { id: 'activate-command', title: { zh: '启动', en: 'Activate' }, responsible: 'supervisor', deadlineMinutes: 5 },
    { id: 'set-cordon', title: { zh: '警戒', en: 'Cordon' }, responsible: 'public_security', deadlineMinutes: 15 },
    { id: 'report-upward', title: { zh: '上报', en: 'Report upward' }, responsible: 'supervisor', deadlineMinutes: 60 },
  ],
});

/** Builds a drill world's log: each line is (seconds after the start, actor, events). */
function log(lines: [number, Actor, NewEvent[]][]): StoredEvent[] {
  let seq = 0;
  return lines.flatMap(([seconds, actor, events]) =>
    events.map((event) => ({ ...event, seq: ++seq, version: 1, at: new Date(T0 + seconds * 1000).toISOString(), actor, world: WORLD })),
  );
}
const registered = (id: string, type: 'fire_engine' | 'ambulance' | 'police_patrol', capabilities: string[]): NewEvent => ({
  type: 'unit:registered',
  stream: streamOf.unit(unit(id)),
  data: { unitId: unit(id), callSign: id, name: id, type, agency: 'fire_rescue', district: 'zhongshan', stationName: 's', home: { lat: 38.9, lon: 121.6 }, capabilities },
});
const reported = (incidentId: string, code: string, subtype: string, level: 'III' | 'IV'): NewEvent => ({
  type: 'incident:reported',
  stream: streamOf.incident(incidentId),
  data: { incidentId, code, category: 'accident', subtype, level, location: { lat: 38.91, lon: 121.62 }, address: '', description: subtype, caller: { name: '', phone: '' }, casualties: 0 },
});
const dispatched = (assignmentId: string, unitId: string): NewEvent => ({ type: 'assignment:dispatched', stream: streamOf.assignment(assignmentId), data: { assignmentId, incidentId: FIRE, unitId: unit(unitId) } });
const moved = (assignmentId: string, from: string, to: string): NewEvent => ({ type: 'assignment:status-changed', stream: streamOf.assignment(assignmentId), data: { assignmentId, from, to, reason: null } as never });
const done = (actionId: string): NewEvent => ({ type: 'plan:action-completed', stream: streamOf.incident(FIRE), data: { incidentId: FIRE, actionId, note: null } });
const clock = (status: 'running' | 'ended', seconds: number): NewEvent => ({ type: 'drill:clock-changed', stream: streamOf.drill(DRILL), data: { drillId: DRILL, status, speed: 1, simulatedAt: new Date(T0 + seconds * 1000).toISOString() } });

const events = log([
  [0, SIM, [
    { type: 'drill:created', stream: streamOf.drill(DRILL), data: { drillId: DRILL, scenarioId: 'test', name: 'Test drill', instructorId: 'USR-i', trainees: [{ userId: 'USR-d', playsAs: 'dispatcher', unitId: null }], startsAt: new Date(T0).toISOString() } },
    registered('U-E1', 'fire_engine', ['water', 'foam']),
    registered('U-A1', 'ambulance', ['als']),
    registered('U-P1', 'police_patrol', []),
  ]],
  [0, SIM, [clock('running', 0), { type: 'drill:inject-fired', stream: streamOf.drill(DRILL), data: { drillId: DRILL, injectId: 'fire', kind: 'incident', description: 'fire' } }, reported(FIRE, 'DR-00001', 'building_fire', 'III')]],
  [30, TRAINEE, [{ type: 'incident:verified', stream: streamOf.incident(FIRE), data: { incidentId: FIRE } }, { type: 'plan:activated', stream: streamOf.incident(FIRE), data: activationContent(plan, FIRE, 'test') }]],
  [60, TRAINEE, [reported(DUPLICATE, 'DR-00002', 'building_fire', 'III')]],
  [90, TRAINEE, [dispatched('A-E1', 'U-E1'), dispatched('A-A1', 'U-A1'), done('dispatch-first-alarm')]],
  [100, SIM, [moved('A-E1', 'dispatched', 'acknowledged')]],
  [110, SIM, [moved('A-A1', 'dispatched', 'acknowledged')]],
  [150, SIM, [moved('A-E1', 'acknowledged', 'en_route')]],
  [200, SIM, [moved('A-A1', 'acknowledged', 'en_route')]],
  [240, SIM, [{ type: 'drill:inject-fired', stream: streamOf.drill(DRILL), data: { drillId: DRILL, injectId: 'crash', kind: 'incident', description: 'crash' } }, reported(CRASH, 'DR-00003', 'road_traffic', 'IV')]],
  [300, TRAINEE, [dispatched('A-P1', 'U-P1'), { type: 'incident:merged', stream: streamOf.incident(DUPLICATE), data: { incidentId: DUPLICATE, intoIncidentId: FIRE } }]],
  [330, SIM, [moved('A-P1', 'dispatched', 'acknowledged'), moved('A-P1', 'acknowledged', 'en_route')]],
  [400, SIM, [moved('A-E1', 'en_route', 'on_scene'), done('activate-command')]],
  [500, SIM, [moved('A-A1', 'en_route', 'on_scene')]],
  [600, TRAINEE, [{ type: 'incident:level-changed', stream: streamOf.incident(FIRE), data: { incidentId: FIRE, from: 'III', to: 'II', reason: 'spreading' } }]],
  [700, SIM, [moved('A-P1', 'en_route', 'on_scene')]],
  [1200, { userId: 'USR-i', role: 'instructor' }, [clock('ended', 1200)]],
]);

function review(): AfterActionReview {
  return afterActionReview({ world: WORLD, events, scenario: null, templates: DALIAN_PLAN_TEMPLATES, at: new Date(T0 + 1200_000).toISOString() });
}
const byId = (intervals: IntervalReview[]) => Object.fromEntries(intervals.map((interval) => [interval.id, [interval.seconds, interval.targetSeconds, interval.met]]));

describe('after-action review', () => {
  it('measures each interval against its target', () => {
    const fire = review().incidents.find((incident) => incident.incidentId === FIRE)!;
    expect(fire.milestones).toEqual({
      reported: '2025-07-16T10:00:00.000Z',
      verified: '2025-07-16T10:00:30.000Z',
      'first-dispatch': '2025-07-16T10:01:30.000Z',
      'first-acknowledged': '2025-07-16T10:01:40.000Z',
      'first-en-route': '2025-07-16T10:02:30.000Z',
      'first-on-scene': '2025-07-16T10:06:40.000Z',
      'full-first-alarm': '2025-07-16T10:11:40.000Z',
    });
    expect(byId(fire.intervals)).toEqual({
      verification: [30, null, null],
      'call-processing': [90, 60, false],
      acknowledgement: [10, null, null],
      turnout: [60, 80, true], // the engine left first: fire turnout target
      travel: [250, 240, false],
      'first-on-scene': [400, null, null],
      'full-first-alarm': [550, 480, false], // 2:30 → the police car, the run card's last line, at 11:40
      'ambulance-departure': [110, 180, true],
    });
  });

  it('evaluates the checklist at the end, fills the run card, and scores 73.5', () => {
    const fire = review().incidents.find((incident) => incident.incidentId === FIRE)!;
    expect(fire.plan!.items.map((item) => [item.actionId, item.status, item.minutesLate])).toEqual([
      ['dispatch-first-alarm', 'done', 0], // done at its deadline exactly: on time
      ['activate-command', 'done_late', 2],
      ['set-cordon', 'overdue', 5],
      ['report-upward', 'pending', 0],
    ]);
    expect(fire.resources).toEqual({
      lines: [
        { unitType: 'fire_engine', capability: 'foam', required: 1, sent: 1 },
        { unitType: 'ambulance', capability: 'als', required: 1, sent: 1 },
        { unitType: 'police_patrol', capability: null, required: 1, sent: 1 },
      ],
      required: 3,
      matched: 3,
      sentByType: { fire_engine: 1, ambulance: 1, police_patrol: 1 },
    });
    // Timeliness: call processing ½ (90 s of 60), turnout 1, travel 23/24 (250 of 240), full alarm 41/48 (550 of 480),
    // departure 1 → mean 0.8625. Checklist (1 + ½ + 0)/3. Resources 3/3. Level II without the upward report: 0.4 for the plan only.
    expect(fire.score.components.map((component) => [component.id, component.credit, component.points])).toEqual([
      ['timeliness', 0.863, 34.5],
      ['checklist', 0.5, 15],
      ['resources', 1, 20],
      ['escalationReporting', 0.4, 4],
    ]);
    expect(fire.score.total).toBe(73.5);
    expect(fire.levels).toEqual(['III', 'II']);
  });

  it('scores an incident whose plan was never activated at zero for the plan, and leaves merged duplicates out', () => {
    const result = review();
    const crash = result.incidents.find((incident) => incident.incidentId === CRASH)!;
    expect(crash).toMatchObject({ ref: 'crash', source: 'inject', planExpected: true, plan: null, scored: true });
    expect(byId(crash.intervals)['call-processing']).toEqual([null, 60, false]);
    expect(crash.intervals.filter((interval) => interval.applicable).map((interval) => interval.id)).toEqual(['verification', 'call-processing', 'first-on-scene']);
    // Nothing dispatched, no plan: timeliness 0, checklist 0, resources 0; the upward report is not required (0.6).
    expect(crash.score.total).toBe(6);
    const duplicate = result.incidents.find((incident) => incident.incidentId === DUPLICATE)!;
    expect(duplicate).toMatchObject({ source: 'trainee', status: 'merged', scored: false });
    expect(result.score!.total).toBe(39.8);
    expect(result.aggregates).toMatchObject({ incidents: 3, scoredIncidents: 2, checklist: { done: 1, doneLate: 1, overdue: 1, pending: 1 }, resources: { required: 3, matched: 3 } });
    expect(result.aggregates.intervals.find((aggregate) => aggregate.id === 'call-processing')).toMatchObject({ applicable: 2, measured: 1, met: 0, missed: 2, percentMet: 0 });
  });

  it('keeps the drill facts, the fired injects and a readable timeline', () => {
    const result = review();
    expect(result).toMatchObject({ drillId: DRILL, status: 'ended', provisional: false, elapsedMinutes: 20 });
    expect(result.injects.fired.map((inject) => [inject.injectId, inject.offsetSeconds])).toEqual([['fire', 0], ['crash', 240]]);
    expect(result.timeline.map((entry) => entry.type)).not.toContain('unit:registered');
    expect(result.timeline.find((entry) => entry.type === 'assignment:dispatched')).toMatchObject({ offsetSeconds: 90, summary: 'U-E1 dispatched to DR-00001', incidentId: FIRE });
    const fire = result.incidents.find((incident) => incident.incidentId === FIRE)!;
    expect(fire.timeline.every((entry) => entry.incidentId === FIRE)).toBe(true);
  });

  it('reviews the same history at an earlier instant as it stood then', () => {
    const early = afterActionReview({ world: WORLD, events, scenario: null, templates: DALIAN_PLAN_TEMPLATES, at: new Date(T0 + 420_000).toISOString() });
    const fire = early.incidents.find((incident) => incident.incidentId === FIRE)!;
    expect(early).toMatchObject({ status: 'running', provisional: true });
    expect(fire.milestones['full-first-alarm']).toBeNull();
    expect(early.incidents.map((incident) => incident.incidentId)).toEqual([FIRE, DUPLICATE, CRASH]);
  });

  it('gives an interval credit 1 when met, falling linearly to 0 at twice its target', () => {
    const interval = (seconds: number | null): IntervalReview => ({ id: 'travel', from: 'unit-en-route', to: 'unit-on-scene', applicable: true, seconds, targetSeconds: 240, standard: '', met: null, unitId: null });
    expect([240, 300, 480, 600, null].map((seconds) => intervalCredit(interval(seconds)))).toEqual([1, 0.75, 0, 0, 0]);
    expect(intervalCredit({ ...interval(10), targetSeconds: null })).toBeNull();
  });
});
