import type { CommandPayload } from '../protocol/commands.js';
import { fail } from '../protocol/errors.js';
import { streamOf, type NewEvent } from '../protocol/events.js';
import type { Incident } from '../protocol/entities.js';
import type { Level } from '../domain/levels.js';
import { isIncidentOpen } from '../domain/state-machines.js';
import { activationContent } from '../plans/activation.js';
import { matchTemplate, requirementDelta } from '../plans/matching.js';
import type { PlanTemplate } from '../plans/template.js';
import type { Decision } from './decide.js';
import type { WorldState } from './state.js';

/** The plan library decide matches against: the live world's templates (drills use the same plans). */
export type PlanLibrary = readonly PlanTemplate[];

/** The activation event for the best-matching plan, or none when no template matches. */
export function activationEvents(library: PlanLibrary, incident: Incident): NewEvent[] {
  const match = matchTemplate(library, incident);
  if (!match) return [];
  return [{ type: 'plan:activated', stream: streamOf.incident(incident.id), data: activationContent(match.template, incident.id, match.reason) }];
}

/** After a level change: the plan for the new level, and what the run card adds and releases. */
export function rematchEvents(state: WorldState, library: PlanLibrary, incident: Incident, toLevel: Level): NewEvent[] {
  const current = state.activations.get(incident.id);
  if (!current) return [];
  const match = matchTemplate(library, { ...incident, level: toLevel });
  if (!match || (match.template.id === current.planId && match.template.revision === current.planRevision)) return [];
  const delta = requirementDelta(current.requirements, match.template.requirements);
  return [
    {
      type: 'plan:rematched',
      stream: streamOf.incident(incident.id),
      data: { ...activationContent(match.template, incident.id, match.reason), fromPlanId: current.planId, fromLevel: incident.level, toLevel, ...delta },
    },
  ];
}

export function activatePlan(state: WorldState, library: PlanLibrary, payload: CommandPayload<'plan:activate'>): Decision {
  const incident = state.incidents.get(payload.incidentId);
  if (!incident) return fail('NOT_FOUND', `no incident ${payload.incidentId}`);
  if (!isIncidentOpen(incident.status)) return fail('ILLEGAL_TRANSITION', `incident ${incident.code} is ${incident.status}`);
  if (state.activations.has(incident.id)) return fail('ILLEGAL_TRANSITION', `a plan is already active on ${incident.code}`);
  if (payload.planId === undefined) {
    const events = activationEvents(library, incident);
    if (events.length === 0) return fail('NOT_FOUND', `no plan template matches ${incident.subtype} at level ${incident.level}`);
    return { ok: true, events, createdIds: [] };
  }
  const template = library.find((candidate) => candidate.id === payload.planId);
  if (!template) return fail('NOT_FOUND', `no plan template ${payload.planId}`);
  const content = activationContent(template, incident.id, `chosen by the dispatcher`);
  return { ok: true, events: [{ type: 'plan:activated', stream: streamOf.incident(incident.id), data: content }], createdIds: [] };
}

export function completeAction(state: WorldState, payload: CommandPayload<'plan:complete-action'>): Decision {
  const activation = state.activations.get(payload.incidentId);
  if (!activation) return fail('NOT_FOUND', `no plan is active on incident ${payload.incidentId}`);
  if (!activation.actions.some((action) => action.id === payload.actionId))
    return fail('NOT_FOUND', `the active plan has no action ${payload.actionId}`, { field: 'actionId' });
  if (activation.completions[payload.actionId]) return fail('ILLEGAL_TRANSITION', `action ${payload.actionId} is already done`);
  return {
    ok: true,
    events: [{ type: 'plan:action-completed', stream: streamOf.incident(payload.incidentId), data: { incidentId: payload.incidentId, actionId: payload.actionId, note: payload.note ?? null } }],
    createdIds: [],
  };
}

export function acknowledgeAlert(state: WorldState, payload: CommandPayload<'alert:acknowledge'>): Decision {
  const alert = state.alerts.find((candidate) => candidate.alertId === payload.alertId);
  if (!alert) return fail('NOT_FOUND', `no alert ${payload.alertId}`);
  if (alert.acknowledgedAt !== null) return fail('ILLEGAL_TRANSITION', `alert ${alert.alertId} was already acknowledged`);
  return {
    ok: true,
    events: [{ type: 'alert:acknowledged', stream: streamOf.incident(alert.incidentId), data: { alertId: alert.alertId, incidentId: alert.incidentId } }],
    createdIds: [],
  };
}

export function createTemplate(state: WorldState, payload: CommandPayload<'plan-template:create'>): Decision {
  if (state.templates.has(payload.template.id)) return fail('CONFLICT', `plan template ${payload.template.id} exists: revise it instead`, { field: 'template.id' });
  const template = { ...payload.template, revision: 1 };
  return { ok: true, events: [{ type: 'plan-template:created', stream: streamOf.planTemplate(template.id), data: { template } }], createdIds: [template.id] };
}

export function reviseTemplate(state: WorldState, payload: CommandPayload<'plan-template:revise'>): Decision {
  const current = state.templates.get(payload.template.id);
  if (!current) return fail('NOT_FOUND', `no plan template ${payload.template.id}`);
  const { expectedRevision, ...body } = payload.template;
  if (expectedRevision !== current.revision)
    return fail('STALE_VERSION', `you edited revision ${expectedRevision}; the template is at revision ${current.revision}`, { currentRevision: current.revision });
  const template = { ...body, revision: current.revision + 1 };
  return { ok: true, events: [{ type: 'plan-template:revised', stream: streamOf.planTemplate(template.id), data: { template } }], createdIds: [template.id] };
}
