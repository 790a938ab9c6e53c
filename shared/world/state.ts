import type { Assignment, Incident, Unit, WorldId } from '../protocol/entities.js';
import type { Alert } from '../protocol/alerts.js';
import type { DrillInfo } from '../protocol/drill-events.js';
import type { PlanActivation } from '../plans/activation.js';
import type { PlanTemplate } from '../plans/template.js';
import type { Snapshot } from '../protocol/socket.js';
import { isAssignmentOpen } from '../domain/state-machines.js';

/**
 * The live picture of one world, built by folding its events with `evolve`. The server keeps one per
 * world; the browser keeps the part its user may see.
 */
export interface WorldState {
  world: WorldId;
  /** Sequence number of the last event folded in. */
  seq: number;
  incidents: Map<string, Incident>;
  units: Map<string, Unit>;
  assignments: Map<string, Assignment>;
  /** How many incidents were ever reported in this world: the source of incident codes. */
  incidentCount: number;
  /** The plan active on each incident, by incident id. */
  activations: Map<string, PlanActivation>;
  /** The plan library (latest revision of each template); held by the live world. */
  templates: Map<string, PlanTemplate>;
  /** Alerts raised to supervisors, oldest first; only the most recent are kept. */
  alerts: Alert[];
  /** The drill this world belongs to; null for live operations. */
  drill: DrillInfo | null;
}

/** How many alerts a world keeps in its live picture (the log keeps all). */
export const MAX_ALERTS = 300;

export function emptyWorld(world: WorldId): WorldState {
  return {
    world,
    seq: 0,
    incidents: new Map(),
    units: new Map(),
    assignments: new Map(),
    incidentCount: 0,
    activations: new Map(),
    templates: new Map(),
    alerts: [],
    drill: null,
  };
}

/** Rebuild a state from a snapshot (client start, or a server snapshot at boot). */
export function worldFromSnapshot(
  snapshot: Pick<Snapshot, 'world' | 'seq' | 'incidents' | 'units' | 'assignments'> &
    Partial<Pick<Snapshot, 'activations' | 'alerts' | 'drill'>> & { incidentCount?: number; templates?: PlanTemplate[] },
): WorldState {
  return {
    world: snapshot.world,
    seq: snapshot.seq,
    incidents: new Map(snapshot.incidents.map((incident) => [incident.id, incident])),
    units: new Map(snapshot.units.map((unit) => [unit.id, unit])),
    assignments: new Map(snapshot.assignments.map((assignment) => [assignment.id, assignment])),
    incidentCount: snapshot.incidentCount ?? snapshot.incidents.length,
    activations: new Map((snapshot.activations ?? []).map((activation) => [activation.incidentId, activation])),
    templates: new Map((snapshot.templates ?? []).map((template) => [template.id, template])),
    alerts: snapshot.alerts ?? [],
    drill: snapshot.drill ?? null,
  };
}

/** The whole state as plain data, in a stable order (for snapshots and equality checks). */
export function serializeWorld(state: WorldState) {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    world: state.world,
    seq: state.seq,
    incidentCount: state.incidentCount,
    incidents: [...state.incidents.values()].sort(byId),
    units: [...state.units.values()].sort(byId),
    assignments: [...state.assignments.values()].sort(byId),
    activations: [...state.activations.values()].sort((a, b) => (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0)),
    templates: [...state.templates.values()].sort(byId),
    alerts: state.alerts,
    drill: state.drill,
  };
}
export type SerializedWorld = ReturnType<typeof serializeWorld>;

export function assignmentsOfIncident(state: WorldState, incidentId: string): Assignment[] {
  const found: Assignment[] = [];
  for (const assignment of state.assignments.values()) if (assignment.incidentId === incidentId) found.push(assignment);
  return found;
}

export function openAssignmentsOfIncident(state: WorldState, incidentId: string): Assignment[] {
  return assignmentsOfIncident(state, incidentId).filter((assignment) => isAssignmentOpen(assignment.status));
}

export function assignmentsOfUnit(state: WorldState, unitId: string): Assignment[] {
  const found: Assignment[] = [];
  for (const assignment of state.assignments.values()) if (assignment.unitId === unitId) found.push(assignment);
  return found;
}
