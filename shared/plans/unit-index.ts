import { UNIT_TYPES, type UnitType } from '../domain/units.js';
import type { Unit } from '../protocol/entities.js';

/** A unit as the recommender scans it: the unit itself and its position as a ready [lon, lat] pair. */
export interface IndexedUnit {
  unit: Unit;
  position: [number, number];
}

/**
 * Units bucketed by type. Recommendation only ever asks for one type at a time, so a query touches the
 * buckets it needs and measures distance to nothing else. The index is a snapshot of the unit objects
 * it was built from; status and assignment are still checked at query time, but a unit that moved or
 * was replaced needs a rebuild (about a millisecond for 10,000 units).
 */
export interface UnitIndex {
  byType: ReadonlyMap<UnitType, readonly IndexedUnit[]>;
  size: number;
}

/** Builds the per-type index the recommender scans. */
export function buildUnitIndex(units: readonly Unit[]): UnitIndex {
  const byType = new Map<UnitType, IndexedUnit[]>(UNIT_TYPES.map((type) => [type, []]));
  for (const unit of units) {
    byType.get(unit.type)?.push({ unit, position: [unit.location.lon, unit.location.lat] });
  }
  return { byType, size: units.length };
}
