import { evaluateChecklist, type ChecklistItem, type PlanActivation } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { bilingual, responsibleText } from '../common/plan-text.js';
import { t } from '../i18n/index.js';
import type { LiveClient } from '../net/live-client.js';
import type { WorldStore } from '../store/world-store.js';
import { sendCommand, type CommandOutcome } from './command-feedback.js';
import { formText, openDialog } from './dialog.js';
import { formatClock, formatDuration } from './format.js';

/** Completion times by action id, the shape evaluateChecklist takes. */
export function completionTimes(activation: PlanActivation): Record<string, string> {
  return Object.fromEntries(Object.entries(activation.completions).map(([actionId, completion]) => [actionId, completion.at]));
}

/** The activation's checklist at the store's (server-aligned) now. */
export function checklistNow(activation: PlanActivation, nowMs: number) {
  return evaluateChecklist({
    activatedAt: activation.activatedAt,
    actions: activation.actions,
    completions: completionTimes(activation),
    now: new Date(nowMs).toISOString(),
  });
}

/**
 * The plan's ordered actions with their deadlines from activation. Statuses are re-evaluated every
 * second; rows are rebuilt only when a status changes, otherwise just the countdowns move.
 */
export class PlanChecklist {
  readonly element = h('div', { class: 'plan-checklist', 'data-testid': 'plan-checklist' });
  private activation: PlanActivation | null = null;
  private canComplete = false;
  private drawnKey = '';

  constructor(
    private readonly store: WorldStore,
    private readonly client: LiveClient,
    private readonly onOutcome: (outcome: CommandOutcome, success?: string) => void,
  ) {}

  render(activation: PlanActivation | null, canComplete: boolean) {
    this.activation = activation;
    this.canComplete = canComplete;
    this.drawnKey = '';
    this.tick();
  }

  /** Called every second by the console's shared ticker. */
  tick() {
    const activation = this.activation;
    if (!activation) {
      if (this.drawnKey !== 'none') this.element.replaceChildren();
      this.drawnKey = 'none';
      return;
    }
    const checklist = checklistNow(activation, this.store.now());
    const key = `${activation.planId}|${activation.activatedAt}|${checklist.items.map((item) => item.status).join(',')}`;
    if (key !== this.drawnKey) {
      this.drawnKey = key;
      const overdue = checklist.overdue.length;
      this.element.replaceChildren(
        h('h4', {}, t('plan.checklist'), overdue > 0 ? h('span', { class: 'overdue-count', 'data-testid': 'checklist-overdue-count' }, t('plan.overdueCount', { count: overdue })) : null),
        h('ol', { class: 'checklist-items' }, ...checklist.items.map((item) => this.row(activation, item))),
      );
    }
    for (const item of checklist.items) {
      const slot = this.element.querySelector<HTMLElement>(`[data-action-id="${item.action.id}"] [data-countdown]`);
      if (slot) slot.textContent = countdown(item, this.store.now());
    }
  }

  private row(activation: PlanActivation, item: ChecklistItem): HTMLElement {
    const completion = activation.completions[item.action.id];
    const done = item.status === 'done' || item.status === 'done_late';
    let tick: HTMLElement | null = null;
    if (!done && this.canComplete) {
      tick = h('button', { type: 'button', class: 'small tick', 'data-testid': 'checklist-complete' }, `✓ ${t('checklist.complete')}`);
      tick.addEventListener('click', () => this.complete(activation.incidentId, item));
    }
    const doneText =
      done && item.completedAt
        ? item.status === 'done_late'
          ? t('checklist.doneLate', { time: formatClock(item.completedAt), minutes: item.minutesLate })
          : t('checklist.doneAt', { time: formatClock(item.completedAt) })
        : null;
    return h(
      'li',
      { class: `checklist-item status-${item.status}`, 'data-testid': 'checklist-item', 'data-action-id': item.action.id, 'data-status': item.status },
      h('span', { class: 'checklist-status' }, t(`checklist.status.${item.status}`)),
      h(
        'div',
        { class: 'checklist-body' },
        h('span', { class: 'checklist-title' }, bilingual(item.action.title)),
        h(
          'span',
          { class: 'checklist-meta' },
          `${responsibleText(item.action.responsible)} · ${t('checklist.dueAt', { time: formatClock(item.dueAt) })}`,
          done ? null : h('span', { class: 'checklist-countdown', 'data-countdown': '' }),
        ),
        doneText
          ? h('span', { class: 'checklist-done' }, [doneText, completion?.by, completion?.note].filter(Boolean).join(' · '))
          : null,
      ),
      tick,
    );
  }

  private complete(incidentId: string, item: ChecklistItem) {
    const title = bilingual(item.action.title);
    openDialog({
      title: t('plan.completeTitle', { action: title }),
      fields: [
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'checklist-note' }, t('plan.completeNote')),
          h('input', { id: 'checklist-note', name: 'note', type: 'text', maxlength: 2000, autocomplete: 'off', 'data-testid': 'checklist-note' }),
        ),
      ],
      submitLabel: t('checklist.complete'),
      testId: 'checklist-dialog',
      onSubmit: async (form) => {
        const note = formText(form, 'note').trim();
        const outcome = await sendCommand(this.client, 'plan:complete-action', { incidentId, actionId: item.action.id, ...(note && { note }) });
        if (!outcome.ok) return outcome.message;
        this.onOutcome(outcome, t('plan.completed', { action: title }));
        return null;
      },
    });
  }
}

/** What is left, or how late: the part of a row that moves every second. */
function countdown(item: ChecklistItem, nowMs: number): string {
  if (item.status === 'pending') return ` · ${t('checklist.dueIn', { duration: formatDuration(Date.parse(item.dueAt) - nowMs) })}`;
  if (item.status === 'overdue') return ` · ${t('checklist.overdueBy', { minutes: item.minutesLate })}`;
  return '';
}
