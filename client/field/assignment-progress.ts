import {
  ASSIGNMENT_TRANSITIONS,
  isAssignmentOpen,
  type Assignment,
  type AssignmentStatus,
  type WorldState,
} from '../../shared/index.js';
import type { OutboxEntry } from '../net/outbox.js';

/** Statuses the dispatch centre or the clock decides; a field team never picks them from a button. */
const NOT_THE_TEAMS_CHOICE: readonly AssignmentStatus[] = ['cancelled', 'timed_out'];

/** The unit's open assignment: the one the unit points at, else the newest open one. */
export function currentAssignment(state: WorldState, unitId: string): Assignment | null {
  const unit = state.units.get(unitId);
  const pointed = unit?.assignmentId ? state.assignments.get(unit.assignmentId) : undefined;
  if (pointed && isAssignmentOpen(pointed.status)) return pointed;
  let newest: Assignment | null = null;
  for (const assignment of state.assignments.values())
    if (assignment.unitId === unitId && isAssignmentOpen(assignment.status) && (!newest || assignment.dispatchedAt > newest.dispatchedAt))
      newest = assignment;
  return newest;
}

/** The status an outbox entry asks for, when it is an assignment command for this assignment. */
export function requestedStatus(entry: OutboxEntry, assignmentId: string): AssignmentStatus | null {
  if (entry.payload.assignmentId !== assignmentId) return null;
  switch (entry.name) {
    case 'assignment:acknowledge':
      return 'acknowledged';
    case 'assignment:decline':
      return 'declined';
    case 'assignment:advance':
      return entry.payload.status as AssignmentStatus;
    default:
      return null;
  }
}

export interface ExpectedStatus {
  /** What the team should see: the known status moved on by its own commands not yet reflected. */
  status: AssignmentStatus;
  /** True while at least one of those commands has not reached the server. */
  pending: boolean;
}

/**
 * The assignment as the team expects it to be. While offline the store cannot move, so the team's own
 * queued commands are played over the known status; a command is applied only when the state machine
 * allows it from where we are, so a confirmed command the store already reflects (or one overtaken by
 * a cancellation) changes nothing. Assignment transitions only go forward, so this cannot loop.
 */
export function expectedStatus(assignment: Assignment, entries: readonly OutboxEntry[]): ExpectedStatus {
  let status = assignment.status;
  let pending = false;
  for (const entry of entries) {
    if (entry.status === 'failed') continue;
    const requested = requestedStatus(entry, assignment.id);
    if (!requested || !ASSIGNMENT_TRANSITIONS[status].includes(requested)) continue;
    status = requested;
    if (entry.status !== 'confirmed') pending = true;
  }
  return { status, pending };
}

/** The progress buttons to offer from a status: allowed next states the team itself may choose. */
export function progressChoices(status: AssignmentStatus): AssignmentStatus[] {
  return ASSIGNMENT_TRANSITIONS[status].filter(
    (next) => !NOT_THE_TEAMS_CHOICE.includes(next) && next !== 'acknowledged' && next !== 'declined',
  );
}

/** Acknowledge and decline are offered only while the assignment waits for an answer. */
export function awaitsAnswer(status: AssignmentStatus): boolean {
  return ASSIGNMENT_TRANSITIONS[status].includes('acknowledged');
}
