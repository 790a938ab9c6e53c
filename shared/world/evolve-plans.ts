import type { StoredEventOf } from '../protocol/events.js';
import { MAX_ALERTS, type WorldState } from './state.js';

type PlanEvent = StoredEventOf<
  | 'plan-template:created'
  | 'plan-template:revised'
  | 'plan:activated'
  | 'plan:rematched'
  | 'plan:action-completed'
  | 'alert:raised'
  | 'alert:acknowledged'
>;

/** The plan part of `evolve`: templates, activations, checklist completions, alerts. */
export function evolvePlans(state: WorldState, event: PlanEvent): WorldState {
  switch (event.type) {
    case 'plan-template:created':
    case 'plan-template:revised':
      state.templates.set(event.data.template.id, event.data.template);
      return state;
    case 'plan:activated':
      state.activations.set(event.data.incidentId, {
        ...event.data,
        activatedAt: event.at,
        completions: {},
        overdueAlerted: [],
        lastDelta: null,
      });
      return state;
    case 'plan:rematched': {
      const previous = state.activations.get(event.data.incidentId);
      const { fromPlanId: _from, fromLevel: _fromLevel, toLevel: _toLevel, added, released, ...content } = event.data;
      // Completed actions the new plan shares keep their completion; deadlines restart from the re-match.
      const completions = Object.fromEntries(
        Object.entries(previous?.completions ?? {}).filter(([actionId]) => content.actions.some((action) => action.id === actionId)),
      );
      state.activations.set(event.data.incidentId, {
        ...content,
        activatedAt: event.at,
        completions,
        overdueAlerted: [],
        lastDelta: { added, released },
      });
      return state;
    }
    case 'plan:action-completed': {
      const activation = state.activations.get(event.data.incidentId);
      if (activation)
        state.activations.set(activation.incidentId, {
          ...activation,
          completions: { ...activation.completions, [event.data.actionId]: { at: event.at, by: event.actor.userId, note: event.data.note } },
        });
      return state;
    }
    case 'alert:raised': {
      state.alerts.push({ ...event.data, raisedAt: event.at, acknowledgedAt: null, acknowledgedBy: null });
      if (state.alerts.length > MAX_ALERTS) state.alerts.splice(0, state.alerts.length - MAX_ALERTS);
      const activation = event.data.actionId ? state.activations.get(event.data.incidentId) : undefined;
      if (activation && event.data.actionId)
        state.activations.set(activation.incidentId, { ...activation, overdueAlerted: [...activation.overdueAlerted, event.data.actionId] });
      return state;
    }
    case 'alert:acknowledged': {
      const index = state.alerts.findIndex((alert) => alert.alertId === event.data.alertId);
      const alert = state.alerts[index];
      if (alert) state.alerts[index] = { ...alert, acknowledgedAt: event.at, acknowledgedBy: event.actor.userId };
      return state;
    }
  }
}
