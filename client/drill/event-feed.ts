import type { StoredEvent } from '../../shared/index.js';
import { belongsInTimeline } from '../../shared/drills/review-timeline.js';
import { h, replaceChildren } from '../common/dom.js';
import { t } from '../i18n/index.js';
import type { WorldStore } from '../store/world-store.js';
import { describeEvent, eventTone } from './event-text.js';
import { formatDrillClock, formatOffset, offsetSeconds } from './format.js';

/** The feed shows the latest lines; the review has the whole log. */
const SHOWN = 300;

/**
 * What is happening in the drill world, newest first: the log so far (read once from the replay API),
 * then every event the drill's socket delivers. Position reports and clock checkpoints are left out,
 * as in the review's timeline; injects stand out.
 */
export class EventFeed {
  readonly element = h('ol', { class: 'event-feed', 'data-testid': 'event-feed', 'aria-live': 'polite' });
  /** Events by sequence number: the history and the live stream may overlap. */
  private readonly events = new Map<number, StoredEvent>();

  constructor(
    private readonly store: WorldStore,
    private readonly startsAt: string,
  ) {
    store.subscribe((change) => {
      if (this.add(change.events)) this.render();
    });
  }

  /** Adds events (history or live); true when any of them shows. */
  add(events: readonly StoredEvent[]): boolean {
    let added = false;
    for (const event of events) {
      if (event.type === 'unit:moved' || event.type === 'unit:registered' || this.events.has(event.seq)) continue;
      this.events.set(event.seq, event);
      added = true;
    }
    return added;
  }

  render() {
    const ordered = [...this.events.values()].sort((a, b) => a.seq - b.seq);
    let clock: { status: string; speed: number } | null = null;
    const shown: StoredEvent[] = [];
    for (const event of ordered) {
      if (!belongsInTimeline(event, clock)) continue;
      if (event.type === 'drill:clock-changed') clock = { status: event.data.status, speed: event.data.speed };
      shown.push(event);
    }
    const latest = shown.slice(-SHOWN).reverse();
    replaceChildren(this.element, ...latest.map((event) => this.line(event)));
    if (latest.length === 0) this.element.append(h('li', { class: 'empty' }, t('feed.empty')));
  }

  private line(event: StoredEvent) {
    return h(
      'li',
      { class: `feed-entry tone-${eventTone(event)}`, 'data-testid': 'feed-entry', 'data-type': event.type },
      h(
        'span',
        { class: 'feed-time' },
        h('span', { class: 'feed-offset' }, formatOffset(offsetSeconds(this.startsAt, event.at))),
        h('span', { class: 'feed-clock' }, formatDrillClock(event.at)),
      ),
      h('span', { class: 'feed-text' }, describeEvent(event, this.store.state)),
    );
  }
}
