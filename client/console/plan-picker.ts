import { isIncidentOpen, rankTemplates, type Incident, type PlanTemplate } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { bilingual } from '../common/plan-text.js';
import { t } from '../i18n/index.js';
import type { LiveClient } from '../net/live-client.js';
import { apiGet, type Session } from '../net/session.js';
import { sendCommand, type CommandOutcome } from './command-feedback.js';

/** The plan library as GET /api/plans gave it; read once and again after a template changes. */
let library: Promise<PlanTemplate[]> | null = null;

export function forgetPlanLibrary() {
  library = null;
}

function planLibrary(session: Session): Promise<PlanTemplate[]> {
  library ??= apiGet<PlanTemplate[]>(session, '/api/plans').then(
    (answer) => (answer.ok ? answer.data : []),
    () => {
      library = null;
      return [];
    },
  );
  return library;
}

/**
 * For an incident without a plan: activate the best match (the server picks it, as on verification),
 * or choose one of the category's templates, those that match the incident first.
 */
export class PlanPicker {
  readonly element = h('div', { class: 'plan-picker', 'data-testid': 'plan-picker' });
  private incident: Incident | null = null;
  private busy = false;

  constructor(
    private readonly session: Session,
    private readonly client: LiveClient,
    private readonly onOutcome: (outcome: CommandOutcome, success?: string) => void,
  ) {}

  render(incident: Incident, canActivate: boolean) {
    this.incident = incident;
    const hint = incident.status === 'reported' ? t('plan.noneUnverified') : t('plan.none');
    if (!canActivate || !isIncidentOpen(incident.status)) {
      this.element.replaceChildren(h('p', { class: 'empty', 'data-testid': 'plan-none' }, t('plan.none')));
      return;
    }
    const best = h('button', { type: 'button', class: 'primary', 'data-testid': 'plan-activate-best', disabled: this.busy }, t('plan.activateBest'));
    best.addEventListener('click', () => void this.activate(undefined));
    const select = h('select', { id: 'plan-choice', 'data-testid': 'plan-choice', disabled: true }, h('option', { value: '' }, t('plan.loadingLibrary')));
    const chosen = h('button', { type: 'button', 'data-testid': 'plan-activate-chosen', disabled: true }, t('plan.activateChosen'));
    chosen.addEventListener('click', () => {
      if (select.value) void this.activate(select.value);
    });
    const hintElement = h('p', { class: 'empty', 'data-testid': 'plan-none' }, hint);
    this.element.replaceChildren(
      hintElement,
      h('div', { class: 'plan-picker-buttons' }, best),
      h('label', { for: 'plan-choice', class: 'compact-field wide' }, h('span', {}, t('plan.chooseLabel')), h('div', { class: 'inline-form plan-choice-row' }, select, chosen)),
    );
    void planLibrary(this.session).then((templates) => {
      if (this.incident?.id !== incident.id || !select.isConnected) return;
      const matching = new Set(rankTemplates(templates, incident).map((match) => match.template.id));
      if (templates.length > 0 && matching.size === 0) {
        // Nothing to match: say so now rather than let "best match" fail.
        hintElement.textContent = t('plan.noMatch');
        best.disabled = true;
      }
      const inCategory = templates
        .filter((template) => template.match.category === incident.category)
        .sort((a, b) => Number(matching.has(b.id)) - Number(matching.has(a.id)) || a.id.localeCompare(b.id));
      select.replaceChildren(
        h('option', { value: '' }, inCategory.length > 0 ? t('plan.choose') : t('plan.noneInCategory')),
        ...inCategory.map((template) =>
          h('option', { value: template.id }, `${matching.has(template.id) ? '✓ ' : ''}${bilingual(template.name)} · ${t(`responseLevel.${template.responseLevel}`)}`),
        ),
      );
      select.disabled = inCategory.length === 0;
      select.addEventListener('change', () => (chosen.disabled = !select.value || this.busy));
    });
  }

  private async activate(planId: string | undefined) {
    const incident = this.incident;
    if (!incident || this.busy) return;
    this.busy = true;
    this.render(incident, true);
    const outcome = await sendCommand(this.client, 'plan:activate', { incidentId: incident.id, ...(planId && { planId }) });
    this.busy = false;
    this.onOutcome(outcome, t('plan.activated'));
    // On success the activation event redraws the whole plan panel; on failure the buttons come back.
    if (!outcome.ok && this.incident === incident) this.render(incident, true);
  }
}
