import { evaluateChecklist, type ChecklistItem, type PlanActivation, type Unit } from '../../shared/index.js';
import { h, replaceChildren } from '../common/dom.js';
import { bilingual, responsibleText } from '../common/plan-text.js';
import { currentLocale, t } from '../i18n/index.js';
import type { OutboxEntry } from '../net/outbox.js';
import type { FieldContext } from './field-context.js';

/** How often deadlines are looked at again (a minute is the smallest unit the team reads). */
const TICK_MS = 5000;

/**
 * The plan's checklist items for this team on the assignment card: actions for field teams or for the
 * unit's own agency, each ticked through the outbox (so a tap without coverage waits, then goes). When
 * the plan names nothing for the team, every action is listed for information, without buttons.
 */
export class PlanTasks {
  readonly element = h('section', { class: 'plan-tasks', 'data-testid': 'plan-tasks', hidden: true });
  private incidentId: string | null = null;
  private drawnKey = '';
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly context: FieldContext) {
    this.timer = setInterval(() => this.update(), TICK_MS);
  }

  show(incidentId: string | null) {
    if (incidentId !== this.incidentId) this.drawnKey = '';
    this.incidentId = incidentId;
    this.update();
  }

  destroy() {
    clearInterval(this.timer);
  }

  update() {
    const { store, outbox, unitId } = this.context;
    const activation = this.incidentId ? store.state.activations.get(this.incidentId) : undefined;
    const unit = store.state.units.get(unitId);
    if (!activation || !unit) {
      this.element.hidden = true;
      this.drawnKey = '';
      return;
    }
    const completions = Object.fromEntries(Object.entries(activation.completions).map(([id, completion]) => [id, completion.at]));
    const checklist = evaluateChecklist({ activatedAt: activation.activatedAt, actions: activation.actions, completions, now: new Date(store.now()).toISOString() });
    const ours = checklist.items.filter((item) => isForTeam(item, unit));
    const entries = outbox.list().filter((entry) => entry.name === 'plan:complete-action' && entry.payload.incidentId === activation.incidentId);
    const key = JSON.stringify([
      activation.planId,
      activation.activatedAt,
      checklist.items.map((item) => [item.status, item.minutesLate]),
      entries.map((entry) => [entry.key, entry.status]),
      currentLocale(),
    ]);
    if (key === this.drawnKey) return;
    this.drawnKey = key;
    this.element.hidden = false;
    const others = checklist.items.filter((item) => !ours.includes(item));
    replaceChildren(
      this.element,
      h('h3', {}, t('plan.tasks'), h('small', {}, ` · ${bilingual(activation.name)}`)),
      ours.length > 0
        ? h('ol', { class: 'task-list' }, ...ours.map((item) => this.row(activation, item, entries, true)))
        : h('p', { class: 'hint' }, t('plan.noTasks')),
      others.length > 0
        ? h(
            'details',
            { class: 'other-tasks', open: ours.length === 0 },
            h('summary', {}, t('plan.otherTasks', { count: others.length })),
            h('ol', { class: 'task-list' }, ...others.map((item) => this.row(activation, item, entries, false))),
          )
        : null,
    );
  }

  private row(activation: PlanActivation, item: ChecklistItem, entries: readonly OutboxEntry[], tickable: boolean): HTMLElement {
    const done = item.status === 'done' || item.status === 'done_late';
    const entry = [...entries].reverse().find((candidate) => candidate.payload.actionId === item.action.id);
    const waiting = !done && entry !== undefined && (entry.status === 'pending' || entry.status === 'sending');
    let tick: HTMLElement | null = null;
    if (tickable && !done && !waiting) {
      tick = h('button', { type: 'button', class: 'button primary task-tick', 'data-testid': 'task-complete' }, `✓ ${t('checklist.complete')}`);
      tick.addEventListener('click', () => void this.complete(activation.incidentId, item.action.id));
    }
    const state = waiting ? t('plan.taskWaiting') : t(`checklist.status.${item.status}`);
    return h(
      'li',
      { class: `task status-${item.status}${waiting ? ' waiting' : ''}`, 'data-testid': 'task', 'data-action-id': item.action.id, 'data-status': item.status, 'data-waiting': String(waiting) },
      h('div', { class: 'task-body' }, h('span', { class: 'task-title' }, bilingual(item.action.title)), h('span', { class: 'task-meta' }, `${responsibleText(item.action.responsible)} · ${timing(item)}`)),
      h('span', { class: 'task-state' }, state),
      tick,
      entry?.status === 'failed' && !done ? h('p', { class: 'task-error' }, `${t(`error.${entry.error?.code ?? 'INTERNAL'}`)} — ${entry.error?.message ?? ''}`) : null,
    );
  }

  private async complete(incidentId: string, actionId: string) {
    await this.context.outbox.enqueue('plan:complete-action', { incidentId, actionId });
  }
}

/** Actions for field teams in general, or for the unit's own agency. */
function isForTeam(item: ChecklistItem, unit: Unit): boolean {
  return item.action.responsible === 'field' || item.action.responsible === unit.agency;
}

function timing(item: ChecklistItem): string {
  if (item.status === 'overdue') return t('checklist.overdueBy', { minutes: item.minutesLate });
  if (item.completedAt) return t('checklist.doneAt', { time: clock(item.completedAt) });
  return t('checklist.dueAt', { time: clock(item.dueAt) });
}

function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString(currentLocale(), { hour: '2-digit', minute: '2-digit' });
}
