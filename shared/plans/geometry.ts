import { distance } from '@turf/distance';
import type { GeoPoint } from '../protocol/entities.js';
import { UNIT_TYPE_INFO, type UnitType } from '../domain/units.js';

/**
 * Plans keep their own small geometry (rather than a shared geo module) so matching and recommendation
 * stay a pure, self-contained package with one dependency, @turf/distance.
 */

/** Straight-line (great-circle) distance in km between two WGS 84 points. */
export function straightLineKm(from: GeoPoint, to: GeoPoint): number {
  // Plain [lon, lat] arrays: turf copies them without building GeoJSON features, which matters at 10k units.
  return distance([from.lon, from.lat], [to.lon, to.lat], { units: 'kilometers' });
}

/** Default ratio of road distance to straight-line distance in a hilly peninsula city. */
export const DEFAULT_ROAD_FACTOR = 1.3;

/** Estimated travel minutes: straight-line km × road factor at the unit type's typical speed. */
export function etaMinutes(unitType: UnitType, straightKm: number, roadFactor = DEFAULT_ROAD_FACTOR): number {
  return ((straightKm * roadFactor) / UNIT_TYPE_INFO[unitType].speedKmh) * 60;
}
