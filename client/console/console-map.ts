import L from 'leaflet';
import type { GeoPoint } from '../../shared/index.js';
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
  const { map } = createBasemap(element);
  const incidents = new IncidentLayer(store, ensurePane(map, 'ld-incidents', 450), hooks.onSelectIncident);
  const units = new UnitLayer(store, ensurePane(map, 'ld-units', 440), hooks.onSelectUnit);
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
    (position) => hooks.onEmptyClick({ lat: round(position.lat), lon: round(position.lng) }),
  );
  const placement = createPlacementMarker(map, hooks.onPlacementMoved);

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
