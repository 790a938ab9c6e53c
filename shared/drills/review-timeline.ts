import type { StoredEvent } from '../protocol/events.js';
import type { WorldState } from '../world/state.js';
import type { TimelineEntry } from './after-action-types.js';

/**
 * Events a timeline leaves out: position reports (a replay draws them, a reader does not want them) and
 * clock checkpoints that change nothing.
 */
export function belongsInTimeline(event: StoredEvent, previousClock: { status: string; speed: number } | null): boolean {
  if (event.type === 'unit:moved' || event.type === 'unit:registered') return false;
  if (event.type === 'drill:clock-changed') return !previousClock || previousClock.status !== event.data.status || previousClock.speed !== event.data.speed;
  return true;
}

/** One event as a timeline line; `state` is the world at the end, used to name incidents and units. */
export function timelineEntry(event: StoredEvent, state: WorldState, startsAtMs: number): TimelineEntry {
  const data = event.data as { incidentId?: string; unitId?: string; assignmentId?: string | null };
  const assignment = data.assignmentId ? state.assignments.get(data.assignmentId) : undefined;
  const incidentId = data.incidentId ?? assignment?.incidentId ?? null;
  const unitId = data.unitId ?? assignment?.unitId ?? null;
  return {
    seq: event.seq,
    at: event.at,
    offsetSeconds: Math.round((Date.parse(event.at) - startsAtMs) / 1000),
    type: event.type,
    actor: event.actor,
    incidentId,
    unitId,
    assignmentId: data.assignmentId ?? null,
    summary: summarise(event, state, incidentId, unitId),
  };
}

function summarise(event: StoredEvent, state: WorldState, incidentId: string | null, unitId: string | null): string {
  const incident = incidentId ? (state.incidents.get(incidentId)?.code ?? incidentId) : '';
  const unit = unitId ? (state.units.get(unitId)?.callSign ?? unitId) : '';
  switch (event.type) {
    case 'incident:reported':
      return `${event.data.code} reported: ${event.data.subtype}, level ${event.data.level}, ${event.data.casualties} casualties`;
    case 'incident:verified':
      return `${incident} verified`;
    case 'incident:rejected':
      return `${incident} rejected: ${event.data.reason}`;
    case 'incident:merged':
      return `${incident} merged into ${state.incidents.get(event.data.intoIncidentId)?.code ?? event.data.intoIncidentId}`;
    case 'incident:absorbed':
      return `${incident} absorbed a duplicate`;
    case 'incident:updated':
      return event.data.casualties !== undefined ? `${incident}: casualties now ${event.data.casualties}` : `${incident} updated`;
    case 'incident:level-changed':
      return `${incident}: level ${event.data.from} → ${event.data.to} (${event.data.reason})`;
    case 'incident:status-changed':
      return `${incident} ${event.data.to}`;
    case 'incident:noted':
      return `${incident} note: ${event.data.text}`;
    case 'assignment:dispatched':
      return `${unit} dispatched to ${incident}`;
    case 'assignment:status-changed':
      return `${unit} on ${incident}: ${event.data.to.replace('_', ' ')}${event.data.reason ? ` (${event.data.reason})` : ''}`;
    case 'unit:status-changed':
      return `${unit} ${event.data.from.replace('_', ' ')} → ${event.data.to.replace('_', ' ')}`;
    case 'plan:activated':
      return `${incident}: plan ${event.data.planId} activated`;
    case 'plan:rematched':
      return `${incident}: plan ${event.data.fromPlanId} → ${event.data.planId} at level ${event.data.toLevel}`;
    case 'plan:action-completed':
      return `${incident}: action ${event.data.actionId} done`;
    case 'alert:raised':
      return `alert: ${event.data.message}`;
    case 'drill:created':
      return `drill "${event.data.name}" created`;
    case 'drill:clock-changed':
      return `drill ${event.data.status} at ${event.data.speed}×`;
    case 'drill:inject-fired':
      return `inject ${event.data.injectId} (${event.data.kind}): ${event.data.description}`;
    default:
      return event.type;
  }
}
