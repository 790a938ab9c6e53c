import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { clipLandToBox, type LandCollection, type Topology } from '../../shared/geo/land.js';
import { DALIAN_BBOX } from '../../shared/geo/distance.js';

/** Natural Earth 1:10m land as world-atlas ships it (the same file the client basemap is built from). */
export function readLandTopology(): Topology {
  const path = createRequire(import.meta.url).resolve('world-atlas/land-10m.json');
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || (parsed as { type?: unknown }).type !== 'Topology') {
    throw new Error(`${path} is not a TopoJSON topology`);
  }
  return parsed as Topology;
}

let dalianLand: LandCollection | undefined;

/** The land polygons around Dalian, for on-land checks; read and converted once per process. */
export function loadDalianLand(): LandCollection {
  dalianLand ??= clipLandToBox(readLandTopology(), DALIAN_BBOX);
  return dalianLand;
}
