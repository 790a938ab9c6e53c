import { AGENCIES, UNIT_STATUSES, UNIT_TYPES, type Agency, type Unit, type UnitStatus, type UnitType } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { t } from '../i18n/index.js';
import { UNIT_STATUS_COLOURS } from '../map/map-symbols.js';
import type { WorldStore } from '../store/world-store.js';
import type { ConsoleSelection } from './selection.js';
import { VirtualList } from './virtual-list.js';
import { filterSelect } from './filter-select.js';

interface UnitFilters {
  type: UnitType | '';
  agency: Agency | '';
  status: UnitStatus | '';
  search: string;
}

const ROW_HEIGHT = 44;

/**
 * Every unit, filterable by type, agency and status (and call sign); choosing one locates it on the
 * map. Positions do not change the list, so moves alone never rebuild it.
 */
export class UnitsPanel {
  readonly element: HTMLElement;
  private filters: UnitFilters = { type: '', agency: '', status: '', search: '' };
  private readonly header = h('div', { class: 'units-header' });
  private readonly list: VirtualList<Unit>;
  private units: Unit[] = [];
  private stale = true;

  constructor(
    private readonly store: WorldStore,
    private readonly selection: ConsoleSelection,
    private readonly isShown: () => boolean,
  ) {
    this.list = new VirtualList<Unit>({
      rowHeight: ROW_HEIGHT,
      key: (unit) => unit.id,
      signature: (unit) => `${unit.status}|${unit.assignmentId}|${unit.id === this.selection.unitId}`,
      renderRow: (unit) => this.renderRow(unit),
      label: t('units.title'),
    });
    this.element = h('section', { class: 'units-panel', 'data-testid': 'units-panel' }, this.header, this.list.element);
    store.subscribe((change) => {
      const relevant = change.reset || change.events.some((event) => event.type === 'unit:status-changed' || event.type === 'unit:registered');
      if (!relevant) return;
      this.stale = true;
      if (this.isShown()) this.refresh();
    });
    selection.onUnit((unitId, changed) => {
      if (changed) this.list.setItems(this.units);
      if (unitId) this.list.reveal(unitId);
    });
    this.render();
  }

  /** Called when the panel becomes visible: catch up on what changed while hidden. */
  shown() {
    if (this.stale) this.refresh();
    if (this.selection.unitId) this.list.reveal(this.selection.unitId);
  }

  render() {
    const search = h('input', {
      id: 'units-filter-search',
      type: 'search',
      name: 'search',
      value: this.filters.search,
      placeholder: t('units.searchPlaceholder'),
      'data-testid': 'units-filter-search',
    });
    search.addEventListener('input', () => {
      this.filters.search = search.value.trim().toLowerCase();
      this.refresh();
    });
    this.header.replaceChildren(
      h('h2', {}, t('units.title')),
      h(
        'div',
        { class: 'queue-filters' },
        this.filterSelect('type', t('units.filterType'), UNIT_TYPES.map((value) => [value, t(`unitType.${value}`)])),
        this.filterSelect('agency', t('units.filterAgency'), AGENCIES.map((value) => [value, t(`agency.${value}`)])),
        this.filterSelect('status', t('units.filterStatus'), UNIT_STATUSES.map((value) => [value, t(`unitStatus.${value}`)])),
      ),
      h('label', { for: 'units-filter-search', class: 'compact-field wide' }, h('span', {}, t('units.search')), search),
      h('p', { class: 'queue-count', 'aria-live': 'polite', 'data-testid': 'units-count' }),
    );
    this.refresh();
    this.list.rerender();
  }

  private filterSelect(name: 'type' | 'agency' | 'status', label: string, choices: [string, string][]): HTMLElement {
    return filterSelect({
      id: `units-filter-${name}`,
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
    this.stale = false;
    const { type, agency, status, search } = this.filters;
    const units: Unit[] = [];
    for (const unit of this.store.state.units.values()) {
      if ((type && unit.type !== type) || (agency && unit.agency !== agency) || (status && unit.status !== status)) continue;
      if (search && !unit.callSign.toLowerCase().includes(search) && !unit.name.toLowerCase().includes(search)) continue;
      units.push(unit);
    }
    units.sort((a, b) => (a.callSign < b.callSign ? -1 : a.callSign > b.callSign ? 1 : 0));
    this.units = units;
    const count = this.header.querySelector('.queue-count');
    if (count) count.textContent = t('units.count', { shown: units.length, total: this.store.state.units.size });
    this.list.setItems(units);
  }

  private renderRow(unit: Unit): HTMLElement {
    const selected = unit.id === this.selection.unitId;
    const swatch = h('span', { class: 'status-swatch', 'aria-hidden': 'true' });
    swatch.style.background = UNIT_STATUS_COLOURS[unit.status];
    const assignment = unit.assignmentId ? this.store.state.assignments.get(unit.assignmentId) : undefined;
    const incident = assignment ? this.store.state.incidents.get(assignment.incidentId) : undefined;
    const row = h(
      'button',
      {
        type: 'button',
        class: `unit-row${selected ? ' selected' : ''}`,
        'data-testid': 'unit-row',
        'data-unit-id': unit.id,
        'data-status': unit.status,
        'aria-current': selected ? 'true' : undefined,
        style: `height:${ROW_HEIGHT}px`,
      },
      swatch,
      h(
        'span',
        { class: 'row-main' },
        h('span', { class: 'row-line' }, h('strong', {}, unit.callSign), h('span', {}, t(`unitType.${unit.type}`)), h('span', { class: 'status-text' }, t(`unitStatus.${unit.status}`))),
        h('span', { class: 'row-line secondary' }, h('span', {}, unit.stationName), incident ? h('span', {}, `→ ${incident.code}`) : null),
      ),
    );
    row.addEventListener('click', () => this.selection.selectUnit(unit.id));
    return row;
  }
}
