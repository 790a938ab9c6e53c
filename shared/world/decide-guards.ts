import { fail } from '../protocol/errors.js';
import { streamOf, type NewEvent } from '../protocol/events.js';
import type { Assignment, Incident, Unit } from '../protocol/entities.js';
import type { Decision } from './decide.js';
import type { WorldState } from './state.js';

// The small guards every decision starts with: find the target, check the version the client saw.

export type Guarded = { expectedVersion?: number | undefined };

export function withIncident(state: WorldState, payload: { incidentId: string } & Guarded, then: (incident: Incident) => Decision): Decision {
  const incident = state.incidents.get(payload.incidentId);
  if (!incident) return fail('NOT_FOUND', `no incident ${payload.incidentId}`, { incidentId: payload.incidentId });
  return checkVersion(incident.version, payload) ?? then(incident);
}

export function withUnit(state: WorldState, payload: { unitId: string } & Guarded, then: (unit: Unit) => Decision): Decision {
  const unit = state.units.get(payload.unitId);
  if (!unit) return fail('NOT_FOUND', `no unit ${payload.unitId}`, { unitId: payload.unitId });
  return checkVersion(unit.version, payload) ?? then(unit);
}

export function withAssignment(
  state: WorldState,
  payload: { assignmentId: string } & Guarded,
  then: (assignment: Assignment) => Decision,
): Decision {
  const assignment = state.assignments.get(payload.assignmentId);
  if (!assignment) return fail('NOT_FOUND', `no assignment ${payload.assignmentId}`, { assignmentId: payload.assignmentId });
  return checkVersion(assignment.version, payload) ?? then(assignment);
}

export function checkVersion(current: number, payload: Guarded): Decision | undefined {
  if (payload.expectedVersion !== undefined && payload.expectedVersion !== current)
    return fail('STALE_VERSION', `you saw version ${payload.expectedVersion}; it is now ${current}`, {
      expectedVersion: payload.expectedVersion,
      currentVersion: current,
    });
  return undefined;
}

export function event<K extends 'incident:verified' | 'incident:rejected' | 'incident:merged' | 'incident:absorbed' | 'incident:updated' | 'incident:level-changed' | 'incident:status-changed' | 'incident:noted' | 'incident:reported'>(
  type: K,
  incidentId: string,
  data: Extract<NewEvent, { type: K }>['data'],
): NewEvent {
  return { type, stream: streamOf.incident(incidentId), data } as NewEvent;
}

export function illegal(message: string, details?: unknown): Decision {
  return fail('ILLEGAL_TRANSITION', message, details);
}

export function accept(events: NewEvent[], createdIds: string[] = []): Decision {
  return { ok: true, events, createdIds };
}
