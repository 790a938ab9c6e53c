import L from 'leaflet';
import type { PickableLayer, PointPick } from './canvas-point-layer.js';

/**
 * Resolves clicks and hovers on the map across the point layers, in priority order (incidents over
 * units), so one click selects one thing. A click on empty map goes to `onEmptyClick` (intake uses it
 * to place a report). One shared tooltip names what is under the pointer.
 */
export function attachMapPointer(
  map: L.Map,
  layers: () => PickableLayer[],
  onEmptyClick: (position: L.LatLng) => void,
): () => void {
  const tooltip = L.tooltip({ direction: 'top', offset: [0, -10], className: 'ld-map-tooltip' });
  let hovered: string | null = null;

  const pickAt = (point: L.Point): PointPick | null => {
    for (const layer of layers()) {
      const pick = layer.pick(point);
      if (pick) return pick;
    }
    return null;
  };

  const onClick = (event: L.LeafletMouseEvent) => {
    const pick = pickAt(event.containerPoint);
    if (pick) pick.activate();
    else onEmptyClick(event.latlng);
  };
  const onMove = (event: L.LeafletMouseEvent) => {
    // Over a control (legend, layer toggles) the pointer is not on the map beneath it.
    if (event.originalEvent.target instanceof Element && event.originalEvent.target.closest('.leaflet-control')) return onOut();
    const pick = pickAt(event.containerPoint);
    map.getContainer().classList.toggle('ld-pointer-over-mark', pick !== null);
    if (!pick) {
      if (hovered) map.closeTooltip(tooltip);
      hovered = null;
      return;
    }
    if (pick.id !== hovered) {
      hovered = pick.id;
      tooltip.setContent(pick.label);
    }
    tooltip.setLatLng(event.latlng);
    if (!map.hasLayer(tooltip)) map.openTooltip(tooltip);
  };
  const onOut = () => {
    hovered = null;
    map.closeTooltip(tooltip);
    map.getContainer().classList.remove('ld-pointer-over-mark');
  };

  map.on('click', onClick);
  map.on('mousemove', onMove);
  map.on('mouseout', onOut);
  return () => {
    map.off('click', onClick);
    map.off('mousemove', onMove);
    map.off('mouseout', onOut);
  };
}
