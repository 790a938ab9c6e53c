import { distanceKm } from '../../shared/geo/distance.js';
import {
  buildUnitIndex,
  etaMinutes,
  isIncidentOpen,
  isUnitAssignable,
  recommendFromIndex,
  requirementKey,
  unitHasCapability,
  type AssignedCounts,
  type Incident,
  type PlanActivation,
  type Recommendation,
  type RecommendationResult,
  type Requirement,
  type StoredEvent,
  type Unit,
  type UnitIndex,
} from '../../shared/index.js';
import { h, replaceChildren } from '../common/dom.js';
import { requirementLabel, requirementText } from '../common/plan-text.js';
import { currentLocale, t } from '../i18n/index.js';
import type { LiveClient } from '../net/live-client.js';
import type { WorldStore } from '../store/world-store.js';
import { sendCommand, type CommandOutcome } from './command-feedback.js';
import { rankDispatchCandidates } from './dispatch-ranking.js';
import { formatKm } from './format.js';

/** Moving units change distances only: the index is rebuilt for them at most this often. */
const MOVE_REBUILD_MS = 3000;
/** Alternatives offered in a pick's swap list. */
const ALTERNATIVES = 6;

/** One place in the recommendation: the n-th unit proposed for a line, and who fills it now. */
interface Slot {
  key: string;
  requirement: Requirement;
  recommended: Recommendation;
  unit: Unit;
  chosen: boolean;
  swapped: boolean;
}

/**
 * The plan's run card turned into a dispatch: for every line still short, the nearest available units
 * (recommendFromIndex over the store's units), each with its reason and ETA. The dispatcher may untick a
 * pick or swap it for another candidate; one button sends a single incident:dispatch with the choice.
 */
export class RecommendationPanel {
  readonly element = h('div', { class: 'recommendation', 'data-testid': 'recommendation' });
  private incident: Incident | null = null;
  private activation: PlanActivation | null = null;
  private assigned: AssignedCounts = {};
  private canDispatch = false;
  private index: UnitIndex | null = null;
  private indexBuiltAt = 0;
  /** Slot key → unit the dispatcher swapped in. */
  private overrides = new Map<string, string>();
  private unticked = new Set<string>();
  private drawnSignature = '';
  private busy = false;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly store: WorldStore,
    private readonly client: LiveClient,
    private readonly onOutcome: (outcome: CommandOutcome, success?: string) => void,
  ) {
    store.subscribe((change) => {
      if (change.reset) this.index = null;
      else this.unitsChanged(change.events);
    });
  }

  /** A new incident or plan: forget the dispatcher's changes to the previous pick. */
  reset() {
    this.overrides.clear();
    this.unticked.clear();
    this.drawnSignature = '';
  }

  render(incident: Incident | null, activation: PlanActivation | null, assigned: AssignedCounts, canDispatch: boolean) {
    this.incident = incident;
    this.activation = activation;
    this.assigned = assigned;
    this.canDispatch = canDispatch;
    this.draw(false);
  }

  private unitsChanged(events: StoredEvent[]) {
    // The index holds unit objects, and evolve replaces a unit on every change: a status change must
    // rebuild it at once (or a dispatched unit would still look free); a move only shifts distances.
    const statusChanged = events.some((event) => event.type === 'unit:status-changed' || event.type === 'unit:registered');
    const moved = events.some((event) => event.type === 'unit:moved');
    if (statusChanged || (moved && Date.now() - this.indexBuiltAt > MOVE_REBUILD_MS)) {
      this.index = null;
      if (this.activation) this.scheduleRefresh();
    }
  }

  private scheduleRefresh() {
    this.refreshTimer ??= setTimeout(() => {
      this.refreshTimer = null;
      this.draw(false);
    }, 100);
  }

  private unitIndex(): UnitIndex {
    if (!this.index) {
      this.index = buildUnitIndex([...this.store.state.units.values()]);
      this.indexBuiltAt = Date.now();
    }
    return this.index;
  }

  private draw(force: boolean) {
    const { incident, activation } = this;
    if (!incident || !activation || !isIncidentOpen(incident.status)) {
      this.drawnSignature = 'none';
      this.element.replaceChildren();
      return;
    }
    const result = recommendFromIndex(this.unitIndex(), incident.location, activation.requirements, this.assigned);
    const slots = this.slots(result);
    const signature = JSON.stringify([
      slots.map((slot) => [slot.key, slot.unit.id, slot.chosen, formatKm(this.distance(slot.unit))]),
      result.shortfalls.map((shortfall) => [requirementKey(shortfall.requirement), shortfall.missing]),
      this.canDispatch,
      this.busy,
      currentLocale(),
    ]);
    if (!force && signature === this.drawnSignature) return;
    this.drawnSignature = signature;
    const lines = activation.requirements.filter((requirement) => (this.assigned[requirementKey(requirement)] ?? 0) < requirement.count);
    if (lines.length === 0) {
      this.element.replaceChildren(h('h4', {}, t('recommend.title')), h('p', { class: 'recommend-met', 'data-testid': 'recommendation-met' }, t('recommend.allMet')));
      return;
    }
    const chosen = slots.filter((slot) => slot.chosen);
    const dispatch = h(
      'button',
      { type: 'button', class: 'primary dispatch-recommendation', 'data-testid': 'dispatch-recommendation', disabled: chosen.length === 0 || this.busy },
      t('recommend.dispatch', { count: chosen.length }),
    );
    dispatch.addEventListener('click', () => void this.dispatch(chosen));
    replaceChildren(
      this.element,
      h('h4', {}, t('recommend.title')),
      h('ul', { class: 'recommend-lines' }, ...lines.map((line) => this.lineBlock(line, slots, result))),
      this.canDispatch ? dispatch : null,
    );
  }

  /** Every pick as a slot, with the dispatcher's untick or swap applied. */
  private slots(result: RecommendationResult): Slot[] {
    const units = this.store.state.units;
    const ranks = new Map<string, number>();
    return result.recommendations.map((recommended) => {
      const lineKey = requirementKey(recommended.requirement);
      const rank = ranks.get(lineKey) ?? 0;
      ranks.set(lineKey, rank + 1);
      const key = `${lineKey}#${rank}`;
      const override = this.overrides.get(key);
      const swappedUnit = override ? units.get(override) : undefined;
      // A swapped-in unit that has since gone elsewhere falls back to the recommendation.
      const swapped = swappedUnit !== undefined && isFree(swappedUnit);
      if (override && !swapped) this.overrides.delete(key);
      const unit = swapped ? swappedUnit : units.get(recommended.unitId)!;
      return { key, requirement: recommended.requirement, recommended, unit, chosen: !this.unticked.has(key), swapped };
    });
  }

  private lineBlock(line: Requirement, slots: Slot[], result: RecommendationResult): HTMLElement {
    const key = requirementKey(line);
    const assigned = this.assigned[key] ?? 0;
    const lineSlots = slots.filter((slot) => requirementKey(slot.requirement) === key);
    const shortfall = result.shortfalls.find((candidate) => requirementKey(candidate.requirement) === key);
    const taken = new Set(slots.map((slot) => slot.unit.id));
    return h(
      'li',
      { class: 'recommend-line', 'data-testid': 'recommendation-line', 'data-key': key },
      h('div', { class: 'recommend-line-label' }, t('recommend.lineNeed', { line: requirementText({ ...line, count: line.count - assigned }) })),
      lineSlots.length > 0 ? h('ul', { class: 'recommend-picks' }, ...lineSlots.map((slot) => this.pickRow(slot, taken))) : null,
      shortfall
        ? h(
            'p',
            { class: 'recommend-shortfall', 'data-testid': 'recommendation-shortfall', 'data-key': key },
            t('recommend.shortfall', { label: requirementLabel(line), missing: shortfall.missing }),
          )
        : null,
    );
  }

  private pickRow(slot: Slot, taken: Set<string>): HTMLElement {
    const id = `recommend-${slot.key.replace(/[^a-z0-9_-]/gi, '-')}`;
    const box = h('input', { type: 'checkbox', id, checked: slot.chosen, disabled: !this.canDispatch, 'data-testid': 'recommendation-choose' });
    box.addEventListener('change', () => {
      if (box.checked) this.unticked.delete(slot.key);
      else this.unticked.add(slot.key);
      this.draw(true);
    });
    const km = this.distance(slot.unit);
    const minutes = Math.max(1, Math.ceil(slot.swapped ? etaMinutes(slot.unit.type, km) : slot.recommended.etaMinutes));
    return h(
      'li',
      { class: `recommend-pick${slot.chosen ? '' : ' unticked'}`, 'data-testid': 'recommendation-pick', 'data-unit-id': slot.unit.id, 'data-slot': slot.key },
      h(
        'label',
        { for: id, class: 'recommend-choice' },
        box,
        h('strong', {}, slot.unit.callSign),
        h('span', { class: 'recommend-eta', 'data-testid': 'recommendation-eta' }, t('recommend.eta', { minutes })),
      ),
      h('span', { class: 'recommend-reason', 'data-testid': 'recommendation-reason', title: slot.recommended.reason }, this.reason(slot, km, minutes)),
      this.canDispatch ? this.swapSelect(slot, taken) : null,
    );
  }

  /** The reason in the dispatcher's language, from the same facts the recommender's own reason states. */
  private reason(slot: Slot, km: number, minutes: number): string {
    if (slot.swapped) return t('recommend.reasonSwapped', { km: formatKm(km), minutes });
    const lineKey = requirementKey(slot.requirement);
    const rank = Number(slot.key.slice(lineKey.length + 1)) + 1;
    const capability = slot.requirement.capability;
    const covering = capability && !slot.unit.capabilities.includes(capability) ? slot.unit.capabilities.find((c) => unitHasCapability([c], capability)) : undefined;
    return t('recommend.reason', {
      rank: rank === 1 ? t('recommend.nearest') : t('recommend.nthNearest', { n: rank }),
      status: t(slot.unit.status === 'returning' ? 'recommend.state.returning' : 'recommend.state.available'),
      capability: capability ? t('recommend.with', { capability: t(`capability.${capability}`) }) : '',
      covers: covering ? t('recommend.covers', { has: t(`capability.${covering}`), needs: t(`capability.${capability}`) }) : '',
      km: formatKm(km),
      minutes,
    });
  }

  /** Another eligible unit for the same line, nearest first, that no other pick already holds. */
  private swapSelect(slot: Slot, taken: Set<string>): HTMLElement {
    const incident = this.incident!;
    const alternatives = rankDispatchCandidates(this.store.state.units.values(), incident.location, { type: slot.requirement.unitType })
      .filter((candidate) => !taken.has(candidate.unit.id) && unitHasCapability(candidate.unit.capabilities, slot.requirement.capability))
      .slice(0, ALTERNATIVES);
    const recommended = this.store.state.units.get(slot.recommended.unitId);
    const options = [h('option', { value: '' }, t('recommend.swap'))];
    if (slot.swapped && recommended) options.push(h('option', { value: recommended.id }, t('recommend.swapBack', { unit: recommended.callSign })));
    for (const candidate of alternatives)
      options.push(
        h(
          'option',
          { value: candidate.unit.id },
          `${candidate.unit.callSign} · ${formatKm(candidate.distanceKm)} km · ${t('recommend.eta', { minutes: Math.max(1, Math.ceil(etaMinutes(candidate.unit.type, candidate.distanceKm))) })}`,
        ),
      );
    const select = h('select', { class: 'recommend-swap', 'data-testid': 'recommendation-swap', 'aria-label': t('recommend.swapLabel', { unit: slot.unit.callSign }) }, ...options);
    select.disabled = options.length === 1;
    select.addEventListener('change', () => {
      if (!select.value) return;
      if (select.value === slot.recommended.unitId) this.overrides.delete(slot.key);
      else this.overrides.set(slot.key, select.value);
      this.unticked.delete(slot.key);
      this.draw(true);
    });
    return select;
  }

  private distance(unit: Unit): number {
    return this.incident ? distanceKm(unit.location, this.incident.location) : 0;
  }

  private async dispatch(chosen: Slot[]) {
    const incident = this.incident;
    if (!incident || chosen.length === 0 || this.busy) return;
    const unitIds = [...new Set(chosen.map((slot) => slot.unit.id))];
    this.busy = true;
    this.draw(true);
    const outcome = await sendCommand(this.client, 'incident:dispatch', { incidentId: incident.id, unitIds });
    this.busy = false;
    if (outcome.ok) this.reset();
    const callSigns = chosen.map((slot) => slot.unit.callSign).join(t('recommend.separator'));
    this.onOutcome(outcome, t('recommend.sent', { count: unitIds.length, units: callSigns }));
    this.draw(true);
  }
}

function isFree(unit: Unit): boolean {
  return isUnitAssignable(unit.status) && unit.assignmentId === null;
}
