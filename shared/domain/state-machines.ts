/**
 * The three state machines of dispatch: incident, unit and assignment. Each is a closed set of
 * statuses and the transitions allowed between them; `decide` refuses anything else.
 */
export const INCIDENT_STATUSES = ['reported', 'verified', 'active', 'contained', 'closed', 'rejected', 'merged'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  // A reported incident may be dispatched to before it is verified (urgent calls): it then becomes active.
  reported: ['verified', 'active', 'rejected', 'merged'],
  verified: ['active', 'contained', 'closed', 'merged'],
  active: ['contained', 'closed'],
  contained: ['active', 'closed'],
  closed: [],
  rejected: [],
  merged: [],
};

export const OPEN_INCIDENT_STATUSES: readonly IncidentStatus[] = ['reported', 'verified', 'active', 'contained'];
export function isIncidentOpen(status: IncidentStatus): boolean {
  return OPEN_INCIDENT_STATUSES.includes(status);
}

export const UNIT_STATUSES = [
  'available',
  'dispatched',
  'en_route',
  'on_scene',
  'transporting',
  'at_hospital',
  'returning',
  'out_of_service',
] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

/** Transitions a unit may make by itself (not through an assignment). */
export const UNIT_MANUAL_TRANSITIONS: Record<UnitStatus, readonly UnitStatus[]> = {
  available: ['out_of_service', 'returning'],
  returning: ['available', 'out_of_service'],
  out_of_service: ['available'],
  dispatched: [],
  en_route: [],
  on_scene: [],
  transporting: [],
  at_hospital: [],
};

/** Only these statuses may take a new assignment. */
export function isUnitAssignable(status: UnitStatus): boolean {
  return status === 'available' || status === 'returning';
}

export const ASSIGNMENT_STATUSES = [
  'dispatched',
  'acknowledged',
  'declined',
  'timed_out',
  'en_route',
  'on_scene',
  'transporting',
  'at_hospital',
  'cleared',
  'cancelled',
] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_TRANSITIONS: Record<AssignmentStatus, readonly AssignmentStatus[]> = {
  dispatched: ['acknowledged', 'declined', 'timed_out', 'cancelled'],
  acknowledged: ['en_route', 'cancelled'],
  en_route: ['on_scene', 'cancelled'],
  on_scene: ['transporting', 'cleared'],
  transporting: ['at_hospital'],
  at_hospital: ['cleared'],
  declined: [],
  timed_out: [],
  cleared: [],
  cancelled: [],
};

/** Statuses a field team moves an assignment through with its status buttons. */
export const ASSIGNMENT_PROGRESS_STATUSES = ['en_route', 'on_scene', 'transporting', 'at_hospital', 'cleared'] as const;
export type AssignmentProgressStatus = (typeof ASSIGNMENT_PROGRESS_STATUSES)[number];

export const CLOSED_ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = ['declined', 'timed_out', 'cleared', 'cancelled'];
export function isAssignmentOpen(status: AssignmentStatus): boolean {
  return !CLOSED_ASSIGNMENT_STATUSES.includes(status);
}

/** The unit status that follows from its assignment's status. */
export const UNIT_STATUS_FOR_ASSIGNMENT: Record<AssignmentStatus, UnitStatus> = {
  dispatched: 'dispatched',
  acknowledged: 'dispatched',
  en_route: 'en_route',
  on_scene: 'on_scene',
  transporting: 'transporting',
  at_hospital: 'at_hospital',
  cleared: 'available',
  declined: 'available',
  timed_out: 'available',
  cancelled: 'available',
};

export function canTransition<S extends string>(table: Record<S, readonly S[]>, from: S, to: S): boolean {
  return table[from].includes(to);
}
