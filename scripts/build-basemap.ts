// Writes the client's basemap: Natural Earth 1:10m land around Dalian, as GeoJSON. Run before `vite build`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clipLandToBox, roundLandCoordinates } from '../shared/geo/land.js';
import type { GeoBox } from '../shared/geo/distance.js';
import { readLandTopology } from '../server/geo/land-data.js';

// Wider than the municipality so the Shandong coast across the strait and inland Liaoning frame the map.
const BASEMAP_BOX: GeoBox = { south: 37.5, west: 119.5, north: 41.5, east: 125.0 };
// Four decimals is about 11 m, far finer than the 1:10m source, and keeps the file small.
const DECIMALS = 4;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outputPath = resolve(root, 'client/public/basemap/land.geojson');

const land = roundLandCoordinates(clipLandToBox(readLandTopology(), BASEMAP_BOX), DECIMALS);
const json = JSON.stringify(land);
mkdirSync(dirname(outputPath), { recursive: true });
writeFileSync(outputPath, json);

const positions = land.features.flatMap((polygon) => polygon.geometry.coordinates).reduce((sum, ring) => sum + ring.length, 0);
const kib = (Buffer.byteLength(json) / 1024).toFixed(1);
console.log(`${relative(root, outputPath)}: ${land.features.length} polygons, ${positions} positions, ${kib} KiB`);
