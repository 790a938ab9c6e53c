import type { StoredEvent } from '../protocol/events.js';
import type { WorldState } from './state.js';
import { evolvePlans } from './evolve-plans.js';
import { evolveDrills } from './evolve-drills.js';

/**
 * Applies one committed event to a world's state. It mutates `state` in place and returns it: the
 * server folds millions of events and copying maps of thousands of units per event would dominate.
 * Events about entities the state does not hold (a field client sees part of the world) are skipped.
 */
export function evolve(state: WorldState, event: StoredEvent): WorldState {
  state.seq = Math.max(state.seq, event.seq);
  switch (event.type) {
    case 'incident:reported': {
      const d = event.data;
      state.incidentCount += 1;
      state.incidents.set(d.incidentId, {
        id: d.incidentId,
        code: d.code,
        world: event.world,
        category: d.category,
        subtype: d.subtype,
        level: d.level,
        status: 'reported',
        location: d.location,
        district: d.district ?? null,
        address: d.address,
        description: d.description,
        caller: d.caller,
        casualties: d.casualties,
        reportedAt: event.at,
        reportedBy: event.actor.userId,
        reportedByUnitId: d.reportedByUnitId ?? null,
        verifiedAt: null,
        activatedAt: null,
        firstDispatchAt: null,
        containedAt: null,
        closedAt: null,
        statusReason: null,
        mergedInto: null,
        mergedFrom: [],
        noteCount: 0,
        updatedAt: event.at,
        version: event.version,
      });
      return state;
    }
    case 'incident:verified':
      return patchIncident(state, event, { status: 'verified', verifiedAt: event.at });
    case 'incident:rejected':
      return patchIncident(state, event, { status: 'rejected', statusReason: event.data.reason, closedAt: event.at });
    case 'incident:merged':
      return patchIncident(state, event, { status: 'merged', mergedInto: event.data.intoIncidentId, closedAt: event.at });
    case 'incident:absorbed': {
      const incident = state.incidents.get(event.data.incidentId);
      return incident ? patchIncident(state, event, { mergedFrom: [...incident.mergedFrom, event.data.fromIncidentId] }) : state;
    }
    case 'incident:updated': {
      const { incidentId: _ignored, ...changes } = event.data;
      return patchIncident(state, event, withoutUndefined(changes));
    }
    case 'incident:level-changed':
      return patchIncident(state, event, { level: event.data.to });
    case 'incident:status-changed': {
      const { to, reason } = event.data;
      const incident = state.incidents.get(event.data.incidentId);
      if (!incident) return state;
      if (to === 'active')
        return patchIncident(state, event, { status: 'active', activatedAt: incident.activatedAt ?? event.at });
      if (to === 'contained') return patchIncident(state, event, { status: 'contained', containedAt: event.at });
      return patchIncident(state, event, { status: 'closed', closedAt: event.at, statusReason: reason });
    }
    case 'incident:noted': {
      const incident = state.incidents.get(event.data.incidentId);
      return incident ? patchIncident(state, event, { noteCount: incident.noteCount + 1 }) : state;
    }
    case 'unit:registered': {
      const d = event.data;
      state.units.set(d.unitId, {
        id: d.unitId,
        world: event.world,
        callSign: d.callSign,
        name: d.name,
        type: d.type,
        agency: d.agency,
        district: d.district,
        stationName: d.stationName,
        home: d.home,
        location: d.home,
        locationAt: event.at,
        status: 'available',
        statusAt: event.at,
        assignmentId: null,
        capabilities: d.capabilities,
        version: event.version,
      });
      return state;
    }
    case 'unit:moved': {
      const unit = state.units.get(event.data.unitId);
      // The time the fix was taken, but never later than the server's own clock (a phone's clock may run fast).
      const observedAt = event.data.observedAt;
      const locationAt = observedAt !== undefined && Date.parse(observedAt) < Date.parse(event.at) ? observedAt : event.at;
      if (unit) state.units.set(unit.id, { ...unit, location: event.data.location, locationAt, version: event.version });
      return state;
    }
    case 'unit:status-changed': {
      const unit = state.units.get(event.data.unitId);
      if (unit)
        state.units.set(unit.id, {
          ...unit,
          status: event.data.to,
          statusAt: event.at,
          assignmentId: event.data.assignmentId,
          version: event.version,
        });
      return state;
    }
    case 'assignment:dispatched': {
      const d = event.data;
      state.assignments.set(d.assignmentId, {
        id: d.assignmentId,
        world: event.world,
        incidentId: d.incidentId,
        unitId: d.unitId,
        status: 'dispatched',
        dispatchedBy: event.actor.userId,
        dispatchedAt: event.at,
        times: { dispatched: event.at },
        reason: null,
        version: event.version,
      });
      const incident = state.incidents.get(d.incidentId);
      // Derived read field: the incident's own stream (and version) is not touched.
      if (incident && incident.firstDispatchAt === null)
        state.incidents.set(incident.id, { ...incident, firstDispatchAt: event.at });
      return state;
    }
    case 'assignment:status-changed': {
      const assignment = state.assignments.get(event.data.assignmentId);
      if (assignment)
        state.assignments.set(assignment.id, {
          ...assignment,
          status: event.data.to,
          times: { ...assignment.times, [event.data.to]: event.at },
          reason: event.data.reason ?? assignment.reason,
          version: event.version,
        });
      return state;
    }
    case 'plan-template:created':
    case 'plan-template:revised':
    case 'plan:activated':
    case 'plan:rematched':
    case 'plan:action-completed':
    case 'alert:raised':
    case 'alert:acknowledged':
      return evolvePlans(state, event);
    case 'drill:created':
    case 'drill:clock-changed':
    case 'drill:inject-fired':
      return evolveDrills(state, event);
    default:
      return assertNever(event);
  }
}

function patchIncident(
  state: WorldState,
  event: StoredEvent & { data: { incidentId: string } },
  changes: Partial<import('../protocol/entities.js').Incident>,
): WorldState {
  const incident = state.incidents.get(event.data.incidentId);
  if (incident) state.incidents.set(incident.id, { ...incident, ...changes, updatedAt: event.at, version: event.version });
  return state;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
