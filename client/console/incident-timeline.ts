import type { StoredEvent, WorldId, WorldState } from '../../shared/index.js';
import { RESPONSE_LEVEL_NAMES } from '../../shared/plans/template.js';
import { h, replaceChildren } from '../common/dom.js';
import { currentLocale, t } from '../i18n/index.js';
import { apiGet, type Session } from '../net/session.js';
import { describeError } from './command-feedback.js';
import { formatClock } from './format.js';

/** Wait this long after an event before re-reading the log: a dispatch writes several events at once. */
const REFRESH_DELAY_MS = 250;

/**
 * The incident's history as the server's event log records it (GET /api/incidents/:id/timeline): the
 * log is the audit trail, so the timeline is read from it rather than pieced together in the browser.
 */
export class IncidentTimeline {
  readonly element = h('section', { class: 'timeline', 'data-testid': 'incident-timeline' });
  private incidentId: string | null = null;
  private events: StoredEvent[] = [];
  private error: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private request = 0;

  constructor(
    private readonly session: Session,
    private readonly world: WorldId,
    private readonly state: () => WorldState,
  ) {}

  show(incidentId: string | null) {
    if (incidentId === this.incidentId) return;
    this.incidentId = incidentId;
    this.events = [];
    this.error = null;
    this.render();
    if (incidentId) void this.load();
  }

  /** Something happened to the incident: read the log again shortly. */
  refreshSoon() {
    if (!this.incidentId || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.load();
    }, REFRESH_DELAY_MS);
  }

  render() {
    const entries = [...this.events].reverse().map((event) =>
      h(
        'li',
        { 'data-event-type': event.type, 'data-seq': event.seq },
        h('time', { datetime: event.at }, formatClock(event.at)),
        h('span', { class: 'timeline-text' }, describeTimelineEvent(event, this.state())),
        h('span', { class: 'timeline-actor' }, event.actor.userId),
      ),
    );
    replaceChildren(
      this.element,
      h('h3', {}, t('detail.timeline')),
      this.error ? h('p', { class: 'form-message error', role: 'alert' }, this.error) : null,
      entries.length > 0 ? h('ol', { class: 'timeline-list' }, ...entries) : h('p', { class: 'empty' }, t('detail.timelineEmpty')),
    );
  }

  private async load() {
    const incidentId = this.incidentId;
    if (!incidentId) return;
    const request = ++this.request;
    try {
      const path = `/api/incidents/${encodeURIComponent(incidentId)}/timeline?world=${encodeURIComponent(this.world)}`;
      const answer = await apiGet<StoredEvent[]>(this.session, path);
      if (request !== this.request || incidentId !== this.incidentId) return; // a newer read or another incident won
      if (answer.ok) {
        this.events = answer.data;
        this.error = null;
      } else this.error = describeError(answer.error);
    } catch {
      if (request !== this.request) return;
      this.error = t('feedback.notSent');
    }
    this.render();
  }
}

/** One log entry in the dispatcher's language. */
export function describeTimelineEvent(event: StoredEvent, state: WorldState): string {
  const codeOf = (incidentId: string) => state.incidents.get(incidentId)?.code ?? incidentId;
  const unitOfAssignment = (assignmentId: string) => {
    const unitId = state.assignments.get(assignmentId)?.unitId;
    return unitId ? (state.units.get(unitId)?.callSign ?? unitId) : assignmentId;
  };
  const withReason = (text: string, reason: string | null) => (reason ? `${text} — ${reason}` : text);
  switch (event.type) {
    case 'incident:reported':
      return t('timeline.reported', { code: event.data.code, subtype: t(`subtype.${event.data.subtype}`), level: t(`level.${event.data.level}`) });
    case 'incident:verified':
      return t('timeline.verified');
    case 'incident:rejected':
      return withReason(t('timeline.rejected'), event.data.reason);
    case 'incident:merged':
      return t('timeline.merged', { code: codeOf(event.data.intoIncidentId) });
    case 'incident:absorbed':
      return t('timeline.absorbed', { code: codeOf(event.data.fromIncidentId) });
    case 'incident:updated':
      return t('timeline.updated');
    case 'incident:level-changed':
      return withReason(t('timeline.levelChanged', { from: t(`level.${event.data.from}`), to: t(`level.${event.data.to}`) }), event.data.reason);
    case 'incident:status-changed':
      return withReason(
        t('timeline.statusChanged', { from: t(`incidentStatus.${event.data.from}`), to: t(`incidentStatus.${event.data.to}`) }),
        event.data.reason,
      );
    case 'incident:noted':
      return t('timeline.noted', { text: event.data.text });
    case 'assignment:dispatched':
      return t('timeline.dispatched', { unit: state.units.get(event.data.unitId)?.callSign ?? event.data.unitId });
    case 'assignment:status-changed':
      return withReason(
        t('timeline.assignmentChanged', { unit: unitOfAssignment(event.data.assignmentId), to: t(`assignmentStatus.${event.data.to}`) }),
        event.data.reason,
      );
    // Plans write to the incident's stream too: the plan chosen, re-chosen, and its actions done.
    case 'plan:activated':
      return t('timeline.planActivated', { plan: inLocale(event.data.name), response: responseLevelName(event.data.responseLevel) });
    case 'plan:rematched':
      return t('timeline.planRematched', { plan: inLocale(event.data.name), response: responseLevelName(event.data.responseLevel) });
    case 'plan:action-completed': {
      const action = state.activations.get(event.data.incidentId)?.actions.find((candidate) => candidate.id === event.data.actionId);
      return withReason(t('timeline.planActionCompleted', { action: action ? inLocale(action.title) : event.data.actionId }), event.data.note);
    }
    case 'alert:raised':
      return t('timeline.alert', { message: event.data.message });
    case 'alert:acknowledged':
      return t('timeline.alertAcknowledged');
    default:
      return t('timeline.other', { type: event.type });
  }
}

function responseLevelName(level: number): string {
  const name = (RESPONSE_LEVEL_NAMES as Record<number, { zh: string; en: string } | undefined>)[level];
  return name ? inLocale(name) : String(level);
}

/** Plan texts carry both languages: show the dispatcher's. */
function inLocale(text: { zh: string; en: string }): string {
  return currentLocale() === 'en' ? text.en : text.zh;
}
