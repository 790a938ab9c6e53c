import L from 'leaflet';
import { LEVEL_INFO, type GeoPoint, type Level } from '../../shared/index.js';
import { createBasemap } from '../map/basemap.js';

/**
 * The small map on the assignment card: where the incident is and where the unit is, framed together.
 * Circle markers rather than image icons, so nothing depends on Leaflet's marker images being bundled.
 */
export class IncidentMap {
  private readonly map: L.Map;
  private readonly incidentMarker: L.CircleMarker;
  private readonly unitMarker: L.CircleMarker;
  private framedFor = '';

  constructor(readonly container: HTMLElement) {
    this.map = createBasemap(container, { tileTimeoutMs: 3000 }).map;
    this.incidentMarker = L.circleMarker([0, 0], { radius: 11, weight: 3, color: '#ffffff', fillColor: '#c62828', fillOpacity: 1 });
    this.unitMarker = L.circleMarker([0, 0], { radius: 8, weight: 3, color: '#ffffff', fillColor: '#1565c0', fillOpacity: 1 });
  }

  /** Places both markers; the view is re-framed only for a new incident, so a moving unit does not jitter it. */
  show(incident: { id: string; location: GeoPoint; level: Level }, unitPosition: GeoPoint | null, labels: { incident: string; unit: string }) {
    this.incidentMarker.setLatLng([incident.location.lat, incident.location.lon]);
    this.incidentMarker.setStyle({ fillColor: LEVEL_INFO[incident.level].colour });
    this.incidentMarker.bindTooltip(labels.incident);
    if (!this.map.hasLayer(this.incidentMarker)) this.incidentMarker.addTo(this.map);
    if (unitPosition) {
      this.unitMarker.setLatLng([unitPosition.lat, unitPosition.lon]).bindTooltip(labels.unit);
      if (!this.map.hasLayer(this.unitMarker)) this.unitMarker.addTo(this.map);
    } else this.unitMarker.remove();
    const frameKey = `${incident.id}:${unitPosition ? 'with-unit' : 'alone'}`;
    if (frameKey === this.framedFor) return;
    this.framedFor = frameKey;
    // The container may have just been shown: let Leaflet measure it before fitting. No animation: a
    // zoom that is still running when the card is looked at shows blurred, oversized markers.
    this.map.invalidateSize();
    if (unitPosition)
      this.map.fitBounds(L.latLngBounds([incident.location.lat, incident.location.lon], [unitPosition.lat, unitPosition.lon]), {
        padding: [28, 28],
        maxZoom: 15,
        animate: false,
      });
    else this.map.setView([incident.location.lat, incident.location.lon], 14, { animate: false });
  }

  destroy() {
    this.map.remove();
  }
}
