import {
  DEFAULT_ROAD_FACTOR,
  UNIT_TYPE_INFO,
  decide,
  isAssignmentOpen,
  liveUnitIdOf,
  straightLineKm,
  type Actor,
  type Assignment,
  type Command,
  type Decision,
  type GeoPoint,
  type NewEvent,
  type Unit,
  type WorldState,
} from '../../shared/index.js';

/** The simulated crews' actor: their events say they were simulated, not done by a trainee. */
export const SIMULATED_CREW: Actor = { userId: 'drill-sim', role: 'system' };

/** How often a moving simulated unit reports its position (simulated seconds). */
export const POSITION_REPORT_S = 30;
/** Ambulances on scene this long (or the scenario's on-scene time, if shorter) before transporting. */
export const AMBULANCE_ON_SCENE_MIN = 15;
export const TRANSPORT_MIN = 10;
export const AT_HOSPITAL_MIN = 5;

export interface CrewTiming {
  /** Dispatch → acknowledged, 30–75 s: below the 90 s acknowledgement time-out, so a simulated crew never times out. */
  acknowledgeS: number;
  /** Acknowledged → en route, 10–30 s (the rest of the turnout). */
  leaveS: number;
}

/**
 * Each crew's own, repeatable delays, from the id of the live unit it copies (FNV-1a): every drill of a
 * scenario replays the same way, whatever its drill id.
 */
export function crewTiming(unitId: string): CrewTiming {
  let hash = 0x811c9dc5;
  for (let index = 0; index < unitId.length; index++) hash = Math.imul(hash ^ unitId.charCodeAt(index), 0x01000193) >>> 0;
  return { acknowledgeS: 30 + (hash % 46), leaveS: 10 + ((hash >>> 8) % 21) };
}

export interface SimulationOptions {
  /** Units trainees play: never simulated. */
  playedUnitIds: ReadonlySet<string>;
  /** The scenario's time on scene before a (non-ambulance) crew clears. */
  onSceneMinutes: number;
}

// Every simulated step is a client command decided by the same rules; the key only satisfies the shape.
const SIMULATION_KEY = 'drill-simulation';

/**
 * What the simulated crews do by `now`: acknowledge, leave, drive toward the incident (straight line ×
 * road factor at their type's speed, reporting position every 30 s), arrive, work, and clear — ambulances
 * via transporting and at hospital (their home station). One step per assignment per call; each step is
 * stamped with the drill time of the call, so a drill ticked more often is measured more finely.
 */
export function simulateUnits(state: WorldState, now: Date, options: SimulationOptions): Decision {
  const events: NewEvent[] = [];
  for (const assignment of state.assignments.values()) {
    if (!isAssignmentOpen(assignment.status) || options.playedUnitIds.has(assignment.unitId)) continue;
    const unit = state.units.get(assignment.unitId);
    if (!unit || unit.assignmentId !== assignment.id) continue;
    for (const command of nextSteps(state, unit, assignment, now.getTime(), options)) {
      const decision = decide(state, command, { actor: SIMULATED_CREW, newId: () => 'unused' });
      // A refused step (the dispatcher cancelled meanwhile) is simply not taken.
      if (decision.ok) events.push(...decision.events);
    }
  }
  return { ok: true, events, createdIds: [] };
}

function nextSteps(state: WorldState, unit: Unit, assignment: Assignment, nowMs: number, options: SimulationOptions): Command[] {
  const since = (status: keyof Assignment['times']) => Date.parse(assignment.times[status] ?? assignment.dispatchedAt);
  const elapsedS = (status: keyof Assignment['times']) => (nowMs - since(status)) / 1000;
  const advance = (status: 'en_route' | 'on_scene' | 'transporting' | 'at_hospital' | 'cleared'): Command => ({
    type: 'assignment:advance',
    payload: { idempotencyKey: SIMULATION_KEY, assignmentId: assignment.id, status },
  });
  const move = (location: GeoPoint): Command => ({ type: 'unit:update-location', payload: { idempotencyKey: SIMULATION_KEY, unitId: unit.id, location } });
  const timing = crewTiming(liveUnitIdOf(state.drill?.drillId ?? '', unit.id) ?? unit.id);
  const isAmbulance = unit.type === 'ambulance';
  switch (assignment.status) {
    case 'dispatched':
      return elapsedS('dispatched') >= timing.acknowledgeS ? [{ type: 'assignment:acknowledge', payload: { idempotencyKey: SIMULATION_KEY, assignmentId: assignment.id } }] : [];
    case 'acknowledged':
      return elapsedS('acknowledged') >= timing.leaveS ? [advance('en_route')] : [];
    case 'en_route': {
      const incident = state.incidents.get(assignment.incidentId);
      if (!incident) return [];
      const step = travelStep(unit, incident.location, Math.max(Date.parse(unit.locationAt), since('en_route')), nowMs);
      if (step.arrived) return [move(incident.location), advance('on_scene')];
      return step.location ? [move(step.location)] : [];
    }
    case 'on_scene': {
      const minutes = isAmbulance ? Math.min(AMBULANCE_ON_SCENE_MIN, options.onSceneMinutes) : options.onSceneMinutes;
      if (elapsedS('on_scene') < minutes * 60) return [];
      return [advance(isAmbulance ? 'transporting' : 'cleared')];
    }
    case 'transporting':
      // Demo ambulances are based at hospital emergency stations: the patient goes to the crew's home.
      return elapsedS('transporting') >= TRANSPORT_MIN * 60 ? [move(unit.home), advance('at_hospital')] : [];
    case 'at_hospital':
      return elapsedS('at_hospital') >= AT_HOSPITAL_MIN * 60 ? [advance('cleared')] : [];
    default:
      return [];
  }
}

/**
 * Where a unit driving toward `destination` since `sinceMs` is at `nowMs`: arrived, or a position along
 * the straight line (reported only once 30 s have passed since the last one), or no change yet.
 */
export function travelStep(unit: Pick<Unit, 'type' | 'location'>, destination: GeoPoint, sinceMs: number, nowMs: number): { arrived: boolean; location: GeoPoint | null } {
  const info = UNIT_TYPE_INFO[unit.type];
  const roadFactor = info.medium === 'land' ? DEFAULT_ROAD_FACTOR : 1;
  const remainingKm = straightLineKm(unit.location, destination) * roadFactor;
  const travelledKm = (info.speedKmh * Math.max(0, nowMs - sinceMs)) / 3_600_000;
  if (travelledKm >= remainingKm) return { arrived: true, location: destination };
  if (nowMs - sinceMs < POSITION_REPORT_S * 1000) return { arrived: false, location: null };
  const fraction = travelledKm / remainingKm;
  return {
    arrived: false,
    location: {
      lat: round6(unit.location.lat + (destination.lat - unit.location.lat) * fraction),
      lon: round6(unit.location.lon + (destination.lon - unit.location.lon) * fraction),
    },
  };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
