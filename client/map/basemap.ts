import L from 'leaflet';
import { DALIAN_CENTRE } from '../../shared/geo/distance.js';

export interface BasemapOptions {
  /** XYZ tile URL; OpenStreetMap by default, configurable per centre (`?tiles=` or localStorage). */
  tileUrl?: string;
  attribution?: string;
  /** How long to wait for a first tile before showing the packaged offline basemap. */
  tileTimeoutMs?: number;
}

const OSM = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
};

/** The configured tile source: `?tiles=<url>` wins, then localStorage `liandong.tiles`, then OpenStreetMap. */
export function configuredTileUrl(): string {
  const fromQuery = new URLSearchParams(location.search).get('tiles');
  return fromQuery ?? localStorage.getItem('liandong.tiles') ?? OSM.url;
}

/**
 * Creates a Leaflet map that never shows a blank page: tiles from the configured source, and — when
 * they cannot load (no internet at the centre, or on these test machines) — the packaged land and
 * coastline (Natural Earth via world-atlas) with a coordinate grid, drawn on canvas.
 */
export function createBasemap(container: HTMLElement, options: BasemapOptions = {}) {
  const map = L.map(container, { preferCanvas: true, zoomControl: true, attributionControl: true, minZoom: 6, maxZoom: 18 });
  map.setView([DALIAN_CENTRE.lat, DALIAN_CENTRE.lon], 11);
  const tiles = L.tileLayer(options.tileUrl ?? configuredTileUrl(), { attribution: options.attribution ?? OSM.attribution, maxZoom: 19 });
  const offline = createOfflineLayers(map);
  let mode: 'tiles' | 'offline' = 'tiles';
  let loadedTiles = 0;
  let failedTiles = 0;

  const showOffline = () => {
    if (mode === 'offline') return;
    mode = 'offline';
    container.dataset.basemap = 'offline';
    map.removeLayer(tiles);
    offline.addTo(map);
    offline.grid.bringToBack();
    offline.land.bringToBack();
  };
  tiles.on('tileload', () => {
    loadedTiles += 1;
    container.dataset.basemap = 'tiles';
  });
  tiles.on('tileerror', () => {
    failedTiles += 1;
    if (loadedTiles === 0 && failedTiles >= 2) showOffline();
  });
  tiles.addTo(map);
  container.dataset.basemap = 'loading';
  // Some networks swallow requests rather than fail them: give tiles a deadline too.
  setTimeout(() => {
    if (loadedTiles === 0) showOffline();
  }, options.tileTimeoutMs ?? 4000);
  return { map, showOffline, mode: () => mode };
}

function createOfflineLayers(map: L.Map) {
  // Its own pane between tiles (200) and overlays (400): added late (when tiles fail), an opaque land
  // canvas in the overlay pane would otherwise cover every canvas layer that was there before it.
  map.createPane(OFFLINE_PANE).style.zIndex = '250';
  const renderer = L.canvas({ padding: 0.2, pane: OFFLINE_PANE });
  const land = L.geoJSON(undefined, {
    style: { color: '#5b6b73', weight: 1, fillColor: '#e9e4d4', fillOpacity: 1 },
    renderer,
    interactive: false,
  } as L.GeoJSONOptions);
  void fetch('/basemap/land.geojson')
    .then((response) => response.json())
    .then((collection: GeoJSON.FeatureCollection) => land.addData(collection));
  const grid = coordinateGrid(renderer);
  const group = L.layerGroup([land, grid]);
  return Object.assign(group, { land, grid });
}

/** Graticule every 0.1° with labels every 0.5°, so positions can be read off a map without tiles. */
function coordinateGrid(renderer: L.Renderer) {
  const lines: L.Polyline[] = [];
  for (let lat = 37.5; lat <= 41.5; lat = round(lat + 0.1))
    lines.push(L.polyline([[lat, 119.5], [lat, 125]], { color: '#9fb3c8', weight: Number.isInteger(lat * 2) ? 1 : 0.4, renderer, interactive: false }));
  for (let lon = 119.5; lon <= 125; lon = round(lon + 0.1))
    lines.push(L.polyline([[37.5, lon], [41.5, lon]], { color: '#9fb3c8', weight: Number.isInteger(lon * 2) ? 1 : 0.4, renderer, interactive: false }));
  const layer = L.featureGroup(lines);
  return layer;
}

const OFFLINE_PANE = 'offline-basemap';
const round = (value: number) => Math.round(value * 10) / 10;
