import { assignmentsOfIncident, type Incident, type StoredEvent, type WorldId } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { t } from '../i18n/index.js';
import type { LiveClient } from '../net/live-client.js';
import type { Session } from '../net/session.js';
import type { WorldStore } from '../store/world-store.js';
import { AssignmentList } from './assignment-list.js';
import { sendCommand, type CommandOutcome } from './command-feedback.js';
import { DispatchPanel } from './dispatch-panel.js';
import { formatDateTime } from './format.js';
import { IncidentActions } from './incident-actions.js';
import { showTimer } from './incident-queue.js';
import { IncidentTimeline } from './incident-timeline.js';
import { firstOnSceneAt, incidentTimers } from './response-timers.js';
import { PlanPanel } from './plan-panel.js';
import { onTick } from './ticker.js';

export interface IncidentDetailHooks {
  onClose: () => void;
  onLocateUnit: (unitId: string) => void;
}

/**
 * One incident: what was reported, its timers, what can be done to it, the units on it, who else can
 * go, and its history from the log. Only the parts an event concerns are redrawn, and the note box
 * is never rebuilt while the dispatcher types in it.
 */
export class IncidentDetail {
  readonly element = h('section', { class: 'incident-detail-panel' });
  private incidentId: string | null = null;
  /** The incident whose full detail is on screen (null while none is, e.g. before it has arrived). */
  private drawn: string | null = null;
  private message: { kind: 'error' | 'success'; text: string } | null = null;
  private readonly summary = h('div', { class: 'detail-summary' });
  private readonly messageSlot = h('div', { class: 'form-message', role: 'status', 'data-testid': 'detail-message' });
  private readonly actions: IncidentActions;
  private readonly assignments: AssignmentList;
  private readonly dispatch: DispatchPanel;
  private readonly plan: PlanPanel;
  private readonly timeline: IncidentTimeline;
  private readonly noteForm = h('form', { class: 'note-form', 'data-testid': 'note-form' });

  constructor(
    private readonly store: WorldStore,
    private readonly client: LiveClient,
    session: Session,
    world: WorldId,
    private readonly hooks: IncidentDetailHooks,
  ) {
    const report = (outcome: CommandOutcome) => this.report(outcome);
    this.actions = new IncidentActions(store, client, report);
    this.assignments = new AssignmentList(store, client, { onLocateUnit: hooks.onLocateUnit, onOutcome: report });
    this.dispatch = new DispatchPanel(store, client, (outcome, callSign) => this.report(outcome, t('dispatch.sent', { unit: callSign })));
    this.plan = new PlanPanel(store, client, session, world, (outcome, success) => this.report(outcome, success));
    this.timeline = new IncidentTimeline(session, world, () => store.state);
    this.noteForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.addNote();
    });
    store.subscribe((change) => {
      if (!this.incidentId) return;
      // A reset, or the incident arriving after it was chosen (an ack can beat its event here).
      if (change.reset || (this.drawn !== this.incidentId && this.incident())) return this.render();
      if (change.events.some((event) => this.concerns(event))) {
        this.renderStatus();
        this.timeline.refreshSoon();
      }
    });
    onTick(() => this.tick());
    this.render();
  }

  show(incidentId: string | null) {
    if (incidentId === this.incidentId) return;
    this.incidentId = incidentId;
    this.message = null;
    this.noteForm.replaceChildren();
    this.render();
  }

  /** Full redraw (new incident, store reset, language switch). */
  render() {
    const incident = this.incident();
    this.timeline.show(incident ? incident.id : null);
    this.dispatch.show(incident ? incident.id : null);
    this.plan.show(incident ? incident.id : null);
    this.drawn = null;
    if (!this.incidentId) {
      this.element.replaceChildren(h('p', { class: 'empty placeholder' }, t('detail.nothingSelected')));
      return;
    }
    if (!incident) {
      this.element.replaceChildren(h('p', { class: 'empty placeholder', role: 'alert' }, t('detail.notFound')));
      return;
    }
    this.drawn = incident.id;
    this.renderNoteForm();
    this.timeline.render();
    const close = h('button', { type: 'button', class: 'close-button', 'aria-label': t('action.close'), 'data-testid': 'detail-close' }, '×');
    close.addEventListener('click', () => this.hooks.onClose());
    this.element.replaceChildren(
      h(
        'div',
        { class: 'incident-detail', 'data-testid': 'incident-detail', 'data-incident-id': incident.id, 'data-status': incident.status, 'data-level': incident.level },
        close,
        this.summary,
        this.messageSlot,
        this.actions.element,
        this.plan.element,
        this.assignments.element,
        this.dispatch.element,
        this.noteForm,
        this.timeline.element,
      ),
    );
    this.renderStatus();
  }

  private renderStatus() {
    const incident = this.incident();
    if (!incident) return this.render();
    const container = this.element.querySelector<HTMLElement>('[data-testid=incident-detail]');
    if (container) {
      container.dataset.status = incident.status;
      container.dataset.level = incident.level;
    }
    this.summary.replaceChildren(...summaryOf(incident, this.store));
    this.actions.render(incident);
    this.assignments.render(incident.id);
    this.showMessage();
    this.tick();
  }

  private renderNoteForm() {
    // Keep what the dispatcher was typing across redraws (a reconnect, a language switch).
    const typed = this.noteForm.querySelector<HTMLInputElement>('[name=text]')?.value ?? '';
    const input = h('input', { id: 'note-text', name: 'text', type: 'text', maxlength: 2000, autocomplete: 'off', value: typed, 'data-testid': 'note-text' });
    this.noteForm.replaceChildren(
      h('label', { for: 'note-text' }, t('detail.note')),
      h('div', { class: 'inline-form' }, input, h('button', { type: 'submit', 'data-testid': 'note-submit' }, t('detail.addNote'))),
    );
  }

  private async addNote() {
    const incident = this.incident();
    const input = this.noteForm.querySelector<HTMLInputElement>('[name=text]');
    if (!incident || !input) return;
    const outcome = await sendCommand(this.client, 'incident:note', { incidentId: incident.id, text: input.value });
    if (outcome.ok) input.value = '';
    this.report(outcome, t('detail.noteAdded'));
  }

  private report(outcome: CommandOutcome, success?: string) {
    this.message = outcome.ok ? (success ? { kind: 'success', text: success } : null) : { kind: 'error', text: outcome.message };
    this.showMessage();
  }

  private showMessage() {
    this.messageSlot.className = `form-message ${this.message?.kind ?? ''}`;
    this.messageSlot.setAttribute('role', this.message?.kind === 'error' ? 'alert' : 'status');
    this.messageSlot.textContent = this.message?.text ?? '';
  }

  private tick() {
    const incident = this.incident();
    if (!incident) return;
    const timers = incidentTimers(incident, firstOnSceneAt(assignmentsOfIncident(this.store.state, incident.id)), this.store.now());
    showTimer(this.summary.querySelector('[data-timer=callProcessing]'), timers.sinceReport, t('queue.sinceReport'));
    showTimer(this.summary.querySelector('[data-timer=dispatchToScene]'), timers.sinceDispatch, t('queue.sinceDispatch'));
  }

  private incident(): Incident | undefined {
    return this.incidentId ? this.store.state.incidents.get(this.incidentId) : undefined;
  }

  /** Whether an event changes anything this panel shows. */
  private concerns(event: StoredEvent): boolean {
    const state = this.store.state;
    const data = event.data as { incidentId?: string; intoIncidentId?: string; assignmentId?: string; unitId?: string };
    if (data.incidentId === this.incidentId || data.intoIncidentId === this.incidentId) return true;
    if (data.assignmentId) return state.assignments.get(data.assignmentId)?.incidentId === this.incidentId;
    if (event.type === 'unit:status-changed' && data.unitId)
      return assignmentsOfIncident(state, this.incidentId!).some((assignment) => assignment.unitId === data.unitId);
    return false;
  }
}

function summaryOf(incident: Incident, store: WorldStore): HTMLElement[] {
  const codeOf = (id: string) => store.state.incidents.get(id)?.code ?? id;
  const facts: [string, string][] = [
    [t('detail.reportedAt'), `${formatDateTime(incident.reportedAt)} · ${incident.reportedBy}`],
    [t('detail.location'), `${incident.address ? `${incident.address} · ` : ''}${incident.location.lat.toFixed(5)}, ${incident.location.lon.toFixed(5)}`],
    [t('detail.caller'), [incident.caller.name, incident.caller.phone].filter(Boolean).join(' · ') || '—'],
    [t('detail.casualties'), String(incident.casualties)],
  ];
  if (incident.mergedFrom.length > 0) facts.push([t('detail.mergedFrom'), incident.mergedFrom.map(codeOf).join(', ')]);
  if (incident.mergedInto) facts.push([t('detail.mergedInto'), codeOf(incident.mergedInto)]);
  if (incident.statusReason) facts.push([t('detail.statusReason'), incident.statusReason]);
  return [
    h(
      'h2',
      {},
      h('span', { class: `level-badge level-${incident.level}` }, incident.level),
      h('span', {}, incident.code),
      h('span', { class: `status-tag status-${incident.status}`, 'data-testid': 'detail-status' }, t(`incidentStatus.${incident.status}`)),
    ),
    h('p', { class: 'detail-kind' }, `${t(`category.${incident.category}`)} · ${t(`subtype.${incident.subtype}`)} · ${t(`level.${incident.level}`)}`),
    h('p', { class: 'detail-description' }, incident.description),
    h('dl', { class: 'facts' }, ...facts.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    h('p', { class: 'detail-timers' }, h('span', { class: 'timer', 'data-timer': 'callProcessing' }), h('span', { class: 'timer', 'data-timer': 'dispatchToScene' })),
  ];
}
