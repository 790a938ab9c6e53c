import {
  countAssignedUnits,
  isIncidentOpen,
  openAssignmentsOfIncident,
  requirementKey,
  type AssignedCounts,
  type Incident,
  type PlanActivation,
  type Requirement,
  type StoredEvent,
  type Unit,
  type WorldId,
} from '../../shared/index.js';
import { h, replaceChildren } from '../common/dom.js';
import { maySend } from '../common/permissions.js';
import { bilingual, requirementLabel, requirementText, requirementsText } from '../common/plan-text.js';
import { t } from '../i18n/index.js';
import type { LiveClient } from '../net/live-client.js';
import type { Session } from '../net/session.js';
import type { WorldStore } from '../store/world-store.js';
import type { CommandOutcome } from './command-feedback.js';
import { PlanChecklist } from './plan-checklist.js';
import { forgetPlanLibrary, PlanPicker } from './plan-picker.js';
import { RecommendationPanel } from './recommendation-panel.js';
import { onTick } from './ticker.js';

/** Incident events that change what the panel offers (a note or a merge-in does not). */
const REDRAWING_INCIDENT_EVENTS: readonly string[] = [
  'incident:verified',
  'incident:level-changed',
  'incident:status-changed',
  'incident:updated',
  'incident:rejected',
  'incident:merged',
];

/**
 * The emergency plan on the incident in the detail panel: which plan and response level, who leads,
 * the cordon and evacuation radii, the public warning; the run card as required vs assigned per line,
 * live; what the last level change added and released; the recommendation to dispatch; the checklist.
 * Without a plan, the way to activate one.
 */
export class PlanPanel {
  readonly element = h('section', { class: 'plan-panel', 'data-testid': 'plan-panel' });
  private incidentId: string | null = null;
  private readonly header = h('div', { class: 'plan-header' });
  private readonly facts = h('dl', { class: 'facts plan-facts' });
  private readonly delta = h('div', { class: 'plan-delta', 'data-testid': 'plan-delta', role: 'status' });
  private readonly lines = h('div', { class: 'plan-requirements', 'data-testid': 'plan-requirements' });
  private readonly more = h('details', { class: 'plan-more', open: true });
  private readonly picker: PlanPicker;
  private readonly recommendation: RecommendationPanel;
  private readonly checklist: PlanChecklist;
  /** planId|revision|activatedAt of the activation on screen, so a re-match redraws everything. */
  private drawnActivation = '';

  constructor(
    private readonly store: WorldStore,
    client: LiveClient,
    session: Session,
    private readonly world: WorldId,
    onOutcome: (outcome: CommandOutcome, success?: string) => void,
  ) {
    this.picker = new PlanPicker(session, client, onOutcome);
    this.recommendation = new RecommendationPanel(store, client, onOutcome);
    this.checklist = new PlanChecklist(store, client, onOutcome);
    store.subscribe((change) => {
      if (change.events.some((event) => event.type.startsWith('plan-template:'))) forgetPlanLibrary();
      if (!this.incidentId) return;
      if (change.reset) return this.render();
      if (change.events.some((event) => this.concernsPlan(event))) return this.render();
      if (change.events.some((event) => event.type === 'plan:action-completed' && event.data.incidentId === this.incidentId)) this.refreshChecklist();
      if (change.events.some((event) => this.concernsAssignments(event))) this.renderLines();
    });
    onTick(() => this.checklist.tick());
  }

  show(incidentId: string | null) {
    if (incidentId !== this.incidentId) this.recommendation.reset();
    this.incidentId = incidentId;
    this.render();
  }

  /** Full redraw (new incident, new activation, store reset, language switch). */
  render() {
    const incident = this.incident();
    const activation = incident ? this.store.state.activations.get(incident.id) ?? null : null;
    this.element.dataset.planId = activation?.planId ?? '';
    if (!incident) {
      this.element.replaceChildren();
      this.checklist.render(null, false);
      this.recommendation.render(null, null, {}, false);
      return;
    }
    const heading = h('h3', {}, t('plan.title'));
    if (!activation) {
      this.drawnActivation = '';
      this.picker.render(incident, maySend(this.store.user, this.world, 'plan:activate'));
      this.checklist.render(null, false);
      this.recommendation.render(null, null, {}, false);
      this.element.replaceChildren(heading, this.picker.element);
      return;
    }
    const drawn = `${activation.planId}|${activation.planRevision}|${activation.activatedAt}`;
    if (drawn !== this.drawnActivation) this.recommendation.reset();
    this.drawnActivation = drawn;
    this.renderHeader(activation);
    this.renderDelta(activation);
    this.renderMore(activation);
    this.element.replaceChildren(heading, this.header, this.facts, this.delta, this.lines, this.recommendation.element, this.checklist.element, this.more);
    this.refreshChecklist();
    this.renderLines();
  }

  private incident(): Incident | undefined {
    return this.incidentId ? this.store.state.incidents.get(this.incidentId) : undefined;
  }

  /** Events after which the panel is redrawn whole: a new or changed activation, a change to the incident. */
  private concernsPlan(event: StoredEvent): boolean {
    if (event.type === 'plan:activated' || event.type === 'plan:rematched') return event.data.incidentId === this.incidentId;
    return REDRAWING_INCIDENT_EVENTS.includes(event.type) && (event.data as { incidentId?: string }).incidentId === this.incidentId;
  }

  private concernsAssignments(event: StoredEvent): boolean {
    if (event.type !== 'assignment:dispatched' && event.type !== 'assignment:status-changed') return false;
    return this.store.state.assignments.get(event.data.assignmentId)?.incidentId === this.incidentId;
  }

  private refreshChecklist() {
    const incident = this.incident();
    const activation = incident ? this.store.state.activations.get(incident.id) ?? null : null;
    // A closed incident's checklist is a record: it is read, not ticked.
    const open = incident !== undefined && isIncidentOpen(incident.status);
    this.checklist.render(activation, open && maySend(this.store.user, this.world, 'plan:complete-action'));
  }

  private renderHeader(activation: PlanActivation) {
    const link = h('a', { href: `plans.html?id=${encodeURIComponent(activation.planId)}`, target: '_blank', rel: 'noopener', class: 'plan-name', 'data-testid': 'plan-name' }, bilingual(activation.name));
    this.header.replaceChildren(
      h('span', { class: `response-badge response-${activation.responseLevel}`, 'data-testid': 'plan-response-level' }, t(`responseLevel.${activation.responseLevel}`)),
      link,
      h('span', { class: 'plan-revision', title: activation.matchReason }, t('plan.revision', { id: activation.planId, revision: activation.planRevision })),
    );
    const radius = (metres: number) => (metres > 0 ? t('plan.metres', { metres }) : t('plan.noRadius'));
    const facts: [string, string][] = [
      [t('plan.lead'), t(`agency.${activation.leadAgency}`)],
      [t('plan.supporting'), activation.supportingAgencies.map((agency) => t(`agency.${agency}`)).join(t('legend.separator')) || '—'],
      [t('plan.radii'), t('plan.radiiValue', { cordon: radius(activation.cordonRadiusM), evacuation: radius(activation.evacuationRadiusM) })],
    ];
    this.facts.replaceChildren(...facts.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
  }

  private renderDelta(activation: PlanActivation) {
    const delta = activation.lastDelta;
    const changed = delta !== null && (delta.added.length > 0 || delta.released.length > 0);
    this.delta.hidden = !changed;
    if (!changed) return this.delta.replaceChildren();
    replaceChildren(
      this.delta,
      h('strong', {}, t('plan.deltaTitle', { response: t(`responseLevel.${activation.responseLevel}`) })),
      delta.added.length > 0 ? deltaList('plan-delta-added', 'plan.deltaAdded', delta.added) : null,
      delta.released.length > 0 ? deltaList('plan-delta-released', 'plan.deltaReleased', delta.released) : null,
    );
  }

  private renderMore(activation: PlanActivation) {
    this.more.replaceChildren(
      h('summary', {}, t('plan.more')),
      h('h4', {}, t('plan.publicWarning')),
      h('blockquote', { class: 'plan-warning', 'data-testid': 'plan-public-warning' }, bilingual(activation.publicWarning)),
      h('h4', {}, t('plan.notifications')),
      h('p', {}, activation.notifications.map((agency) => t(`agency.${agency}`)).join(t('legend.separator')) || '—'),
      h('h4', {}, t('plan.termination')),
      h('ul', { class: 'plan-termination' }, ...activation.terminationConditions.map((condition) => h('li', {}, bilingual(condition)))),
    );
  }

  /** Required vs assigned per run-card line, from the units on the incident's open assignments. */
  private renderLines() {
    const incident = this.incident();
    const activation = incident ? this.store.state.activations.get(incident.id) : undefined;
    if (!incident || !activation) return;
    const state = this.store.state;
    const units: Unit[] = [];
    for (const assignment of openAssignmentsOfIncident(state, incident.id)) {
      const unit = state.units.get(assignment.unitId);
      if (unit) units.push(unit);
    }
    const assigned: AssignedCounts = countAssignedUnits(activation.requirements, units);
    const rows = activation.requirements.map((requirement) => {
      const key = requirementKey(requirement);
      const count = assigned[key] ?? 0;
      const met = count >= requirement.count;
      return h(
        'li',
        { class: `requirement-line ${met ? 'met' : 'unmet'}`, 'data-testid': 'requirement-line', 'data-key': key, 'data-assigned': count, 'data-required': requirement.count },
        h('span', { class: 'requirement-mark', 'aria-hidden': 'true' }, met ? '✓' : '!'),
        h('span', { class: 'requirement-label' }, requirementLabel(requirement)),
        h('span', { class: 'requirement-count', title: t(met ? 'plan.lineMet' : 'plan.lineUnmet') }, t('plan.assignedOfRequired', { assigned: count, required: requirement.count })),
      );
    });
    const unmet = activation.requirements.filter((requirement) => (assigned[requirementKey(requirement)] ?? 0) < requirement.count).length;
    this.lines.replaceChildren(
      h('h4', {}, t('plan.requirements'), h('span', { class: `requirements-summary ${unmet ? 'unmet' : 'met'}` }, unmet ? t('plan.linesUnmet', { count: unmet }) : t('plan.allMet'))),
      h('ul', { class: 'requirement-lines' }, ...rows),
    );
    this.recommendation.render(incident, activation, assigned, maySend(this.store.user, this.world, 'incident:dispatch'));
  }
}

/** "增派：" and one line per unit type, so a long re-match reads as a list. */
function deltaList(testId: string, labelKey: string, requirements: readonly Requirement[]): HTMLElement {
  return h(
    'div',
    { class: 'delta-group', 'data-testid': testId, 'data-lines': requirementsText(requirements) },
    h('span', { class: 'delta-label' }, t(labelKey)),
    h('ul', { class: 'delta-lines' }, ...requirements.map((requirement) => h('li', {}, requirementText(requirement)))),
  );
}
