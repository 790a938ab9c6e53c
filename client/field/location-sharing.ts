import type { GeoPoint } from '../../shared/index.js';
import type { Outbox } from '../net/outbox.js';

/** Send intervals a team can pick: frequent while moving, sparing for the battery when parked. */
export const SHARE_INTERVALS_S = [10, 30, 60] as const;
export type ShareIntervalS = (typeof SHARE_INTERVALS_S)[number];

export type SharingProblem = 'unsupported' | 'denied' | 'unavailable' | null;

export interface PositionFix extends GeoPoint {
  accuracyM: number | null;
  at: number;
}

/** A fix this old is still good enough to place a new incident report without asking again. */
const FRESH_FIX_MS = 2 * 60 * 1000;
const LOCATION_COMMAND = 'unit:update-location';

/**
 * Shares the unit's position through the outbox: the Geolocation API's watch feeds fixes, and at most
 * one is sent per interval (the newest, so the last move before a stop is never lost). On and off, and
 * the interval, survive a reload: a team should not have to remember to switch tracking back on.
 */
export class LocationSharing {
  on = false;
  intervalS: ShareIntervalS = 30;
  problem: SharingProblem = null;
  lastFix: PositionFix | null = null;
  lastSentAt: number | null = null;
  private lastSentFixAt = 0;
  private watchId: number | null = null;
  private trailing: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<() => void>();

  constructor(
    private readonly outbox: Outbox,
    private readonly unitId: string,
    private readonly settingsKey: string,
  ) {
    const saved = readSettings(settingsKey);
    if (SHARE_INTERVALS_S.includes(saved.intervalS as ShareIntervalS)) this.intervalS = saved.intervalS as ShareIntervalS;
    if (saved.on) this.start();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start() {
    if (!('geolocation' in navigator)) {
      this.problem = 'unsupported';
      this.changed();
      return;
    }
    this.stopWatching();
    this.on = true;
    this.problem = null;
    this.watchId = navigator.geolocation.watchPosition(
      (position) => this.receive(position),
      (error) => this.fail(error),
      { enableHighAccuracy: true, maximumAge: 5000, timeout: 60_000 },
    );
    this.save();
    this.changed();
  }

  stop() {
    this.stopWatching();
    this.on = false;
    this.save();
    this.changed();
  }

  setInterval(intervalS: ShareIntervalS) {
    this.intervalS = intervalS;
    if (this.trailing) {
      clearTimeout(this.trailing);
      this.trailing = null;
      this.schedule();
    }
    this.save();
    this.changed();
  }

  /** Stops watching without changing the saved choice (logout, page teardown). */
  dispose() {
    this.stopWatching();
    this.listeners.clear();
  }

  /** Where we are for a field report: a recent fix, else one fresh reading, else null. */
  async currentPosition(timeoutMs = 10_000): Promise<PositionFix | null> {
    if (this.lastFix && Date.now() - this.lastFix.at < FRESH_FIX_MS) return this.lastFix;
    if (!('geolocation' in navigator)) return null;
    return new Promise((resolve) => {
      navigator.geolocation.getCurrentPosition(
        (position) => {
          this.lastFix = toFix(position);
          this.changed();
          resolve(this.lastFix);
        },
        () => resolve(null),
        { enableHighAccuracy: true, maximumAge: FRESH_FIX_MS, timeout: timeoutMs },
      );
    });
  }

  private receive(position: GeolocationPosition) {
    this.problem = null;
    this.lastFix = toFix(position);
    this.schedule();
    this.changed();
  }

  /** Sends now if the interval has passed, else once it has: a trailing throttle, so the newest fix goes. */
  private schedule() {
    if (this.trailing) return;
    const waitMs = this.lastSentAt === null ? 0 : this.lastSentAt + this.intervalS * 1000 - Date.now();
    if (waitMs <= 0) void this.sendLatest();
    else
      this.trailing = setTimeout(() => {
        this.trailing = null;
        void this.sendLatest();
      }, waitMs);
  }

  private fail(error: GeolocationPositionError) {
    // A timeout only means no new fix yet; the watch goes on. Denial ends sharing until asked again.
    if (error.code === error.TIMEOUT) return;
    this.problem = error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable';
    if (error.code === error.PERMISSION_DENIED) this.stop();
    else this.changed();
  }

  private async sendLatest() {
    const fix = this.lastFix;
    if (!this.on || !fix || fix.at <= this.lastSentFixAt) return;
    this.lastSentFixAt = fix.at;
    this.lastSentAt = Date.now();
    // Only the newest position matters: an older fix still waiting (offline) or already confirmed is
    // dropped, so hours without coverage do not replay hundreds of stale positions.
    const superseded = this.outbox.list().filter((entry) => entry.name === LOCATION_COMMAND && entry.status !== 'sending').map((entry) => entry.key);
    await this.outbox.forget(superseded);
    const accuracyM = fix.accuracyM !== null && fix.accuracyM <= 100_000 ? Math.round(fix.accuracyM) : undefined;
    await this.outbox.enqueue(LOCATION_COMMAND, {
      unitId: this.unitId,
      location: { lat: fix.lat, lon: fix.lon },
      observedAt: new Date(fix.at).toISOString(),
      ...(accuracyM === undefined ? {} : { accuracyM }),
    });
    this.changed();
  }

  private stopWatching() {
    if (this.watchId !== null) navigator.geolocation.clearWatch(this.watchId);
    this.watchId = null;
    if (this.trailing) clearTimeout(this.trailing);
    this.trailing = null;
  }

  private save() {
    localStorage.setItem(this.settingsKey, JSON.stringify({ on: this.on, intervalS: this.intervalS }));
  }

  private changed() {
    for (const listener of this.listeners) listener();
  }
}

function toFix(position: GeolocationPosition): PositionFix {
  const { latitude, longitude, accuracy } = position.coords;
  return { lat: latitude, lon: longitude, accuracyM: Number.isFinite(accuracy) ? accuracy : null, at: position.timestamp || Date.now() };
}

function readSettings(key: string): { on?: boolean; intervalS?: number } {
  try {
    return (JSON.parse(localStorage.getItem(key) ?? '{}') as { on?: boolean; intervalS?: number }) ?? {};
  } catch {
    return {};
  }
}
