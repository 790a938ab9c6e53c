import { serializeWorld, type Snapshot } from '../../shared/index.js';
import type { WorldStore } from '../store/world-store.js';

/**
 * What lets the field app open without coverage: the page itself (a service worker keeps its files)
 * and the team's last-known view of the world (its unit, assignments and their incidents), kept in
 * localStorage so a reload in a basement still shows the job the team is on.
 */
export function registerFieldServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  // Scope '/field' covers /field.html only, so the dispatcher console is never served from this cache.
  void navigator.serviceWorker.register('/field-sw.js', { scope: '/field' }).catch(() => undefined);
}

export function worldCacheKey(userId: string, world: string): string {
  return `liandong.field.world.${userId}.${world}`;
}

interface CachedWorld {
  snapshot: Omit<Snapshot, 'serverTime'>;
  clockOffsetMs: number;
}

/** Fills the store with the last-known view, until the first snapshot from the server replaces it. */
export function restoreCachedWorld(store: WorldStore, key: string): boolean {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return false;
    const cached = JSON.parse(raw) as CachedWorld;
    store.reset({ ...cached.snapshot, serverTime: new Date(Date.now() + cached.clockOffsetMs).toISOString() });
    return true;
  } catch {
    localStorage.removeItem(key);
    return false;
  }
}

/** Saves the view after every change; it is one unit and a few incidents, so this stays small. */
export function keepWorldCached(store: WorldStore, key: string): () => void {
  return store.subscribe(() => {
    if (!store.user) return;
    // Everything the store holds, in the snapshot's own shape, so the cache follows the contract as it grows.
    const cached: CachedWorld = { snapshot: { ...serializeWorld(store.state), user: store.user }, clockOffsetMs: store.clockOffsetMs };
    try {
      localStorage.setItem(key, JSON.stringify(cached));
    } catch {
      // Storage full: the app still works online; only the offline start loses its picture.
    }
  });
}

export function forgetCachedWorld(key: string) {
  localStorage.removeItem(key);
}
