import { describe, expect, it } from 'vitest';
import {
  decide,
  decideTimeout,
  emptyWorld,
  evolve,
  streamOf,
  type Command,
  type Decision,
  type NewEvent,
  type StoredEvent,
  type WorldState,
} from '../../shared/index.js';

const actor = { userId: 'USR-disp', role: 'dispatcher' } as const;
let ids = 0;
const context = { actor, newId: (kind: 'incident' | 'assignment') => `${kind === 'incident' ? 'INC' : 'ASG'}-${++ids}` };

/** Commits a decision the way the server does: numbering events and folding them in. */
function commit(state: WorldState, decision: Decision, at = '2026-11-25T08:00:00.000Z'): StoredEvent[] {
  if (!decision.ok) throw new Error(`${decision.error.code}: ${decision.error.message}`);
  const versions = new Map<string, number>();
  return decision.events.map((event: NewEvent) => {
    const version = (versions.get(event.stream) ?? currentVersion(state, event.stream)) + 1;
    versions.set(event.stream, version);
    const stored = { ...event, seq: state.seq + 1, version, at, actor, world: state.world } as StoredEvent;
    evolve(state, stored);
    return stored;
  });
}

function currentVersion(state: WorldState, stream: string): number {
  const [kind, id] = stream.split(/:(.*)/s) as [string, string];
  const entity = kind === 'incident' ? state.incidents.get(id) : kind === 'unit' ? state.units.get(id) : state.assignments.get(id);
  return entity?.version ?? 0;
}

function run(state: WorldState, command: Command) {
  return commit(state, decide(state, command, context));
}

function worldWithUnits(): WorldState {
  const state = emptyWorld('live');
  for (const [unitId, type] of [
    ['U-1', 'fire_engine'],
    ['U-2', 'ambulance'],
  ] as const)
    evolve(state, {
      type: 'unit:registered',
      stream: streamOf.unit(unitId),
      seq: state.seq + 1,
      version: 1,
      at: '2026-11-25T07:00:00.000Z',
      actor,
      world: 'live',
      data: { unitId, callSign: unitId, name: unitId, type, agency: type === 'ambulance' ? 'health_emergency' : 'fire_rescue', district: 'Zhongshan', stationName: 's', home: { lat: 38.9, lon: 121.6 }, capabilities: [] },
    });
  return state;
}

const k = () => `key-${++ids}-xxxxxxxx`;
function reportFire(state: WorldState) {
  const [event] = run(state, {
    type: 'incident:report',
    payload: { idempotencyKey: k(), category: 'accident', subtype: 'building_fire', level: 'III', location: { lat: 38.91, lon: 121.63 }, address: '', description: 'fire', caller: { name: '', phone: '' }, casualties: 0 },
  });
  return (event!.data as { incidentId: string }).incidentId;
}

describe('decide and evolve', () => {
  it('a report creates an incident with a code, the reporter and the server time', () => {
    const state = worldWithUnits();
    const incidentId = reportFire(state);
    expect(state.incidents.get(incidentId)).toMatchObject({ code: 'DL-00001', status: 'reported', reportedBy: 'USR-disp', reportedAt: '2026-11-25T08:00:00.000Z', version: 1 });
  });

  it('dispatch writes an assignment and a unit event per unit, and activates the incident', () => {
    const state = worldWithUnits();
    const incidentId = reportFire(state);
    const events = run(state, { type: 'incident:dispatch', payload: { idempotencyKey: k(), incidentId, unitIds: ['U-1', 'U-2'] } });
    expect(events.map((e) => e.type)).toEqual(['assignment:dispatched', 'unit:status-changed', 'assignment:dispatched', 'unit:status-changed', 'incident:status-changed']);
    expect(state.incidents.get(incidentId)).toMatchObject({ status: 'active', firstDispatchAt: '2026-11-25T08:00:00.000Z' });
    expect(state.units.get('U-1')).toMatchObject({ status: 'dispatched' });
    expect(state.units.get('U-1')!.assignmentId).toBe((events[0]!.data as { assignmentId: string }).assignmentId);
  });

  it('a dispatch naming one unavailable unit is refused whole', () => {
    const state = worldWithUnits();
    const incidentId = reportFire(state);
    run(state, { type: 'incident:dispatch', payload: { idempotencyKey: k(), incidentId, unitIds: ['U-1'] } });
    const decision = decide(state, { type: 'incident:dispatch', payload: { idempotencyKey: k(), incidentId, unitIds: ['U-2', 'U-1'] } }, context);
    expect(decision).toMatchObject({ ok: false, error: { code: 'UNIT_UNAVAILABLE' } });
    expect(state.units.get('U-2')!.status).toBe('available');
  });

  it('moves an assignment through its statuses and frees the unit when cleared', () => {
    const state = worldWithUnits();
    const incidentId = reportFire(state);
    const [dispatched] = run(state, { type: 'incident:dispatch', payload: { idempotencyKey: k(), incidentId, unitIds: ['U-2'] } });
    const assignmentId = (dispatched!.data as { assignmentId: string }).assignmentId;
    run(state, { type: 'assignment:acknowledge', payload: { idempotencyKey: k(), assignmentId } });
    for (const status of ['en_route', 'on_scene', 'transporting', 'at_hospital'] as const) {
      run(state, { type: 'assignment:advance', payload: { idempotencyKey: k(), assignmentId, status } });
      expect(state.units.get('U-2')!.status).toBe(status);
    }
    run(state, { type: 'assignment:advance', payload: { idempotencyKey: k(), assignmentId, status: 'cleared' } });
    expect(state.units.get('U-2')).toMatchObject({ status: 'available', assignmentId: null });
    expect(Object.keys(state.assignments.get(assignmentId)!.times)).toEqual(['dispatched', 'acknowledged', 'en_route', 'on_scene', 'transporting', 'at_hospital', 'cleared']);
  });

  it('a time-out frees the unit, and a timed-out assignment cannot be acknowledged', () => {
    const state = worldWithUnits();
    const incidentId = reportFire(state);
    const [dispatched] = run(state, { type: 'incident:dispatch', payload: { idempotencyKey: k(), incidentId, unitIds: ['U-1'] } });
    const assignmentId = (dispatched!.data as { assignmentId: string }).assignmentId;
    commit(state, decideTimeout(state, assignmentId));
    expect(state.units.get('U-1')!.status).toBe('available');
    expect(decide(state, { type: 'assignment:acknowledge', payload: { idempotencyKey: k(), assignmentId } }, context)).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
  });

  it('level changes need a different level and record from/to', () => {
    const state = worldWithUnits();
    const incidentId = reportFire(state);
    expect(decide(state, { type: 'incident:change-level', payload: { idempotencyKey: k(), incidentId, level: 'III', reason: 'same' } }, context)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const [event] = run(state, { type: 'incident:change-level', payload: { idempotencyKey: k(), incidentId, level: 'I', reason: 'spread to the whole building' } });
    expect(event!.data).toMatchObject({ from: 'III', to: 'I' });
    expect(state.incidents.get(incidentId)!.level).toBe('I');
  });

  it('merging marks the duplicate and records it on the survivor, each in its own stream', () => {
    const state = worldWithUnits();
    const survivor = reportFire(state);
    const duplicate = reportFire(state);
    const events = run(state, { type: 'incident:merge', payload: { idempotencyKey: k(), incidentId: duplicate, intoIncidentId: survivor } });
    expect(events.map((e) => e.stream)).toEqual([streamOf.incident(duplicate), streamOf.incident(survivor)]);
    expect(state.incidents.get(duplicate)).toMatchObject({ status: 'merged', mergedInto: survivor });
    expect(state.incidents.get(survivor)!.mergedFrom).toEqual([duplicate]);
    expect(decide(state, { type: 'incident:merge', payload: { idempotencyKey: k(), incidentId: survivor, intoIncidentId: survivor } }, context)).toMatchObject({ ok: false });
  });

  it('a rejected incident accepts no more changes', () => {
    const state = worldWithUnits();
    const incidentId = reportFire(state);
    run(state, { type: 'incident:reject', payload: { idempotencyKey: k(), incidentId, reason: 'prank call' } });
    for (const command of [
      { type: 'incident:verify', payload: { idempotencyKey: k(), incidentId } },
      { type: 'incident:dispatch', payload: { idempotencyKey: k(), incidentId, unitIds: ['U-1'] } },
      { type: 'incident:update', payload: { idempotencyKey: k(), incidentId, description: 'x' } },
    ] as Command[])
      expect(decide(state, command, context)).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
  });

  it('unit status by hand only when free, and only along allowed edges', () => {
    const state = worldWithUnits();
    expect(decide(state, { type: 'unit:change-status', payload: { idempotencyKey: k(), unitId: 'U-1', status: 'on_scene' } }, context)).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    run(state, { type: 'unit:change-status', payload: { idempotencyKey: k(), unitId: 'U-1', status: 'out_of_service' } });
    expect(state.units.get('U-1')!.status).toBe('out_of_service');
  });

  it('a position keeps the time it was taken; a late, older fix changes nothing; a fast phone clock is capped', () => {
    const state = worldWithUnits();
    const move = (lat: number, observedAt: string) =>
      decide(state, { type: 'unit:update-location', payload: { idempotencyKey: k(), unitId: 'U-1', location: { lat, lon: 121.6 }, observedAt } }, context);
    commit(state, move(38.95, '2026-11-25T07:59:30.000Z'), '2026-11-25T08:00:00.000Z');
    expect(state.units.get('U-1')).toMatchObject({ location: { lat: 38.95 }, locationAt: '2026-11-25T07:59:30.000Z' });
    const stale = move(38.5, '2026-11-25T07:59:00.000Z');
    expect(stale).toMatchObject({ ok: true, events: [] });
    commit(state, move(38.96, '2026-11-25T09:00:00.000Z'), '2026-11-25T08:01:00.000Z');
    expect(state.units.get('U-1')!.locationAt).toBe('2026-11-25T08:01:00.000Z');
  });

  it('decide never changes the state it reads', () => {
    const state = worldWithUnits();
    const incidentId = reportFire(state);
    const before = JSON.stringify([...state.incidents, ...state.units, ...state.assignments]);
    decide(state, { type: 'incident:dispatch', payload: { idempotencyKey: k(), incidentId, unitIds: ['U-1', 'U-2'] } }, context);
    expect(JSON.stringify([...state.incidents, ...state.units, ...state.assignments])).toBe(before);
  });
});
