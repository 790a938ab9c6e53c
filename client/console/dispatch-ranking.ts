import { distanceKm } from '../../shared/geo/distance.js';
import { UNIT_TYPE_INFO, isUnitAssignable, type GeoPoint, type Unit, type UnitType } from '../../shared/index.js';

export interface DispatchCandidate {
  unit: Unit;
  /** Straight-line distance: an honest lower bound until road routing exists. */
  distanceKm: number;
  /** Straight line at the type's typical speed: a rough, optimistic estimate. */
  etaMinutes: number;
}

/** Units that may take the incident now, nearest first; optionally of one type. */
export function rankDispatchCandidates(
  units: Iterable<Unit>,
  location: GeoPoint,
  options: { type?: UnitType | null; limit?: number } = {},
): DispatchCandidate[] {
  const candidates: DispatchCandidate[] = [];
  for (const unit of units) {
    if (!isUnitAssignable(unit.status) || unit.assignmentId !== null) continue;
    if (options.type && unit.type !== options.type) continue;
    const distance = distanceKm(unit.location, location);
    candidates.push({ unit, distanceKm: distance, etaMinutes: (distance / UNIT_TYPE_INFO[unit.type].speedKmh) * 60 });
  }
  candidates.sort((a, b) => a.distanceKm - b.distanceKm || (a.unit.callSign < b.unit.callSign ? -1 : 1));
  return options.limit === undefined ? candidates : candidates.slice(0, options.limit);
}
