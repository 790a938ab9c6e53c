import L from 'leaflet';
import type { StoredEvent } from '../../shared/index.js';
import type { WorldStore } from '../store/world-store.js';

/**
 * A layer of vector shapes (lines, circles) on one canvas that follows the store while it is on the
 * map: drawn whole when added or when the store resets, then updated from the events of each change,
 * and forgotten when removed. Subclasses say how to draw everything, how to apply events, and what
 * bookkeeping to clear.
 */
export abstract class StoreVectorLayer extends L.Layer {
  protected readonly group = L.layerGroup();
  protected readonly renderer = L.canvas({ padding: 0.2 });
  private unsubscribe: (() => void) | null = null;

  constructor(protected readonly store: WorldStore) {
    super();
  }

  /** True while the layer is on a map and following the store. */
  protected get following(): boolean {
    return this.unsubscribe !== null;
  }

  override onAdd(map: L.Map): this {
    this.group.addTo(map);
    this.rebuild();
    this.unsubscribe = this.store.subscribe((change) => (change.reset ? this.rebuild() : this.applyEvents(change.events)));
    return this;
  }

  override onRemove(map: L.Map): this {
    this.unsubscribe?.();
    this.unsubscribe = null;
    map.removeLayer(this.group);
    this.group.clearLayers();
    this.forget();
    return this;
  }

  private rebuild() {
    this.group.clearLayers();
    this.forget();
    this.drawAll();
  }

  /** Clears the subclass's own record of what it drew. */
  protected abstract forget(): void;
  /** Draws everything the store holds. */
  protected abstract drawAll(): void;
  /** Updates what the events of one store change touch. */
  protected abstract applyEvents(events: StoredEvent[]): void;
}
