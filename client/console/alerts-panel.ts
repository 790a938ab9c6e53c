import { isUnitAssignable, openAssignmentsOfIncident, type Alert, type WorldId } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { maySend } from '../common/permissions.js';
import { bilingual } from '../common/plan-text.js';
import { t } from '../i18n/index.js';
import type { LiveClient } from '../net/live-client.js';
import type { WorldStore } from '../store/world-store.js';
import { sendCommand } from './command-feedback.js';
import { formatClock } from './format.js';

const SEEN_KEY = 'liandong.console.seenAlerts';
/** Alerts listed at once; the log keeps them all. */
const SHOWN = 100;

/**
 * Alerts the server raised (an assignment nobody acknowledged, a plan action past its deadline): a
 * button in the status bar whose badge counts the ones not yet looked at, and a panel listing them
 * newest first. A timed-out assignment offers its next-best unit in one click.
 */
export class AlertsPanel {
  readonly button = h('button', { type: 'button', class: 'alerts-button', 'data-testid': 'alerts-button', 'aria-expanded': 'false', 'aria-controls': 'alerts-panel' });
  readonly panel = h('section', { id: 'alerts-panel', class: 'alerts-panel', 'data-testid': 'alerts-panel', hidden: true });
  private readonly seen: Set<string>;
  private readonly messages = new Map<string, { kind: 'error'; text: string }>();
  private readonly busy = new Set<string>();

  constructor(
    private readonly store: WorldStore,
    private readonly client: LiveClient,
    private readonly world: WorldId,
    private readonly onOpenIncident: (incidentId: string) => void,
  ) {
    this.seen = new Set(readSeen(world));
    this.button.addEventListener('click', () => this.toggle(this.panel.hidden));
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !this.panel.hidden) this.toggle(false);
    });
    store.subscribe((change) => {
      if (change.reset || change.events.some((event) => event.type.startsWith('alert:') || event.type.startsWith('assignment:') || event.type === 'unit:status-changed'))
        this.render();
    });
    this.render();
  }

  toggle(open: boolean) {
    this.panel.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    if (open) this.markSeen();
    this.render();
  }

  render() {
    // Opened, everything listed counts as seen, including what arrives while it stays open.
    if (!this.panel.hidden) this.markSeen();
    const alerts = [...this.store.state.alerts].reverse();
    const unseen = alerts.filter((alert) => !this.seen.has(alert.alertId)).length;
    this.button.classList.toggle('has-new', unseen > 0);
    this.button.dataset.count = String(alerts.length);
    this.button.dataset.new = String(unseen);
    this.button.replaceChildren(
      t('alerts.button'),
      h('span', { class: 'alerts-badge', 'data-testid': 'alerts-badge' }, unseen > 0 ? t('alerts.newCount', { count: unseen }) : String(alerts.length)),
    );
    this.button.title = t('alerts.buttonTitle', { total: alerts.length, unseen });
    if (this.panel.hidden) return;
    const close = h('button', { type: 'button', class: 'close-button', 'aria-label': t('action.close') }, '×');
    close.addEventListener('click', () => this.toggle(false));
    this.panel.replaceChildren(
      h('h2', {}, t('alerts.title', { count: alerts.length })),
      close,
      alerts.length > 0
        ? h('ul', { class: 'alert-list' }, ...alerts.slice(0, SHOWN).map((alert) => this.row(alert)))
        : h('p', { class: 'empty' }, t('alerts.none')),
    );
  }

  private markSeen() {
    const before = this.seen.size;
    for (const alert of this.store.state.alerts) this.seen.add(alert.alertId);
    if (this.seen.size === before) return;
    this.button.classList.remove('has-new');
    writeSeen(this.world, [...this.seen].slice(-500));
  }

  private row(alert: Alert): HTMLElement {
    const state = this.store.state;
    const incident = state.incidents.get(alert.incidentId);
    const link = h('button', { type: 'button', class: 'link alert-incident', 'data-testid': 'alert-incident' }, incident?.code ?? alert.incidentId);
    link.addEventListener('click', () => {
      this.toggle(false);
      this.onOpenIncident(alert.incidentId);
    });
    const message = this.messages.get(alert.alertId);
    return h(
      'li',
      {
        class: `alert-row kind-${alert.kind}${alert.acknowledgedAt ? ' acknowledged' : ''}`,
        'data-testid': 'alert',
        'data-alert-id': alert.alertId,
        'data-kind': alert.kind,
        'data-incident-id': alert.incidentId,
        'data-acknowledged': String(alert.acknowledgedAt !== null),
      },
      h('div', { class: 'row-line' }, h('span', { class: 'alert-kind' }, t(`alerts.kind.${alert.kind}`)), link, h('time', { datetime: alert.raisedAt }, formatClock(alert.raisedAt))),
      h('p', { class: 'alert-message', title: alert.message }, this.describe(alert)),
      this.suggestion(alert),
      this.acknowledgement(alert),
      message ? h('p', { class: 'form-message error', role: 'alert' }, message.text) : null,
    );
  }

  /** The alert in the reader's language, from its structured fields (the server's words are the tooltip). */
  private describe(alert: Alert): string {
    const state = this.store.state;
    const code = state.incidents.get(alert.incidentId)?.code ?? alert.incidentId;
    if (alert.kind === 'assignment_unacknowledged') {
      const unit = alert.unitId ? state.units.get(alert.unitId)?.callSign ?? alert.unitId : '—';
      return t('alerts.unacknowledged', { unit, code });
    }
    const action = state.activations.get(alert.incidentId)?.actions.find((candidate) => candidate.id === alert.actionId);
    return t('alerts.overdue', { code, action: action ? bilingual(action.title) : alert.actionId ?? '' });
  }

  /** "Dispatch U-E2 instead": offered while the suggested unit is free and not yet sent. */
  private suggestion(alert: Alert): HTMLElement | null {
    if (alert.kind !== 'assignment_unacknowledged' || !alert.suggestedUnitId) return null;
    const state = this.store.state;
    const unit = state.units.get(alert.suggestedUnitId);
    const callSign = unit?.callSign ?? alert.suggestedUnitId;
    if (openAssignmentsOfIncident(state, alert.incidentId).some((assignment) => assignment.unitId === alert.suggestedUnitId))
      return h('p', { class: 'alert-done', 'data-testid': 'alert-suggestion-done' }, t('alerts.suggestionSent', { unit: callSign }));
    const incident = state.incidents.get(alert.incidentId);
    if (!unit || !incident || !isUnitAssignable(unit.status) || unit.assignmentId !== null)
      return h('p', { class: 'hint' }, t('alerts.suggestionGone', { unit: callSign }));
    if (!maySend(this.store.user, this.world, 'incident:dispatch')) return h('p', { class: 'hint' }, t('alerts.suggested', { unit: callSign }));
    const button = h(
      'button',
      { type: 'button', class: 'primary small', 'data-testid': 'alert-dispatch-suggested', 'data-unit-id': unit.id, disabled: this.busy.has(alert.alertId) },
      t('alerts.dispatchInstead', { unit: callSign }),
    );
    button.addEventListener('click', () => void this.dispatch(alert, unit.id, callSign));
    return h('div', { class: 'row-buttons' }, button);
  }

  /** Who took the alert in hand — shared by every supervisor's screen — or the button to do it. */
  private acknowledgement(alert: Alert): HTMLElement | null {
    if (alert.acknowledgedAt !== null) {
      const who = alert.acknowledgedBy === this.store.user?.id ? (this.store.user?.displayName ?? '') : (alert.acknowledgedBy ?? '').replace(/^USR-/, '');
      return h('p', { class: 'alert-done', 'data-testid': 'alert-acknowledged' }, t('alerts.acknowledged', { who, time: formatClock(alert.acknowledgedAt) }));
    }
    if (!maySend(this.store.user, this.world, 'alert:acknowledge')) return null;
    const button = h('button', { type: 'button', class: 'small', 'data-testid': 'alert-acknowledge', disabled: this.busy.has(alert.alertId) }, t('alerts.acknowledge'));
    button.addEventListener('click', () => void this.acknowledge(alert));
    return h('div', { class: 'row-buttons' }, button);
  }

  private async acknowledge(alert: Alert) {
    this.busy.add(alert.alertId);
    this.render();
    const outcome = await sendCommand(this.client, 'alert:acknowledge', { alertId: alert.alertId });
    this.busy.delete(alert.alertId);
    if (outcome.ok) this.messages.delete(alert.alertId);
    else this.messages.set(alert.alertId, { kind: 'error', text: outcome.message });
    this.render();
  }

  private async dispatch(alert: Alert, unitId: string, callSign: string) {
    this.busy.add(alert.alertId);
    this.render();
    const outcome = await sendCommand(this.client, 'incident:dispatch', { incidentId: alert.incidentId, unitIds: [unitId] });
    this.busy.delete(alert.alertId);
    // Success shows as the row's own "dispatched instead" line; only a refusal needs words here.
    if (outcome.ok) this.messages.delete(alert.alertId);
    else this.messages.set(alert.alertId, { kind: 'error', text: t('alerts.refused', { unit: callSign, reason: outcome.message }) });
    this.render();
  }
}

function readSeen(world: WorldId): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(`${SEEN_KEY}.${world}`) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function writeSeen(world: WorldId, ids: string[]) {
  localStorage.setItem(`${SEEN_KEY}.${world}`, JSON.stringify(ids));
}
