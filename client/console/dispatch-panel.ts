import { UNIT_TYPES, isIncidentOpen, type UnitType } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { t } from '../i18n/index.js';
import type { LiveClient } from '../net/live-client.js';
import type { WorldStore } from '../store/world-store.js';
import { sendCommand, type CommandOutcome } from './command-feedback.js';
import { rankDispatchCandidates, type DispatchCandidate } from './dispatch-ranking.js';
import { formatKm } from './format.js';

const SHORT_LIST = 8;
const LONG_LIST = 40;
/** Moving units reorder the list at most this often, so a button does not jump under the pointer. */
const MOVE_REFRESH_MS = 3000;

/**
 * Units that can take the incident now (isUnitAssignable), nearest first by straight-line distance.
 * One click dispatches. The list is redrawn only when its order or contents actually change.
 */
export class DispatchPanel {
  readonly element = h('section', { class: 'dispatch-panel', 'data-testid': 'dispatch-panel' });
  private incidentId: string | null = null;
  private type: UnitType | '' = '';
  private expanded = false;
  /** What the list shows now (null: nothing yet), so an unchanged list is not rebuilt under the pointer. */
  private shownSignature: string | null = null;
  private lastMoveRefresh = 0;
  private readonly list = h('ul', { class: 'candidate-list' });

  constructor(
    private readonly store: WorldStore,
    private readonly client: LiveClient,
    private readonly onOutcome: (outcome: CommandOutcome, callSign: string) => void,
  ) {
    store.subscribe((change) => {
      if (!this.incidentId) return;
      if (change.reset || change.events.some((event) => event.type === 'unit:status-changed' || event.type === 'unit:registered' || event.type.startsWith('incident:')))
        this.refresh();
      else if (change.events.some((event) => event.type === 'unit:moved') && Date.now() - this.lastMoveRefresh > MOVE_REFRESH_MS) this.refresh();
    });
  }

  show(incidentId: string | null) {
    if (incidentId !== this.incidentId) this.expanded = false;
    this.incidentId = incidentId;
    this.render();
  }

  render() {
    const id = 'dispatch-filter-type';
    const select = h(
      'select',
      { id, 'data-testid': id },
      h('option', { value: '' }, t('queue.all')),
      ...UNIT_TYPES.map((type) => h('option', { value: type, selected: this.type === type }, t(`unitType.${type}`))),
    );
    select.addEventListener('change', () => {
      this.type = select.value as UnitType | '';
      this.refresh();
    });
    this.element.replaceChildren(
      h('h3', {}, t('dispatch.title')),
      h('label', { for: id, class: 'compact-field wide' }, h('span', {}, t('dispatch.filterType')), select),
      this.list,
    );
    this.shownSignature = null;
    this.refresh();
  }

  private refresh() {
    this.lastMoveRefresh = Date.now();
    const incident = this.incidentId ? this.store.state.incidents.get(this.incidentId) : undefined;
    if (!incident || !isIncidentOpen(incident.status)) {
      this.shownSignature = 'closed';
      this.list.replaceChildren(h('li', { class: 'empty' }, t('dispatch.incidentClosed')));
      return;
    }
    const limit = this.expanded ? LONG_LIST : SHORT_LIST;
    const candidates = rankDispatchCandidates(this.store.state.units.values(), incident.location, { type: this.type || null, limit: limit + 1 });
    const signature = candidates.map((candidate) => `${candidate.unit.id}:${formatKm(candidate.distanceKm)}`).join('|');
    if (signature === this.shownSignature) return;
    this.shownSignature = signature;
    const items = candidates.slice(0, limit).map((candidate) => this.renderCandidate(candidate));
    if (items.length === 0) items.push(h('li', { class: 'empty' }, t('dispatch.none')));
    if (candidates.length > limit || this.expanded) {
      const more = h('button', { type: 'button', class: 'link' }, t(this.expanded ? 'dispatch.fewer' : 'dispatch.more'));
      more.addEventListener('click', () => {
        this.expanded = !this.expanded;
        this.shownSignature = null;
        this.refresh();
      });
      items.push(h('li', { class: 'more' }, more));
    }
    this.list.replaceChildren(...items);
  }

  private renderCandidate(candidate: DispatchCandidate): HTMLElement {
    const { unit } = candidate;
    const button = h(
      'button',
      { type: 'button', class: 'candidate', 'data-testid': 'dispatch-unit', 'data-unit-id': unit.id },
      h('strong', {}, unit.callSign),
      h('span', { class: 'candidate-type' }, t(`unitType.${unit.type}`)),
      unit.status !== 'available' ? h('span', { class: 'status-text' }, t(`unitStatus.${unit.status}`)) : null,
      h('span', { class: 'candidate-distance' }, t('dispatch.distance', { km: formatKm(candidate.distanceKm), minutes: Math.max(1, Math.round(candidate.etaMinutes)) })),
      h('span', { class: 'candidate-action' }, t('dispatch.send')),
    );
    button.title = `${unit.name} · ${unit.stationName}`;
    button.addEventListener('click', () => void this.dispatch(unit.id, unit.callSign, button));
    return h('li', {}, button);
  }

  private async dispatch(unitId: string, callSign: string, button: HTMLButtonElement) {
    if (!this.incidentId) return;
    button.disabled = true;
    const outcome = await sendCommand(this.client, 'incident:dispatch', { incidentId: this.incidentId, unitIds: [unitId] });
    button.disabled = false;
    this.onOutcome(outcome, callSign);
  }
}
