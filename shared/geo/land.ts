import { feature } from 'topojson-client';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import bboxClip from '@turf/bbox-clip';
import { point } from '@turf/helpers';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeoPoint } from '../protocol/entities.js';
import { toPosition, type GeoBox } from './distance.js';

// Taken from topojson-client's signature rather than imported from topojson-specification, a package we do
// not depend on directly.
/** A TopoJSON topology, as topojson-client reads it. */
export type Topology = Parameters<typeof feature>[0];

/** Land as separate polygons, each feature carrying its bbox so point tests can skip it cheaply. */
export type LandCollection = FeatureCollection<Polygon>;

/**
 * The land of a Natural Earth topology (world-atlas `land-*.json`) inside the box. Polygons are clipped to
 * the box (turf's bbox-clip), so Eurasia's 84,000-point outline shrinks to the few hundred points near Dalian.
 */
export function clipLandToBox(topology: Topology, box: GeoBox, objectName = 'land'): LandCollection {
  const object = topology.objects[objectName];
  if (!object) throw new Error(`topology has no object named "${objectName}"`);
  const converted = feature(topology, object);
  const features = converted.type === 'FeatureCollection' ? converted.features : [converted];
  const kept: Feature<Polygon>[] = [];
  for (const { geometry } of features) {
    for (const rings of polygonsOf(geometry)) {
      const outer = rings[0];
      if (!outer || !boxesOverlap(ringBox(outer), box)) continue;
      const clipped = bboxClip(polygonFeature(rings), [box.west, box.south, box.east, box.north]).geometry;
      for (const part of polygonsOf(clipped)) {
        const [clippedOuter, ...holes] = part.filter((ring) => ring.length >= 4);
        if (clippedOuter) kept.push(polygonFeature([clippedOuter, ...holes]));
      }
    }
  }
  return { type: 'FeatureCollection', features: kept };
}

/** True when the point is inside (or on the edge of) any land polygon. */
export function isOnLand(land: FeatureCollection<Polygon | MultiPolygon>, p: GeoPoint): boolean {
  const position = point(toPosition(p));
  return land.features.some((polygon) => booleanPointInPolygon(position, polygon));
}

/**
 * Land with coordinates rounded to `decimals` places (4 ≈ 11 m) and the repeated positions that rounding
 * makes dropped; rings that collapse below a triangle disappear, and so does a polygon whose outer ring does.
 */
export function roundLandCoordinates(land: LandCollection, decimals: number): LandCollection {
  const factor = 10 ** decimals;
  const round = (value: number) => Math.round(value * factor) / factor;
  const features: Feature<Polygon>[] = [];
  for (const polygon of land.features) {
    const rings = polygon.geometry.coordinates.map((ring) =>
      dropRepeats(ring.map(([lon = 0, lat = 0]) => [round(lon), round(lat)])),
    );
    const [outer, ...holes] = rings.filter((ring) => ring.length >= 4);
    if (!outer || rings[0] !== outer) continue;
    features.push(polygonFeature([outer, ...holes]));
  }
  return { type: 'FeatureCollection', features };
}

function polygonFeature(rings: Position[][]): Feature<Polygon> {
  const extent = ringBox(rings[0] ?? []);
  return {
    type: 'Feature',
    bbox: [extent.west, extent.south, extent.east, extent.north],
    properties: {},
    geometry: { type: 'Polygon', coordinates: rings },
  };
}

function polygonsOf(geometry: Feature['geometry']): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

function ringBox(ring: Position[]): GeoBox {
  const box: GeoBox = { south: Infinity, west: Infinity, north: -Infinity, east: -Infinity };
  for (const [lon = 0, lat = 0] of ring) {
    box.south = Math.min(box.south, lat);
    box.north = Math.max(box.north, lat);
    box.west = Math.min(box.west, lon);
    box.east = Math.max(box.east, lon);
  }
  return box;
}

function boxesOverlap(a: GeoBox, b: GeoBox): boolean {
  return a.south <= b.north && a.north >= b.south && a.west <= b.east && a.east >= b.west;
}

function dropRepeats(ring: Position[]): Position[] {
  return ring.filter((position, index) => {
    const previous = ring[index - 1];
    return !previous || position[0] !== previous[0] || position[1] !== previous[1];
  });
}
