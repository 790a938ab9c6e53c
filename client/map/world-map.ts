import L from 'leaflet';
import type { GeoPoint } from '../../shared/index.js';
import type { WorldStore } from '../store/world-store.js';
import { AssignmentLines } from './assignment-lines.js';
import { createBasemap } from './basemap.js';
import { ensurePane } from './canvas-point-layer.js';
import { IncidentLayer } from './incident-layer.js';
import { LayerToggles } from './layer-toggles.js';
import { MapLegend } from './legend.js';
import { attachMapPointer } from './map-pointer.js';
import { PlanCircles } from './plan-circles.js';
import { createPlacementMarker, round } from './placement-marker.js';
import { UnitLayer } from './unit-layer.js';

export interface WorldMapHooks {
  onSelectIncident?: (incidentId: string) => void;
  onSelectUnit?: (unitId: string) => void;
  /** A click on the map where there is no incident or unit. */
  onEmptyClick?: (position: GeoPoint) => void;
  /** The placement marker was dragged. */
  onPlacementMoved?: (position: GeoPoint) => void;
}

/**
 * The live picture of one world on a map, as every screen draws it: basemap, then plan circles and
 * assignment lines under units under incidents (panes fix the stacking), layer toggles, legend, a
 * pointer that picks incidents before units, and a placement marker. Every layer follows the store.
 */
export function createWorldMap(element: HTMLElement, store: WorldStore, hooks: WorldMapHooks = {}) {
  const { map } = createBasemap(element);
  const incidents = new IncidentLayer(store, ensurePane(map, 'ld-incidents', 450), (incidentId) => hooks.onSelectIncident?.(incidentId));
  const units = new UnitLayer(store, ensurePane(map, 'ld-units', 440), (unitId) => hooks.onSelectUnit?.(unitId));
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
  const placement = createPlacementMarker(map, (position) => (hooks.onPlacementMoved ?? hooks.onEmptyClick)?.(position));
  return { map, incidents, units, lines, planAreas, placement, toggles, legend };
}
