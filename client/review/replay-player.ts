import type L from 'leaflet';
import {
  emptyWorld,
  evolve,
  isAssignmentOpen,
  isIncidentOpen,
  type ScenarioArea,
  type StoredEvent,
  type User,
  type WorldId,
  type WorldState,
} from '../../shared/index.js';
import { h } from '../common/dom.js';
import { createDrillMap, type DrillMap, type MapNotice } from '../drill/drill-map.js';
import { formatDrillClock, formatOffset } from '../drill/format.js';
import { t } from '../i18n/index.js';
import { WorldStore } from '../store/world-store.js';

/** Replay speeds: simulated seconds per real second. */
export const REPLAY_SPEEDS = [10, 60, 300, 900] as const;
/** How often the replay clock moves on, in real ms. */
const FRAME_MS = 100;

export interface ReplayOptions {
  world: WorldId;
  startsAt: string;
  /** Where the replay stops: the drill's end (or the review time). */
  endsAt: string;
  events: StoredEvent[];
  area: ScenarioArea | null;
  user: User;
}

/**
 * The drill replayed on the map: its log folded with the shared `evolve` into a fresh world, step by
 * step, as a timer moves a replay clock at the chosen speed. The map layers follow a store of their
 * own, exactly as they follow the live one. Scrubbing back rebuilds the world from the start.
 */
export class ReplayPlayer {
  readonly element: HTMLElement;
  readonly store = new WorldStore();
  private readonly startMs: number;
  private readonly endMs: number;
  /** Simulated time the replay shows. */
  private positionMs: number;
  /** Index of the next event to fold in. */
  private next = 0;
  /** How many leading events only set the drill up (its creation, its units, its clock): the replay starts after them. */
  private readonly setup: number;
  private speed: number = 60;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly playButton = h('button', { type: 'button', class: 'primary', 'data-testid': 'replay-play' });
  private readonly slider: HTMLInputElement;
  private readonly clock = h('span', { class: 'replay-clock', 'data-testid': 'replay-clock' });
  private readonly counts = h('span', { class: 'replay-counts', 'data-testid': 'replay-counts' });
  private readonly speedSelect: HTMLSelectElement;
  private map: DrillMap | null = null;
  /** The event index the map's notices were last drawn for. */
  private noticesUpTo = -1;
  private readonly mapElement = h('div', { class: 'replay-map', role: 'application', 'data-testid': 'replay-map' });

  constructor(private readonly options: ReplayOptions) {
    this.startMs = Date.parse(options.startsAt);
    const lastEvent = options.events.at(-1);
    this.endMs = Math.max(Date.parse(options.endsAt), lastEvent ? Date.parse(lastEvent.at) : this.startMs, this.startMs + 1000);
    this.positionMs = this.startMs;
    const setupTypes = new Set(['drill:created', 'unit:registered', 'drill:clock-changed']);
    const firstHappening = options.events.findIndex((event) => !setupTypes.has(event.type));
    this.setup = firstHappening === -1 ? options.events.length : firstHappening;
    this.store.state = emptyWorld(options.world);
    this.slider = h('input', {
      type: 'range',
      min: 0,
      max: Math.round((this.endMs - this.startMs) / 1000),
      step: 1,
      value: 0,
      id: 'replay-slider',
      'data-testid': 'replay-slider',
    });
    this.slider.addEventListener('input', () => this.seek(this.startMs + Number(this.slider.value) * 1000));
    this.speedSelect = h('select', { id: 'replay-speed', 'data-testid': 'replay-speed' }, ...REPLAY_SPEEDS.map((speed) => h('option', { value: speed }, `${speed}×`)));
    this.speedSelect.value = String(this.speed);
    this.speedSelect.addEventListener('change', () => (this.speed = Number(this.speedSelect.value)));
    this.playButton.addEventListener('click', () => (this.timer ? this.pause() : this.play()));
    this.element = h(
      'section',
      { class: 'replay', 'aria-labelledby': 'replay-title', 'data-testid': 'replay' },
      h('h2', { id: 'replay-title' }, t('replay.title')),
      h('p', { class: 'hint' }, t('replay.hint')),
      h(
        'div',
        { class: 'replay-controls' },
        this.playButton,
        h('label', { for: 'replay-speed' }, t('replay.speed')),
        this.speedSelect,
        h('label', { for: 'replay-slider', class: 'visually-hidden' }, t('replay.position')),
        this.slider,
        this.clock,
      ),
      this.counts,
      h('div', { class: 'replay-map-wrap' }, this.mapElement),
    );
    this.mapElement.setAttribute('aria-label', t('replay.mapLabel'));
    this.render();
  }

  /** The replay's Leaflet map, once attached (tests read it). */
  get leafletMap(): L.Map | null {
    return this.map?.map ?? null;
  }

  /** Draws the map once the section is in the page (Leaflet measures its container). */
  attach() {
    this.map = createDrillMap(this.mapElement, this.store, this.options.area);
    this.rebuild(this.startMs);
  }

  play() {
    if (this.positionMs >= this.endMs) this.seek(this.startMs);
    let last = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      const target = Math.min(this.endMs, this.positionMs + (now - last) * this.speed);
      last = now;
      this.seek(target);
      if (target >= this.endMs) this.pause();
    }, FRAME_MS);
    this.render();
  }

  pause() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.render();
  }

  relabel() {
    this.map?.relabel();
    this.render();
  }

  /**
   * Moves the replay to a simulated time: forward by folding the events up to it, back by starting
   * over. At the very start only the set-up is shown (units at their stations), so the first call of
   * the exercise appears once the replay plays, even though it came at minute 0.
   */
  seek(targetMs: number) {
    if (targetMs < this.positionMs || targetMs <= this.startMs) return this.rebuild(targetMs);
    const events = this.options.events;
    while (this.next < events.length && Date.parse(events[this.next]!.at) <= targetMs) this.store.apply(events[this.next++]!);
    this.positionMs = targetMs;
    this.render();
  }

  /** Road-closed notices fired by this point of the replay, as the run view shows them. */
  private showNotices() {
    if (!this.map || this.noticesUpTo === this.next) return;
    this.noticesUpTo = this.next;
    const notices: MapNotice[] = [];
    for (const event of this.options.events.slice(0, this.next))
      if (event.type === 'drill:inject-fired' && event.data.kind === 'road-closed' && event.data.location)
        notices.push({ id: event.data.injectId, location: event.data.location, label: event.data.description });
    this.map.setNotices(notices);
  }

  private rebuild(targetMs: number) {
    const events = this.options.events;
    const state = emptyWorld(this.options.world);
    let index = 0;
    while (index < events.length && (index < this.setup || (targetMs > this.startMs && Date.parse(events[index]!.at) <= targetMs))) evolve(state, events[index++]!);
    this.next = index;
    this.store.reset(snapshotOf(state, this.options.user));
    this.positionMs = Math.max(this.startMs, targetMs);
    this.render();
  }

  private render() {
    this.showNotices();
    const offset = Math.round((this.positionMs - this.startMs) / 1000);
    this.playButton.textContent = this.timer ? t('replay.pause') : t('replay.play');
    this.playButton.setAttribute('aria-pressed', String(this.timer !== null));
    if (document.activeElement !== this.slider) this.slider.value = String(offset);
    this.slider.setAttribute('aria-valuetext', formatOffset(offset));
    this.clock.textContent = `${formatOffset(offset)} · ${formatDrillClock(new Date(this.positionMs).toISOString())}`;
    const state = this.store.state;
    const incidents = [...state.incidents.values()].filter((incident) => isIncidentOpen(incident.status)).length;
    const busy = [...state.assignments.values()].filter((assignment) => isAssignmentOpen(assignment.status)).length;
    this.counts.dataset.incidents = String(incidents);
    this.counts.textContent = t('replay.counts', { incidents, assignments: busy, events: this.next, total: this.options.events.length });
  }
}

/** A world state in the shape a store is reset with. */
function snapshotOf(state: WorldState, user: User) {
  return {
    world: state.world,
    seq: state.seq,
    serverTime: new Date().toISOString(),
    user,
    incidents: [...state.incidents.values()],
    units: [...state.units.values()],
    assignments: [...state.assignments.values()],
    activations: [...state.activations.values()],
    alerts: state.alerts,
    drill: state.drill,
  };
}
