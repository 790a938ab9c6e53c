import {
  assignmentsOfUnit,
  isAssignmentOpen,
  isIncidentOpen,
  openAssignmentsOfIncident,
  seesWholeWorld,
  type Incident,
  type Snapshot,
  type StoredEvent,
  type User,
  type WorldId,
  type WorldState,
  unitConcernsIncident,
} from '../../shared/index.js';

/** The event that closes an incident still reaches its reporter; nothing after it does. */
function isIncidentOpenOrJustClosed(status: Incident['status'], event: StoredEvent): boolean {
  return isIncidentOpen(status) || event.type === 'incident:status-changed' || event.type === 'incident:rejected' || event.type === 'incident:merged';
}

/** The room of everyone who sees a whole world: `ops` for live operations, `drill:<id>` for a drill. */
export function worldRoom(world: WorldId): string {
  return world === 'live' ? 'ops' : world;
}
export function unitRoom(unitId: string): string {
  return `unit:${unitId}`;
}

/** The room a user's socket joins in a world: one room per socket, so `prev` is per audience. */
export function roomOf(user: User, world: WorldId): string {
  return seesWholeWorld(user.role) ? worldRoom(world) : unitRoom(user.unitId ?? 'none');
}

/** The units an event concerns: its own unit, an assignment's unit, or the units on an incident. */
export function unitsConcerned(event: StoredEvent, state: WorldState): string[] {
  // Alerts are for the dispatch centre's supervisors, not for the teams they are about.
  if (event.type === 'alert:raised' || event.type === 'alert:acknowledged') return [];
  const data = event.data as { unitId?: string; assignmentId?: string; incidentId?: string };
  if (data.unitId) return [data.unitId];
  if (data.assignmentId) {
    const assignment = state.assignments.get(data.assignmentId);
    return assignment ? [assignment.unitId] : [];
  }
  if (data.incidentId) {
    const units = openAssignmentsOfIncident(state, data.incidentId).map((a) => a.unitId);
    // A team that reported an incident from the field follows it while it is open.
    const incident = state.incidents.get(data.incidentId);
    const reporter = incident?.reportedByUnitId;
    if (reporter && isIncidentOpenOrJustClosed(incident.status, event) && !units.includes(reporter)) units.push(reporter);
    return units;
  }
  return [];
}

/** Every room an event goes to. Computed after the event is folded into `state`. */
export function audienceOf(event: StoredEvent, state: WorldState): string[] {
  return [worldRoom(event.world), ...unitsConcerned(event, state).map(unitRoom)];
}

/** Whether a user may see this event (used for resync reads from the log). */
export function isVisibleTo(user: User, event: StoredEvent, state: WorldState): boolean {
  if (seesWholeWorld(user.role)) return true;
  const unitId = user.unitId;
  if (!unitId || event.type === 'alert:raised' || event.type === 'alert:acknowledged') return false;
  const data = event.data as { unitId?: string; assignmentId?: string; incidentId?: string };
  if (data.unitId) return data.unitId === unitId;
  if (data.assignmentId) return state.assignments.get(data.assignmentId)?.unitId === unitId;
  if (data.incidentId) return unitConcernsIncident(state, unitId, data.incidentId);
  return false;
}

const RECENT_MS = 24 * 60 * 60 * 1000;

/**
 * The part of a world a user starts from. Dispatchers get every unit, open incidents and those that
 * ended in the last day; a field team gets its own unit, its assignments and their incidents.
 */
export function snapshotFor(user: User, state: WorldState, now: Date): Snapshot {
  const base = { world: state.world, seq: state.seq, serverTime: now.toISOString(), user, drill: state.drill };
  if (seesWholeWorld(user.role)) {
    const cutoff = now.getTime() - RECENT_MS;
    const incidents = [...state.incidents.values()].filter(
      (incident) => isIncidentOpen(incident.status) || Date.parse(incident.closedAt ?? incident.updatedAt) >= cutoff,
    );
    const shown = new Set(incidents.map((incident) => incident.id));
    const assignments = [...state.assignments.values()].filter((a) => isAssignmentOpen(a.status) || shown.has(a.incidentId));
    const activations = [...state.activations.values()].filter((activation) => shown.has(activation.incidentId));
    return { ...base, incidents, units: [...state.units.values()], assignments, activations, alerts: state.alerts };
  }
  const unit = user.unitId ? state.units.get(user.unitId) : undefined;
  if (!unit) return { ...base, incidents: [], units: [], assignments: [], activations: [], alerts: [] };
  const assignments = assignmentsOfUnit(state, unit.id);
  const incidentIds = new Set(assignments.map((a) => a.incidentId));
  for (const incident of state.incidents.values())
    if (incident.reportedByUnitId === unit.id && isIncidentOpen(incident.status)) incidentIds.add(incident.id);
  const incidents = [...incidentIds].flatMap((id) => state.incidents.get(id) ?? []);
  const activations = [...incidentIds].flatMap((id) => state.activations.get(id) ?? []);
  return { ...base, incidents, units: [unit], assignments, activations, alerts: [] };
}
