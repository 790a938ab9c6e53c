import L from 'leaflet';
import type { GeoPoint } from '../../shared/index.js';

/**
 * The spot where a report being taken will be placed: a draggable crosshair, so the dispatcher can
 * correct a click without retyping coordinates.
 */
export function createPlacementMarker(map: L.Map, onMoved: (position: GeoPoint) => void) {
  const icon = L.divIcon({ className: 'ld-placement', html: '<span></span>', iconSize: [28, 28], iconAnchor: [14, 14] });
  const marker = L.marker([0, 0], { icon, draggable: true, keyboard: false, zIndexOffset: 1000 });
  marker.on('dragend', () => {
    const position = marker.getLatLng();
    onMoved({ lat: round(position.lat), lon: round(position.lng) });
  });
  return {
    show(position: GeoPoint) {
      marker.setLatLng([position.lat, position.lon]);
      if (!map.hasLayer(marker)) marker.addTo(map);
    },
    hide() {
      marker.remove();
    },
  };
}

/** Six decimals is about 10 cm: more would be noise from the pointer. */
export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
