import {
  CATEGORIES,
  LEVELS,
  OPEN_INCIDENT_STATUSES,
  isAssignmentOpen,
  isIncidentOpen,
  type Assignment,
  type Category,
  type Incident,
  type IncidentStatus,
  type Level,
} from '../../shared/index.js';
import { h } from '../common/dom.js';
import { t } from '../i18n/index.js';
import type { WorldStore } from '../store/world-store.js';
import { formatDuration } from './format.js';
import { compareQueueOrder } from './queue-order.js';
import { firstOnSceneAt, incidentTimers, type ResponseTimer } from './response-timers.js';
import type { ConsoleSelection } from './selection.js';
import { onTick } from './ticker.js';
import { VirtualList } from './virtual-list.js';
import { filterSelect } from './filter-select.js';

interface QueueFilters {
  category: Category | '';
  level: Level | '';
  status: IncidentStatus | '';
}

interface QueueEntry {
  incident: Incident;
  openAssignments: number;
  onSceneAt: string | null;
}

const ROW_HEIGHT = 62;

/**
 * The open-incident queue: sorted by level then age, filterable, with the two response timers on
 * each row. Rebuilt only when incidents or assignments change; the timers tick in place.
 */
export class IncidentQueue {
  readonly element: HTMLElement;
  private filters: QueueFilters = { category: '', level: '', status: '' };
  private entries: QueueEntry[] = [];
  private readonly list: VirtualList<QueueEntry>;
  private readonly header = h('div', { class: 'queue-header' });

  constructor(
    private readonly store: WorldStore,
    private readonly selection: ConsoleSelection,
  ) {
    this.list = new VirtualList<QueueEntry>({
      rowHeight: ROW_HEIGHT,
      key: (entry) => entry.incident.id,
      signature: (entry) =>
        `${entry.incident.version}|${entry.incident.firstDispatchAt}|${entry.openAssignments}|${entry.onSceneAt}|${entry.incident.id === this.selection.incidentId}`,
      renderRow: (entry) => this.renderRow(entry),
      label: t('queue.title'),
    });
    this.element = h('section', { class: 'incident-queue', 'data-testid': 'incident-queue' }, this.header, this.list.element);
    store.subscribe((change) => {
      const relevant = change.reset || change.events.some((event) => event.type.startsWith('incident:') || event.type.startsWith('assignment:'));
      if (relevant) this.refresh();
    });
    selection.onIncident((incidentId, changed) => {
      if (changed) this.list.setItems(this.entries);
      if (incidentId) this.list.reveal(incidentId);
    });
    onTick(() => this.tick());
    this.render();
  }

  /** Full redraw: filters and rows (after a language switch). */
  render() {
    this.header.replaceChildren(
      h('h2', { 'data-testid': 'queue-heading' }, t('queue.title')),
      h(
        'div',
        { class: 'queue-filters' },
        this.filterSelect('category', t('queue.filterCategory'), CATEGORIES.map((value) => [value, t(`category.${value}`)])),
        this.filterSelect('level', t('queue.filterLevel'), LEVELS.map((value) => [value, t(`level.${value}`)])),
        this.filterSelect('status', t('queue.filterStatus'), OPEN_INCIDENT_STATUSES.map((value) => [value, t(`incidentStatus.${value}`)])),
      ),
      h('p', { class: 'queue-count', 'aria-live': 'polite', 'data-testid': 'queue-count' }),
    );
    this.refresh();
    this.list.rerender();
  }

  private filterSelect(name: keyof QueueFilters, label: string, choices: [string, string][]): HTMLElement {
    return filterSelect({
      id: `queue-filter-${name}`,
      name,
      label,
      choices,
      value: this.filters[name],
      onChange: (value) => {
        // The drop-down offers only this filter's own values (or '' for all).
        (this.filters as unknown as Record<string, string>)[name] = value;
        this.refresh();
      },
    });
  }

  private refresh() {
    const assignmentsByIncident = new Map<string, Assignment[]>();
    for (const assignment of this.store.state.assignments.values()) {
      const list = assignmentsByIncident.get(assignment.incidentId);
      if (list) list.push(assignment);
      else assignmentsByIncident.set(assignment.incidentId, [assignment]);
    }
    const { category, level, status } = this.filters;
    const entries: QueueEntry[] = [];
    let total = 0;
    for (const incident of this.store.state.incidents.values()) {
      if (!isIncidentOpen(incident.status)) continue;
      total += 1;
      if ((category && incident.category !== category) || (level && incident.level !== level) || (status && incident.status !== status)) continue;
      const assignments = assignmentsByIncident.get(incident.id) ?? [];
      entries.push({
        incident,
        openAssignments: assignments.filter((assignment) => isAssignmentOpen(assignment.status)).length,
        onSceneAt: firstOnSceneAt(assignments),
      });
    }
    entries.sort((a, b) => compareQueueOrder(a.incident, b.incident));
    this.entries = entries;
    const count = this.header.querySelector('.queue-count');
    if (count) count.textContent = total === 0 ? t('queue.empty') : t('queue.count', { shown: entries.length, total });
    this.list.setItems(entries);
    this.tick();
  }

  private renderRow(entry: QueueEntry): HTMLElement {
    const incident = entry.incident;
    const selected = incident.id === this.selection.incidentId;
    const row = h(
      'button',
      {
        type: 'button',
        class: `incident-row level-${incident.level}${selected ? ' selected' : ''}`,
        'data-testid': 'incident-row',
        'data-incident-id': incident.id,
        'data-level': incident.level,
        'aria-current': selected ? 'true' : undefined,
        style: `height:${ROW_HEIGHT}px`,
      },
      h('span', { class: `level-badge level-${incident.level}` }, incident.level),
      h(
        'span',
        { class: 'row-main' },
        h(
          'span',
          { class: 'row-line' },
          h('strong', {}, incident.code),
          h('span', {}, t(`subtype.${incident.subtype}`)),
          h('span', { class: `status-tag status-${incident.status}` }, t(`incidentStatus.${incident.status}`)),
        ),
        h(
          'span',
          { class: 'row-line secondary' },
          h('span', { class: 'timer', 'data-timer': 'callProcessing' }),
          h('span', { class: 'timer', 'data-timer': 'dispatchToScene' }),
          h('span', { class: 'assigned-count' }, t('queue.assigned', { count: entry.openAssignments })),
        ),
      ),
    );
    row.title = incident.address || incident.description;
    row.addEventListener('click', () => this.selection.selectIncident(incident.id));
    this.updateTimers(entry, row);
    return row;
  }

  /** Ticks the timers of the rows in view; the others are brought up to date when they scroll in. */
  private tick() {
    for (const [entry, row] of this.list.visibleRows()) this.updateTimers(entry, row);
  }

  private updateTimers(entry: QueueEntry, row: HTMLElement) {
    const timers = incidentTimers(entry.incident, entry.onSceneAt, this.store.now());
    showTimer(row.querySelector('[data-timer=callProcessing]'), timers.sinceReport, t('queue.sinceReport'));
    showTimer(row.querySelector('[data-timer=dispatchToScene]'), timers.sinceDispatch, t('queue.sinceDispatch'));
  }
}

/** Writes a timer into its slot; the level is also given as text, not only as colour. */
export function showTimer(slot: Element | null, timer: ResponseTimer | null, label: string) {
  if (!(slot instanceof HTMLElement)) return;
  if (!timer) {
    slot.textContent = '';
    slot.hidden = true;
    return;
  }
  slot.hidden = false;
  const text = `${label} ${formatDuration(timer.elapsedMs)}${timer.running ? '' : ' ✓'}`;
  if (slot.textContent !== text) slot.textContent = text;
  slot.dataset.level = timer.level;
  slot.dataset.running = String(timer.running);
  slot.title = t(`timer.${timer.kind}.${timer.level}`);
}
