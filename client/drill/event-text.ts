import type { StoredEvent, WorldState } from '../../shared/index.js';
import { t } from '../i18n/index.js';
import { inLocale } from './format.js';

/**
 * One event of a drill world in the reader's language, for the instructor's feed and the review's
 * timelines. Incidents and units are named from a world state (their code and call sign).
 */
export function describeEvent(event: StoredEvent, state: WorldState): string {
  const incident = (incidentId: string) => state.incidents.get(incidentId)?.code ?? incidentId;
  const unit = (unitId: string | null) => (unitId ? (state.units.get(unitId)?.callSign ?? unitId) : '');
  const assignmentNames = (assignmentId: string) => {
    const assignment = state.assignments.get(assignmentId);
    return { unit: assignment ? unit(assignment.unitId) : assignmentId, incident: assignment ? incident(assignment.incidentId) : '' };
  };
  switch (event.type) {
    case 'incident:reported':
      return t('event.incident.reported', {
        code: event.data.code,
        subtype: t(`subtype.${event.data.subtype}`),
        level: t(`level.${event.data.level}`),
        casualties: event.data.casualties,
      });
    case 'incident:verified':
      return t('event.incident.verified', { incident: incident(event.data.incidentId) });
    case 'incident:rejected':
      return t('event.incident.rejected', { incident: incident(event.data.incidentId), reason: event.data.reason });
    case 'incident:merged':
      return t('event.incident.merged', { incident: incident(event.data.incidentId), into: incident(event.data.intoIncidentId) });
    case 'incident:absorbed':
      return t('event.incident.absorbed', { incident: incident(event.data.incidentId), from: incident(event.data.fromIncidentId) });
    case 'incident:updated':
      return event.data.casualties !== undefined
        ? t('event.incident.casualties', { incident: incident(event.data.incidentId), casualties: event.data.casualties })
        : t('event.incident.updated', { incident: incident(event.data.incidentId) });
    case 'incident:level-changed':
      return t('event.incident.level-changed', {
        incident: incident(event.data.incidentId),
        from: event.data.from,
        to: event.data.to,
        reason: event.data.reason,
      });
    case 'incident:status-changed':
      return t('event.incident.status-changed', { incident: incident(event.data.incidentId), status: t(`incidentStatus.${event.data.to}`) });
    case 'incident:noted':
      return t('event.incident.noted', { incident: incident(event.data.incidentId), text: event.data.text });
    case 'unit:registered':
      return t('event.unit.registered', { unit: event.data.callSign });
    case 'unit:moved':
      return t('event.unit.moved', { unit: unit(event.data.unitId) });
    case 'unit:status-changed':
      return t('event.unit.status-changed', {
        unit: unit(event.data.unitId),
        from: t(`unitStatus.${event.data.from}`),
        to: t(`unitStatus.${event.data.to}`),
      });
    case 'assignment:dispatched':
      return t('event.assignment.dispatched', { unit: unit(event.data.unitId), incident: incident(event.data.incidentId) });
    case 'assignment:status-changed': {
      const names = assignmentNames(event.data.assignmentId);
      const status = t(`assignmentStatus.${event.data.to}`);
      return event.data.reason
        ? t('event.assignment.status-changed-because', { ...names, status, reason: event.data.reason })
        : t('event.assignment.status-changed', { ...names, status });
    }
    case 'plan-template:created':
    case 'plan-template:revised':
      return t('event.plan-template', { plan: inLocale(event.data.template.name) });
    case 'plan:activated':
      return t('event.plan.activated', { incident: incident(event.data.incidentId), plan: inLocale(event.data.name) });
    case 'plan:rematched':
      return t('event.plan.rematched', { incident: incident(event.data.incidentId), plan: inLocale(event.data.name), level: event.data.toLevel });
    case 'plan:action-completed': {
      const action = state.activations.get(event.data.incidentId)?.actions.find((candidate) => candidate.id === event.data.actionId);
      return t('event.plan.action-completed', { incident: incident(event.data.incidentId), action: action ? inLocale(action.title) : event.data.actionId });
    }
    case 'alert:raised':
      return event.data.kind === 'action_overdue'
        ? t('event.alert.action_overdue', { incident: incident(event.data.incidentId), action: overdueActionTitle(state, event.data.incidentId, event.data.actionId) })
        : t('event.alert.assignment_unacknowledged', { incident: incident(event.data.incidentId), unit: unit(event.data.unitId) });
    case 'alert:acknowledged':
      return t('event.alert.acknowledged', { incident: incident(event.data.incidentId) });
    case 'drill:created':
      return t('event.drill.created', { name: event.data.name });
    case 'drill:clock-changed':
      return t(`event.drill.clock-${event.data.status}`, { speed: event.data.speed });
    case 'drill:inject-fired':
      return t('event.drill.inject-fired', { kind: t(`injectKind.${event.data.kind}`), description: event.data.description });
    default:
      return assertNever(event);
  }
}

function overdueActionTitle(state: WorldState, incidentId: string, actionId: string | null): string {
  if (!actionId) return '';
  const action = state.activations.get(incidentId)?.actions.find((candidate) => candidate.id === actionId);
  return action ? inLocale(action.title) : actionId;
}

function assertNever(value: never): never {
  throw new Error(`unexpected event ${JSON.stringify(value)}`);
}

/** What kind of line an event makes, for its styling: injects stand out, alerts warn. */
export function eventTone(event: StoredEvent): 'inject' | 'alert' | 'clock' | 'incident' | 'unit' | 'plan' {
  if (event.type === 'drill:inject-fired') return 'inject';
  if (event.type === 'alert:raised') return 'alert';
  if (event.type.startsWith('drill:')) return 'clock';
  if (event.type.startsWith('incident:')) return 'incident';
  if (event.type.startsWith('plan')) return 'plan';
  return 'unit';
}
