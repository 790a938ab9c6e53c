import type { Command, CommandName } from '../protocol/commands.js';
import type { User, WorldId } from '../protocol/entities.js';
import { fail, type ProtocolError } from '../protocol/errors.js';
import type { Role } from '../domain/roles.js';
import type { WorldState } from './state.js';
import { assignmentsOfUnit } from './state.js';

const DISPATCH_DESK: readonly CommandName[] = [
  'incident:report',
  'incident:verify',
  'incident:reject',
  'incident:merge',
  'incident:update',
  'incident:change-level',
  'incident:contain',
  'incident:close',
  'incident:note',
  'incident:dispatch',
  'unit:update-location',
  'unit:change-status',
  'assignment:acknowledge',
  'assignment:decline',
  'assignment:advance',
  'assignment:cancel',
  'plan:activate',
  'plan:complete-action',
  'alert:acknowledge',
];

/** Supervisors and administrators also keep the plan library. */
const PLAN_DESK: readonly CommandName[] = [...DISPATCH_DESK, 'plan-template:create', 'plan-template:revise'];

const FIELD: readonly CommandName[] = [
  'incident:report',
  'incident:note',
  'unit:update-location',
  'unit:change-status',
  'assignment:acknowledge',
  'assignment:decline',
  'assignment:advance',
  'plan:complete-action',
];

/** Which commands each role may send in the live world. Instructors command only inside drills. */
export const ROLE_COMMANDS: Record<Role, readonly CommandName[]> = {
  dispatcher: DISPATCH_DESK,
  supervisor: PLAN_DESK,
  admin: PLAN_DESK,
  field: FIELD,
  instructor: [],
  viewer: [],
};

/** Roles that see a whole world (the `ops` or `drill:<id>` room) rather than one unit. */
export function seesWholeWorld(role: Role): boolean {
  return role !== 'field';
}

/**
 * May this user send this command in this world, given the current state? Field users act only for
 * their own unit, its assignments, and the incidents those concern.
 */
export function authorize(user: User, world: WorldId, command: Command, state: WorldState): ProtocolError | null {
  const allowed = world === 'live' || user.role !== 'instructor' ? ROLE_COMMANDS[user.role] : DISPATCH_DESK;
  if (!allowed.includes(command.type)) return deny(`${user.role} may not ${command.type}`);
  // The plan library is the city's; a drill uses it but does not edit it.
  if (world !== 'live' && command.type.startsWith('plan-template:')) return deny('plan templates are edited in live operations only');
  // A drill is played only while its clock runs: before the start, while paused and once ended nothing moves.
  if (state.drill && state.drill.status !== 'running') return deny(`the drill is ${state.drill.status}: commands wait until it runs`);
  if (user.role !== 'field') return null;
  const unitId = user.unitId;
  if (unitId === null) return deny('this field account is not bound to a unit');
  const payload = command.payload as Record<string, unknown>;
  if (typeof payload.unitId === 'string' && payload.unitId !== unitId) return deny('you may act only for your own unit');
  if (typeof payload.assignmentId === 'string') {
    const assignment = state.assignments.get(payload.assignmentId);
    if (assignment && assignment.unitId !== unitId) return deny('that assignment belongs to another unit');
  }
  if ((command.type === 'incident:note' || command.type === 'plan:complete-action') && !unitConcernsIncident(state, unitId, command.payload.incidentId))
    return deny('you may add notes only to incidents your unit is assigned to');
  return null;
}

export function unitConcernsIncident(state: WorldState, unitId: string, incidentId: string): boolean {
  if (state.incidents.get(incidentId)?.reportedByUnitId === unitId) return true;
  return assignmentsOfUnit(state, unitId).some((assignment) => assignment.incidentId === incidentId);
}

function deny(message: string): ProtocolError {
  return fail('FORBIDDEN', message).error;
}
