import type { Command, CommandName, CommandPayload } from '../protocol/commands.js';
import type { Actor, Assignment, Incident } from '../protocol/entities.js';
import { fail, type ProtocolError } from '../protocol/errors.js';
import { streamOf, type NewEvent } from '../protocol/events.js';
import { subtypeBelongsTo } from '../domain/categories.js';
import { nearestDistrict } from '../domain/districts.js';
import {
  ASSIGNMENT_TRANSITIONS,
  INCIDENT_TRANSITIONS,
  UNIT_MANUAL_TRANSITIONS,
  UNIT_STATUS_FOR_ASSIGNMENT,
  canTransition,
  isAssignmentOpen,
  isIncidentOpen,
  isUnitAssignable,
  type AssignmentStatus,
} from '../domain/state-machines.js';
import { openAssignmentsOfIncident, type WorldState } from './state.js';
import { assertNever } from './evolve.js';
import { accept, event, illegal, withAssignment, withIncident, withUnit } from './decide-guards.js';
import { acknowledgeAlert, activatePlan, activationEvents, completeAction, createTemplate, rematchEvents, reviseTemplate, type PlanLibrary } from './decide-plans.js';

export interface DecideContext {
  actor: Actor;
  /** Makes a new unique id; injected so tests are deterministic. */
  newId: (kind: 'incident' | 'assignment') => string;
  /** The plan library to match incidents against (none: no plan is activated). */
  templates?: PlanLibrary;
  /** The unit of a field user sending the command, if any. */
  actorUnitId?: string | null;
}

export type Decision = { ok: true; events: NewEvent[]; createdIds: string[] } | { ok: false; error: ProtocolError };

/**
 * Checks a validated command against the current state and says which events it causes, or why it is
 * refused. Pure: it reads `state` and never changes it; the caller commits the events and folds them in.
 */
export function decide(state: WorldState, command: Command, context: DecideContext): Decision {
  switch (command.type) {
    case 'incident:report':
      return report(state, command.payload, context);
    case 'incident:verify':
      // Verifying an incident activates the plan that best matches it (if none is active yet).
      return withIncident(state, command.payload, (incident) =>
        incidentTransition(incident, 'verified', [
          event('incident:verified', incident.id, { incidentId: incident.id }),
          ...(state.activations.has(incident.id) ? [] : activationEvents(context.templates ?? [], incident)),
        ]),
      );
    case 'incident:reject':
      return withIncident(state, command.payload, (incident) =>
        incidentTransition(incident, 'rejected', [
          event('incident:rejected', incident.id, { incidentId: incident.id, reason: command.payload.reason }),
        ]),
      );
    case 'incident:merge':
      return merge(state, command.payload);
    case 'incident:update':
      return withIncident(state, command.payload, (incident) => update(incident, command.payload));
    case 'incident:change-level':
      return withIncident(state, command.payload, (incident) => {
        if (!isIncidentOpen(incident.status)) return illegal(`incident ${incident.code} is ${incident.status}`);
        if (incident.level === command.payload.level)
          return fail('BAD_REQUEST', `incident ${incident.code} is already level ${incident.level}`);
        return accept([
          event('incident:level-changed', incident.id, {
            incidentId: incident.id,
            from: incident.level,
            to: command.payload.level,
            reason: command.payload.reason,
          }),
          ...rematchEvents(state, context.templates ?? [], incident, command.payload.level),
        ]);
      });
    case 'incident:contain':
      return withIncident(state, command.payload, (incident) =>
        incidentTransition(incident, 'contained', [
          event('incident:status-changed', incident.id, { incidentId: incident.id, from: incident.status, to: 'contained', reason: null }),
        ]),
      );
    case 'incident:close':
      return withIncident(state, command.payload, (incident) => {
        const open = openAssignmentsOfIncident(state, incident.id);
        if (open.length > 0 && isIncidentOpen(incident.status))
          return fail('OPEN_ASSIGNMENTS', `clear or cancel the ${open.length} open assignment(s) before closing`, {
            assignmentIds: open.map((a) => a.id),
          });
        return incidentTransition(incident, 'closed', [
          event('incident:status-changed', incident.id, {
            incidentId: incident.id,
            from: incident.status,
            to: 'closed',
            reason: command.payload.reason,
          }),
        ]);
      });
    case 'incident:note':
      return withIncident(state, command.payload, (incident) =>
        accept([event('incident:noted', incident.id, { incidentId: incident.id, text: command.payload.text })]),
      );
    case 'incident:dispatch':
      return dispatch(state, command.payload, context);
    case 'unit:update-location':
      return withUnit(state, command.payload, (unit) => {
        const { location, accuracyM: accuracy, observedAt } = command.payload;
        // A fix older than the position already held (delivered late, out of order) changes nothing.
        if (observedAt !== undefined && Date.parse(observedAt) <= Date.parse(unit.locationAt)) return accept([]);
        const data = { unitId: unit.id, location, ...(observedAt !== undefined && { observedAt }) };
        return accept([
          { type: 'unit:moved', stream: streamOf.unit(unit.id), data: accuracy === undefined ? data : { ...data, accuracyM: accuracy } },
        ]);
      });
    case 'unit:change-status':
      return withUnit(state, command.payload, (unit) => {
        const to = command.payload.status;
        if (unit.assignmentId !== null || !canTransition(UNIT_MANUAL_TRANSITIONS, unit.status, to))
          return illegal(`unit ${unit.callSign} cannot go from ${unit.status} to ${to} by itself`, {
            from: unit.status,
            allowed: unit.assignmentId === null ? UNIT_MANUAL_TRANSITIONS[unit.status] : [],
          });
        return accept([
          { type: 'unit:status-changed', stream: streamOf.unit(unit.id), data: { unitId: unit.id, from: unit.status, to, assignmentId: null } },
        ]);
      });
    case 'assignment:acknowledge':
      return withAssignment(state, command.payload, (assignment) => moveAssignment(state, assignment, 'acknowledged', null));
    case 'assignment:decline':
      return withAssignment(state, command.payload, (assignment) =>
        moveAssignment(state, assignment, 'declined', command.payload.reason),
      );
    case 'assignment:advance':
      return withAssignment(state, command.payload, (assignment) => moveAssignment(state, assignment, command.payload.status, null));
    case 'assignment:cancel':
      return withAssignment(state, command.payload, (assignment) =>
        moveAssignment(state, assignment, 'cancelled', command.payload.reason),
      );
    case 'plan:activate':
      return activatePlan(state, context.templates ?? [], command.payload);
    case 'plan:complete-action':
      return completeAction(state, command.payload);
    case 'alert:acknowledge':
      return acknowledgeAlert(state, command.payload);
    case 'plan-template:create':
      return createTemplate(state, command.payload);
    case 'plan-template:revise':
      return reviseTemplate(state, command.payload);
    default:
      return assertNever(command);
  }
}

/** The system-made time-out of an unacknowledged assignment (not a client command). */
export function decideTimeout(state: WorldState, assignmentId: string): Decision {
  const assignment = state.assignments.get(assignmentId);
  if (!assignment) return fail('NOT_FOUND', `no assignment ${assignmentId}`);
  return moveAssignment(state, assignment, 'timed_out', 'no acknowledgement in time');
}

function report(state: WorldState, payload: CommandPayload<'incident:report'>, context: DecideContext): Decision {
  if (!subtypeBelongsTo(payload.category, payload.subtype))
    return fail('BAD_REQUEST', `sub-type ${payload.subtype} is not in category ${payload.category}`, {
      field: 'subtype',
    });
  const incidentId = context.newId('incident');
  const prefix = state.world === 'live' ? 'DL' : 'DR';
  const code = `${prefix}-${String(state.incidentCount + 1).padStart(5, '0')}`;
  return accept(
    [
      event('incident:reported', incidentId, {
        incidentId,
        code,
        category: payload.category,
        subtype: payload.subtype,
        level: payload.level,
        location: payload.location,
        district: nearestDistrict(payload.location),
        address: payload.address,
        description: payload.description,
        caller: payload.caller,
        casualties: payload.casualties,
        reportedByUnitId: context.actorUnitId ?? null,
      }),
    ],
    [incidentId],
  );
}

function merge(state: WorldState, payload: CommandPayload<'incident:merge'>): Decision {
  return withIncident(state, payload, (duplicate) => {
    const survivor = state.incidents.get(payload.intoIncidentId);
    if (!survivor) return fail('NOT_FOUND', `no incident ${payload.intoIncidentId}`);
    if (survivor.id === duplicate.id) return fail('BAD_REQUEST', 'an incident cannot be merged into itself');
    if (!isIncidentOpen(survivor.status)) return illegal(`incident ${survivor.code} is ${survivor.status}`);
    const open = openAssignmentsOfIncident(state, duplicate.id);
    if (open.length > 0)
      return fail('OPEN_ASSIGNMENTS', `incident ${duplicate.code} has ${open.length} open assignment(s)`, {
        assignmentIds: open.map((a) => a.id),
      });
    return incidentTransition(duplicate, 'merged', [
      event('incident:merged', duplicate.id, { incidentId: duplicate.id, intoIncidentId: survivor.id }),
      event('incident:absorbed', survivor.id, { incidentId: survivor.id, fromIncidentId: duplicate.id }),
    ]);
  });
}

function update(incident: Incident, payload: CommandPayload<'incident:update'>): Decision {
  if (!isIncidentOpen(incident.status)) return illegal(`incident ${incident.code} is ${incident.status}`);
  const changes = {
    ...(payload.location !== undefined && { location: payload.location, district: nearestDistrict(payload.location) }),
    ...(payload.address !== undefined && { address: payload.address }),
    ...(payload.description !== undefined && { description: payload.description }),
    ...(payload.casualties !== undefined && { casualties: payload.casualties }),
  };
  if (Object.keys(changes).length === 0) return fail('BAD_REQUEST', 'nothing to update');
  return accept([event('incident:updated', incident.id, { incidentId: incident.id, ...changes })]);
}

function dispatch(state: WorldState, payload: CommandPayload<'incident:dispatch'>, context: DecideContext): Decision {
  return withIncident(state, payload, (incident) => {
    if (!isIncidentOpen(incident.status))
      return illegal(`incident ${incident.code} is ${incident.status}: nothing can be dispatched to it`);
    const events: NewEvent[] = [];
    const createdIds: string[] = [];
    for (const unitId of payload.unitIds) {
      const unit = state.units.get(unitId);
      if (!unit) return fail('NOT_FOUND', `no unit ${unitId}`, { unitId });
      if (!isUnitAssignable(unit.status) || unit.assignmentId !== null)
        return fail('UNIT_UNAVAILABLE', `unit ${unit.callSign} is ${unit.status}`, { unitId, status: unit.status });
      const assignmentId = context.newId('assignment');
      createdIds.push(assignmentId);
      events.push(
        { type: 'assignment:dispatched', stream: streamOf.assignment(assignmentId), data: { assignmentId, incidentId: incident.id, unitId } },
        {
          type: 'unit:status-changed',
          stream: streamOf.unit(unitId),
          data: { unitId, from: unit.status, to: 'dispatched', assignmentId },
        },
      );
    }
    if (incident.status === 'reported' || incident.status === 'verified')
      events.push(event('incident:status-changed', incident.id, { incidentId: incident.id, from: incident.status, to: 'active', reason: null }));
    return accept(events, createdIds);
  });
}

function moveAssignment(state: WorldState, assignment: Assignment, to: AssignmentStatus, reason: string | null): Decision {
  if (!canTransition(ASSIGNMENT_TRANSITIONS, assignment.status, to))
    return illegal(`assignment is ${assignment.status}; it cannot become ${to}`, {
      from: assignment.status,
      allowed: ASSIGNMENT_TRANSITIONS[assignment.status],
    });
  const events: NewEvent[] = [
    {
      type: 'assignment:status-changed',
      stream: streamOf.assignment(assignment.id),
      data: { assignmentId: assignment.id, from: assignment.status, to, reason },
    },
  ];
  const unit = state.units.get(assignment.unitId);
  const unitStatus = UNIT_STATUS_FOR_ASSIGNMENT[to];
  if (unit && unit.assignmentId === assignment.id && unit.status !== unitStatus)
    events.push({
      type: 'unit:status-changed',
      stream: streamOf.unit(unit.id),
      data: { unitId: unit.id, from: unit.status, to: unitStatus, assignmentId: isAssignmentOpen(to) ? assignment.id : null },
    });
  return accept(events);
}

function incidentTransition(incident: Incident, to: Incident['status'], events: NewEvent[]): Decision {
  if (!canTransition(INCIDENT_TRANSITIONS, incident.status, to))
    return illegal(`incident ${incident.code} is ${incident.status}; it cannot become ${to}`, {
      from: incident.status,
      allowed: INCIDENT_TRANSITIONS[incident.status],
    });
  return accept(events);
}

export type { CommandName };
