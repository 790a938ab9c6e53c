import {
  ASSIGNMENT_PROGRESS_STATUSES,
  ASSIGNMENT_STATUSES,
  ASSIGNMENT_TRANSITIONS,
  assignmentsOfIncident,
  isAssignmentOpen,
  type Assignment,
  type AssignmentStatus,
} from '../../shared/index.js';
import { h } from '../common/dom.js';
import { t } from '../i18n/index.js';
import type { LiveClient } from '../net/live-client.js';
import type { WorldStore } from '../store/world-store.js';
import { sendCommand, type CommandOutcome } from './command-feedback.js';
import { formText, openDialog, reasonField } from './dialog.js';
import { formatClock } from './format.js';

/**
 * The units on an incident, with each assignment's status and the time it reached every step. A
 * dispatcher can record progress a crew reports by radio, locate the unit, or cancel the assignment.
 */
export class AssignmentList {
  readonly element = h('section', { class: 'assignment-list', 'data-testid': 'assignment-list' });

  constructor(
    private readonly store: WorldStore,
    private readonly client: LiveClient,
    private readonly hooks: { onLocateUnit: (unitId: string) => void; onOutcome: (outcome: CommandOutcome) => void },
  ) {}

  render(incidentId: string) {
    const assignments = assignmentsOfIncident(this.store.state, incidentId).sort((a, b) =>
      Number(isAssignmentOpen(b.status)) - Number(isAssignmentOpen(a.status)) || (a.dispatchedAt < b.dispatchedAt ? -1 : 1),
    );
    const rows = assignments.map((assignment) => this.renderRow(assignment));
    this.element.replaceChildren(
      h('h3', {}, t('detail.assignments', { count: assignments.filter((a) => isAssignmentOpen(a.status)).length })),
      rows.length > 0 ? h('ul', { class: 'assignment-rows' }, ...rows) : h('p', { class: 'empty' }, t('detail.noAssignments')),
    );
  }

  private renderRow(assignment: Assignment): HTMLElement {
    const unit = this.store.state.units.get(assignment.unitId);
    const open = isAssignmentOpen(assignment.status);
    const times = ASSIGNMENT_STATUSES.filter((status) => assignment.times[status] !== undefined).map((status) =>
      h('span', { class: 'assignment-time', 'data-time': status }, `${t(`assignmentStatus.${status}`)} ${formatClock(assignment.times[status]!)}`),
    );
    const locate = h('button', { type: 'button', class: 'small' }, t('detail.locate'));
    locate.addEventListener('click', () => this.hooks.onLocateUnit(assignment.unitId));
    const buttons: HTMLElement[] = [locate];
    const next = nextProgress(assignment.status);
    if (next) {
      const advance = h('button', { type: 'button', class: 'small', 'data-testid': 'assignment-advance' }, t('detail.markAs', { status: t(`assignmentStatus.${next}`) }));
      advance.addEventListener('click', () => void this.advance(assignment, next));
      buttons.push(advance);
    }
    if (open && ASSIGNMENT_TRANSITIONS[assignment.status].includes('cancelled')) {
      const cancel = h('button', { type: 'button', class: 'small danger', 'data-testid': 'assignment-cancel' }, t('detail.cancelAssignment'));
      cancel.addEventListener('click', () => this.cancel(assignment, unit?.callSign ?? assignment.unitId));
      buttons.push(cancel);
    }
    return h(
      'li',
      {
        class: `assignment-row${open ? '' : ' closed'}`,
        'data-testid': 'assignment-row',
        'data-unit-id': assignment.unitId,
        'data-assignment-id': assignment.id,
        'data-status': assignment.status,
      },
      h(
        'div',
        { class: 'row-line' },
        h('strong', {}, unit?.callSign ?? assignment.unitId),
        h('span', {}, unit ? t(`unitType.${unit.type}`) : ''),
        h('span', { class: `status-tag assignment-${assignment.status}` }, t(`assignmentStatus.${assignment.status}`)),
      ),
      h('div', { class: 'row-line secondary times' }, ...times),
      assignment.reason ? h('div', { class: 'row-line secondary' }, assignment.reason) : null,
      h('div', { class: 'row-buttons' }, ...buttons),
    );
  }

  private async advance(assignment: Assignment, status: AssignmentStatus) {
    const outcome =
      status === 'acknowledged'
        ? await sendCommand(this.client, 'assignment:acknowledge', { assignmentId: assignment.id })
        : await sendCommand(this.client, 'assignment:advance', {
            assignmentId: assignment.id,
            status: status as (typeof ASSIGNMENT_PROGRESS_STATUSES)[number],
            expectedVersion: assignment.version,
          });
    this.hooks.onOutcome(outcome);
  }

  private cancel(assignment: Assignment, callSign: string) {
    openDialog({
      title: t('detail.cancelTitle', { unit: callSign }),
      fields: [reasonField('cancel-reason', t('detail.reason'))],
      submitLabel: t('detail.cancelAssignment'),
      testId: 'cancel-dialog',
      onSubmit: async (form) => {
        const reason = formText(form, 'reason');
        const outcome = await sendCommand(this.client, 'assignment:cancel', { assignmentId: assignment.id, reason });
        return outcome.ok ? null : outcome.message;
      },
    });
  }
}

/** The next step a crew would report, if the dispatcher records it for them (by radio). */
function nextProgress(status: AssignmentStatus): AssignmentStatus | null {
  if (status === 'dispatched') return 'acknowledged';
  const progress = ASSIGNMENT_TRANSITIONS[status].find((next) => (ASSIGNMENT_PROGRESS_STATUSES as readonly string[]).includes(next));
  return progress ?? null;
}
