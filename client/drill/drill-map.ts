import L from 'leaflet';
import type { GeoPoint, ScenarioArea } from '../../shared/index.js';
import { AssignmentLines } from '../map/assignment-lines.js';
import { createBasemap } from '../map/basemap.js';
import { ensurePane } from '../map/canvas-point-layer.js';
import { IncidentLayer } from '../map/incident-layer.js';
import { LayerToggles } from '../map/layer-toggles.js';
import { MapLegend } from '../map/legend.js';
import { attachMapPointer } from '../map/map-pointer.js';
import { PlanCircles } from '../map/plan-circles.js';
import { createPlacementMarker, round } from '../map/placement-marker.js';
import { UnitLayer } from '../map/unit-layer.js';
import type { WorldStore } from '../store/world-store.js';

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
  const { map } = createBasemap(element);
  const incidents = new IncidentLayer(store, ensurePane(map, 'ld-incidents', 450), (incidentId) => hooks.onSelectIncident?.(incidentId));
  const units = new UnitLayer(store, ensurePane(map, 'ld-units', 440), () => undefined);
  const lines = new AssignmentLines(store);
  const planAreas = new PlanCircles(store);
  const show = (layer: L.Layer) => (visible: boolean) => {
    if (visible) map.addLayer(layer);
    else map.removeLayer(layer);
  };
  const toggles = new LayerToggles([
    { name: 'incidents', labelKey: 'layers.incidents', setVisible: show(incidents) },
    { name: 'units', labelKey: 'layers.units', setVisible: show(units) },
    { name: 'assignments', labelKey: 'layers.assignments', setVisible: show(lines) },
    { name: 'planAreas', labelKey: 'layers.planAreas', setVisible: show(planAreas) },
    { name: 'clusters', labelKey: 'layers.clusters', setVisible: (on) => units.setClustering(on) },
  ]);
  toggles.addTo(map);
  const legend = new MapLegend();
  legend.addTo(map);
  attachMapPointer(
    map,
    () => [incidents, units].filter((layer) => map.hasLayer(layer)),
    (position) => hooks.onEmptyClick?.({ lat: round(position.lat), lon: round(position.lng) }),
  );
  const placement = createPlacementMarker(map, (position) => hooks.onEmptyClick?.(position));
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
