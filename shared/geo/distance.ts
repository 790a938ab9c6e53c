import turfDistance from '@turf/distance';
import { point } from '@turf/helpers';
import type { Position } from 'geojson';
import type { GeoPoint } from '../protocol/entities.js';

/** A latitude/longitude box in degrees (WGS 84), named by its sides so lat and lon cannot be swapped. */
export interface GeoBox {
  south: number;
  west: number;
  north: number;
  east: number;
}

/** The Dalian municipality, from Lüshunkou's tip to Zhuanghe's north and Changhai's outer islands. */
export const DALIAN_BBOX: GeoBox = { south: 38.6, west: 120.9, north: 40.2, east: 123.6 };

/** Renmin Square in Xigang, between the three central districts: where the map opens. */
export const DALIAN_CENTRE: GeoPoint = { lat: 38.914, lon: 121.614 };

/** A GeoPoint as a GeoJSON position: GeoJSON orders longitude first (RFC 7946). */
export function toPosition(p: GeoPoint): Position {
  return [p.lon, p.lat];
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  return turfDistance(point(toPosition(a)), point(toPosition(b)), { units: 'kilometers' });
}

/** True when the point lies inside the box (edges included). */
export function isInBox(p: GeoPoint, box: GeoBox): boolean {
  return p.lat >= box.south && p.lat <= box.north && p.lon >= box.west && p.lon <= box.east;
}
