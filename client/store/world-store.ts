import { evolve, worldFromSnapshot, emptyWorld, type Snapshot, type StoredEvent, type User, type WorldState } from '../../shared/index.js';

export type StoreListener = (change: { events: StoredEvent[]; reset: boolean }) => void;

/**
 * The browser's copy of the world, folded with the same `evolve` the server uses. Screens subscribe
 * to it; they never talk to the socket directly. Notifications are batched per animation frame so a
 * burst of position updates repaints once.
 */
export class WorldStore {
  state: WorldState = emptyWorld('live');
  user: User | null = null;
  /** Server time minus local time, from the last snapshot: timers use server time. */
  clockOffsetMs = 0;
  private listeners = new Set<StoreListener>();
  private pending: StoredEvent[] = [];
  private pendingReset = false;
  private scheduled = false;

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Replaces everything with a snapshot. */
  reset(snapshot: Snapshot) {
    this.state = worldFromSnapshot(snapshot);
    this.user = snapshot.user;
    this.clockOffsetMs = Date.parse(snapshot.serverTime) - Date.now();
    this.pendingReset = true;
    this.schedule();
  }

  /** Folds one event in; returns false when it was already applied. */
  apply(event: StoredEvent): boolean {
    if (event.seq <= this.state.seq) return false;
    evolve(this.state, event);
    this.pending.push(event);
    this.schedule();
    return true;
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    const flush = () => {
      this.scheduled = false;
      const change = { events: this.pending, reset: this.pendingReset };
      this.pending = [];
      this.pendingReset = false;
      for (const listener of this.listeners) listener(change);
    };
    if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') requestAnimationFrame(flush);
    else setTimeout(flush, 16);
  }
}
