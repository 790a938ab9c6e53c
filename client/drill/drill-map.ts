import L from 'leaflet';
import type { GeoPoint, ScenarioArea } from '../../shared/index.js';
import type { WorldStore } from '../store/world-store.js';
import { createWorldMap } from '../map/world-map.js';

export interface DrillMapHooks {
  onSelectIncident?: (incidentId: string) => void;
  /** A click where there is no incident or unit (the inject form takes it as a location). */
  onEmptyClick?: (position: GeoPoint) => void;
}

/** A notice with a place of its own (a closed road): drawn as a no-entry sign. */
export interface MapNotice {
  id: string;
  location: GeoPoint;
  label: string;
}

/**
 * The map of a drill world, for the instructor's run view and the review's replay: the same incident,
 * unit, assignment-line and plan-area layers the dispatcher console draws, following a store, framed on the
 * scenario's area (outlined), with road-closed notices and a placement marker for the inject form.
 */
export function createDrillMap(element: HTMLElement, store: WorldStore, area: ScenarioArea | null, hooks: DrillMapHooks = {}) {
  const { map, incidents, lines, planAreas, placement, toggles, legend } = createWorldMap(element, store, hooks);
  const notices = L.layerGroup().addTo(map);
  // The container changes size without a window resize (a panel, print preview): keep Leaflet in step.
  new ResizeObserver(() => map.invalidateSize()).observe(element);
  const areaOutline = area ? outline(area) : null;
  if (areaOutline) {
    areaOutline.addTo(map);
    map.fitBounds(areaBounds(area!), { padding: [12, 12] });
  }

  return {
    map,
    showPlacement(position: GeoPoint | null) {
      if (position) placement.show(position);
      else placement.hide();
    },
    setNotices(list: MapNotice[]) {
      notices.clearLayers();
      for (const notice of list) {
        const icon = L.divIcon({ className: 'drill-notice', html: '<span></span>', iconSize: [22, 22], iconAnchor: [11, 11] });
        L.marker([notice.location.lat, notice.location.lon], { icon, keyboard: false, title: notice.label }).addTo(notices);
      }
    },
    /** Centres on a position, closer in if the map is far out. */
    reveal(position: GeoPoint) {
      map.flyTo([position.lat, position.lon], Math.max(map.getZoom(), 14), { duration: 0.6 });
    },
    highlightIncident(incidentId: string | null) {
      incidents.highlight(incidentId);
      lines.highlightIncident(incidentId);
      planAreas.highlightIncident(incidentId);
    },
    relabel() {
      toggles.render();
      legend.render();
    },
  };
}
export type DrillMap = ReturnType<typeof createDrillMap>;

function outline(area: ScenarioArea): L.Path {
  const style: L.PathOptions = { color: '#5c3b00', weight: 2, dashArray: '8 6', fill: false, interactive: false };
  if (area.kind === 'circle') return L.circle([area.centre.lat, area.centre.lon], { ...style, radius: area.radiusKm * 1000 });
  return L.rectangle(areaBounds(area), style);
}

/** The scenario's area as map bounds (a circle's bounding box). */
export function areaBounds(area: ScenarioArea): L.LatLngBounds {
  if (area.kind === 'bbox') return L.latLngBounds([area.south, area.west], [area.north, area.east]);
  return L.latLng(area.centre.lat, area.centre.lon).toBounds(area.radiusKm * 2000);
}
