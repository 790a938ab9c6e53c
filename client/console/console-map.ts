import L from 'leaflet';
import type { GeoPoint } from '../../shared/index.js';
import type { WorldStore } from '../store/world-store.js';
import { createWorldMap } from '../map/world-map.js';

export interface ConsoleMapHooks {
  onSelectIncident: (incidentId: string) => void;
  onSelectUnit: (unitId: string) => void;
  /** A click on the map where there is no incident or unit. */
  onEmptyClick: (position: GeoPoint) => void;
  onPlacementMoved: (position: GeoPoint) => void;
}

/**
 * The console's live map: basemap, then plan cordon/evacuation circles and assignment lines under units
 * under incidents (panes fix the stacking), layer toggles, legend, and the intake's placement marker.
 * Every layer follows the store.
 */
export function createConsoleMap(element: HTMLElement, store: WorldStore, hooks: ConsoleMapHooks) {
  const { map, incidents, units, lines, planAreas, placement, toggles, legend } = createWorldMap(element, store, hooks);

  return {
    map,
    showPlacement(position: GeoPoint | null) {
      if (position) placement.show(position);
      else placement.hide();
    },
    highlightIncident(incidentId: string | null) {
      incidents.highlight(incidentId);
      lines.highlightIncident(incidentId);
      planAreas.highlightIncident(incidentId);
    },
    highlightUnit(unitId: string | null) {
      units.highlight(unitId);
    },
    /** Brings a position into view: always close in for a unit being located, only if off-screen otherwise. */
    reveal(position: GeoPoint, closeIn: boolean) {
      const target = L.latLng(position.lat, position.lon);
      if (closeIn) map.flyTo(target, Math.max(map.getZoom(), 15), { duration: 0.8 });
      else if (!map.getBounds().pad(-0.15).contains(target)) map.flyTo(target, Math.max(map.getZoom(), 13), { duration: 0.6 });
    },
    relabel() {
      toggles.render();
      legend.render();
    },
  };
}
