import { LEVEL_INFO, UNIT_TYPE_INFO, isAssignmentOpen, type Assignment, type AssignmentStatus, type Incident } from '../../shared/index.js';
import { distanceKm } from '../../shared/geo/distance.js';
import { h, replaceChildren } from '../common/dom.js';
import { currentLocale, t } from '../i18n/index.js';
import { awaitsAnswer, currentAssignment, expectedStatus, progressChoices, type ExpectedStatus } from './assignment-progress.js';
import type { FieldContext } from './field-context.js';
import { IncidentMap } from './incident-map.js';
import { NoteBox } from './note-box.js';
import { PlanTasks } from './plan-tasks.js';

/**
 * The team's current job: what and where the incident is, how far, and the answers the team may give
 * now. The card shows the status the team expects (its own queued commands included), marked as
 * pending until the server has it, so going offline never makes a tapped button look ignored.
 */
export class AssignmentCard {
  readonly element: HTMLElement;
  private readonly card: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly banner = h('div', { class: 'card-banner' });
  private readonly lastOutcome = h('p', { class: 'last-outcome', 'data-testid': 'last-outcome' });
  private readonly summary = h('div', { class: 'card-summary' });
  private readonly statusLine = h('p', { class: 'card-status', 'data-testid': 'assignment-status' });
  private readonly distance = h('p', { class: 'card-distance', 'data-testid': 'assignment-distance' });
  private readonly mapContainer = h('div', { class: 'incident-map', 'data-testid': 'incident-map' });
  private readonly mapLegend = h('p', { class: 'map-legend' });
  private readonly actions = h('div', { class: 'card-actions' });
  private readonly declineForm: HTMLElement;
  private readonly declineReason: HTMLTextAreaElement;
  private readonly declineConfirm: HTMLButtonElement;
  private readonly notes: NoteBox;
  private readonly planTasks: PlanTasks;
  private incidentMap: IncidentMap | null = null;
  private actionsKey = '';
  private declineOpen = false;
  private busy = false;
  private attentionFor = '';

  constructor(private readonly context: FieldContext) {
    this.declineReason = h('textarea', { class: 'decline-reason', 'data-testid': 'decline-reason', rows: 2, maxlength: 500, placeholder: t('decline.placeholder') });
    this.declineReason.value = context.drafts.declineReason;
    this.declineConfirm = h('button', { type: 'button', class: 'button danger', 'data-testid': 'decline-confirm' }, t('decline.confirm'));
    this.declineReason.addEventListener('input', () => {
      context.drafts.declineReason = this.declineReason.value;
      this.declineConfirm.disabled = this.declineReason.value.trim() === '';
    });
    this.declineConfirm.disabled = this.declineReason.value.trim() === '';
    this.declineConfirm.addEventListener('click', () => void this.decline());
    const declineCancel = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'decline-cancel' }, t('action.cancel'));
    declineCancel.addEventListener('click', () => this.toggleDecline(false));
    this.declineForm = h(
      'div',
      { class: 'decline-form', hidden: true },
      h('label', { class: 'field-label' }, t('decline.reason'), this.declineReason),
      h('div', { class: 'button-row' }, declineCancel, this.declineConfirm),
    );
    this.notes = new NoteBox(context);
    this.planTasks = new PlanTasks(context);
    this.card = h(
      'article',
      { class: 'assignment-card', 'data-testid': 'assignment-card', hidden: true, 'aria-live': 'polite' },
      this.banner,
      this.summary,
      this.statusLine,
      this.distance,
      this.mapContainer,
      this.mapLegend,
      this.actions,
      this.declineForm,
      this.planTasks.element,
      this.notes.element,
    );
    this.empty = h(
      'div',
      { class: 'assignment-empty', 'data-testid': 'assignment-empty' },
      h('p', {}, t('assignment.none')),
      h('p', { class: 'hint' }, t('assignment.noneHint')),
      this.lastOutcome,
    );
    this.element = h('section', { class: 'assignment-section', 'aria-label': t('assignment.current') }, this.empty, this.card);
  }

  update() {
    const { store, outbox, unitId } = this.context;
    const assignment = currentAssignment(store.state, unitId);
    if (!assignment) {
      this.card.hidden = true;
      this.empty.hidden = false;
      for (const name of ['assignmentId', 'status', 'expectedStatus', 'pending', 'attention']) delete this.card.dataset[name];
      this.notes.show(null);
      this.planTasks.show(null);
      this.renderLastOutcome();
      return;
    }
    this.card.hidden = false;
    this.empty.hidden = true;
    const expected = expectedStatus(assignment, outbox.list());
    const incident = store.state.incidents.get(assignment.incidentId) ?? null;
    const attention = awaitsAnswer(expected.status);
    Object.assign(this.card.dataset, {
      assignmentId: assignment.id,
      status: assignment.status,
      expectedStatus: expected.status,
      pending: String(expected.pending),
      attention: String(attention),
    });
    this.card.classList.toggle('attention', attention);
    this.banner.textContent = attention ? t('assignment.new') : t('assignment.current');
    if (attention && this.attentionFor !== assignment.id) {
      this.attentionFor = assignment.id;
      // The card is near the top: show the whole page head rather than tuck the banner under the status bar.
      window.scrollTo({ top: 0 });
    }
    this.renderSummary(assignment, incident);
    this.statusLine.replaceChildren(
      h('span', { class: 'status-label' }, t('assignment.status')),
      h('strong', { class: `status-value status-${expected.status}` }, statusText(expected)),
    );
    this.renderDistance(incident);
    this.renderActions(assignment, expected);
    if (!awaitsAnswer(expected.status) && this.declineOpen) this.toggleDecline(false);
    this.notes.show(incident ? assignment.incidentId : null);
    this.planTasks.show(incident ? assignment.incidentId : null);
  }

  destroy() {
    this.incidentMap?.destroy();
    this.notes.destroy();
    this.planTasks.destroy();
  }

  /** How the last job ended: a cancelled call-out must not simply vanish from the team's screen. */
  private renderLastOutcome() {
    const { store, unitId } = this.context;
    const last = lastClosedAssignment(store.state.assignments.values(), unitId, store.now() - LAST_OUTCOME_MS);
    this.lastOutcome.hidden = !last;
    if (!last) return;
    const code = store.state.incidents.get(last.incidentId)?.code ?? last.incidentId;
    const outcome = t('assignment.lastOutcome', { code, status: t(`assignmentStatus.${last.status}`) });
    this.lastOutcome.dataset.status = last.status;
    this.lastOutcome.textContent = last.reason ? `${outcome} — ${last.reason}` : outcome;
  }

  private renderSummary(assignment: Assignment, incident: Incident | null) {
    if (!incident) {
      replaceChildren(this.summary, h('p', { class: 'hint' }, t('assignment.loadingIncident', { id: assignment.incidentId })));
      return;
    }
    replaceChildren(
      this.summary,
      h(
        'div',
        { class: 'card-title-row' },
        h('span', { class: `level-chip level-${incident.level}` }, t(`level.${incident.level}`)),
        h('span', { class: 'incident-code' }, incident.code),
      ),
      h('h2', { class: 'card-title' }, t(`subtype.${incident.subtype}`), h('small', {}, ` · ${t(`category.${incident.category}`)}`)),
      incident.address ? h('p', { class: 'card-address' }, incident.address) : null,
      h('p', { class: 'card-description' }, incident.description),
      incident.casualties > 0 ? h('p', { class: 'card-casualties' }, t('assignment.casualties', { count: incident.casualties })) : null,
      h('p', { class: 'hint' }, t('assignment.dispatchedAt', { time: clock(assignment.dispatchedAt) })),
    );
  }

  /** Distance from where the team is: the phone's own fix when it has one, else the unit's last report. */
  private renderDistance(incident: Incident | null) {
    const { store, unitId, location } = this.context;
    const unit = store.state.units.get(unitId);
    const position = location.lastFix ?? unit?.location ?? null;
    if (!incident) {
      this.distance.textContent = '';
      return;
    }
    if (!this.incidentMap) this.incidentMap = new IncidentMap(this.mapContainer);
    this.incidentMap.show(incident, position, { incident: incident.code, unit: unit?.callSign ?? unitId });
    this.mapLegend.replaceChildren(
      h('span', { class: 'legend-dot', style: `background:${LEVEL_INFO[incident.level].colour}` }),
      t('assignment.legendIncident'),
      h('span', { class: 'legend-dot unit' }),
      t('assignment.legendUnit'),
    );
    if (!position) {
      this.distance.textContent = t('assignment.distanceUnknown');
      return;
    }
    const km = distanceKm(position, incident.location);
    const speedKmh = unit ? UNIT_TYPE_INFO[unit.type].speedKmh : null;
    const distanceText = km < 1 ? t('assignment.distanceM', { m: Math.round(km * 1000) }) : t('assignment.distanceKm', { km: km.toFixed(1) });
    const etaText = speedKmh ? t('assignment.eta', { minutes: Math.max(1, Math.round((km / speedKmh) * 60)) }) : '';
    this.distance.replaceChildren(
      h('strong', { 'data-testid': 'distance-value', 'data-km': km.toFixed(3) }, distanceText),
      ` ${etaText}`,
      h('span', { class: 'hint' }, ` (${location.lastFix ? t('assignment.fromGps') : t('assignment.fromUnit')})`),
    );
  }

  private renderActions(assignment: Assignment, expected: ExpectedStatus) {
    const key = `${assignment.id}|${expected.status}|${this.busy}`;
    if (key === this.actionsKey) return;
    this.actionsKey = key;
    const buttons: HTMLButtonElement[] = [];
    if (awaitsAnswer(expected.status)) {
      buttons.push(this.button('ack', 'button primary big', t('assignment.acknowledge'), () => this.send('assignment:acknowledge', { assignmentId: assignment.id })));
      buttons.push(this.button('decline', 'button secondary big', t('assignment.decline'), () => this.toggleDecline(true)));
    }
    for (const status of progressChoices(expected.status))
      buttons.push(
        this.button(`status-${status}`, `button progress big progress-${status}`, t('assignment.advanceTo', { status: t(`assignmentStatus.${status}`) }), () =>
          this.send('assignment:advance', { assignmentId: assignment.id, status }),
        ),
      );
    replaceChildren(this.actions, ...buttons, buttons.length === 0 ? h('p', { class: 'hint' }, t('assignment.noActions')) : null);
  }

  private button(testId: string, className: string, label: string, onClick: () => void): HTMLButtonElement {
    const button = h('button', { type: 'button', class: className, 'data-testid': testId, disabled: this.busy }, label);
    button.addEventListener('click', onClick);
    return button;
  }

  /** Queues one answer; buttons stay disabled until it is stored, so a double tap cannot send twice. */
  private async send(name: 'assignment:acknowledge' | 'assignment:advance' | 'assignment:decline', payload: Record<string, unknown>) {
    if (this.busy) return;
    this.busy = true;
    this.update();
    try {
      await this.context.outbox.enqueue(name, payload as never);
    } finally {
      this.busy = false;
      this.update();
    }
  }

  private toggleDecline(open: boolean) {
    this.declineOpen = open;
    this.declineForm.hidden = !open;
    if (open) this.declineReason.focus();
  }

  private async decline() {
    const assignmentId = this.card.dataset.assignmentId;
    const reason = this.declineReason.value.trim();
    if (!assignmentId || !reason) return;
    await this.send('assignment:decline', { assignmentId, reason });
    this.declineReason.value = '';
    this.context.drafts.declineReason = '';
    this.toggleDecline(false);
  }
}

/** How long the outcome of the last job stays on the idle screen. */
const LAST_OUTCOME_MS = 2 * 60 * 60 * 1000;

function lastClosedAssignment(assignments: Iterable<Assignment>, unitId: string, sinceMs: number): Assignment | null {
  let last: Assignment | null = null;
  let lastAt = sinceMs;
  for (const assignment of assignments) {
    if (assignment.unitId !== unitId || isAssignmentOpen(assignment.status)) continue;
    const closedAt = Date.parse(assignment.times[assignment.status] ?? assignment.dispatchedAt);
    if (closedAt >= lastAt) {
      last = assignment;
      lastAt = closedAt;
    }
  }
  return last;
}

function statusText(expected: { status: AssignmentStatus; pending: boolean }): string {
  const label = t(`assignmentStatus.${expected.status}`);
  return expected.pending ? t('status.pendingSuffix', { status: label }) : label;
}

function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString(currentLocale(), { hour: '2-digit', minute: '2-digit' });
}
