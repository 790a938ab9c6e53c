import { distance } from '@turf/distance';
import { isUnitAssignable } from '../domain/state-machines.js';
import type { Agency, UnitType } from '../domain/units.js';
import type { GeoPoint, Unit } from '../protocol/entities.js';
import { capabilitiesMeeting, capabilitySubstitutes, unitHasCapability } from './capabilities.js';
import { DEFAULT_ROAD_FACTOR, etaMinutes } from './geometry.js';
import { requirementKey, type RequirementKey } from './matching.js';
import type { Requirement } from './template.js';
import { buildUnitIndex, type IndexedUnit, type UnitIndex } from './unit-index.js';

/** One unit proposed for one requirement line. */
export interface Recommendation {
  requirement: Requirement;
  unitId: string;
  unitType: UnitType;
  distanceKm: number;
  etaMinutes: number;
  reason: string;
}

/** Part of a requirement no eligible unit could fill. */
export interface Shortfall {
  requirement: Requirement;
  /** Units still needed after those already assigned. */
  outstanding: number;
  found: number;
  missing: number;
}

/** Proposed units, nearest first within each requirement, and what could not be filled. */
export interface RecommendationResult {
  recommendations: Recommendation[];
  shortfalls: Shortfall[];
}

/** Knobs for one recommendation. */
export interface RecommendOptions {
  /** Road distance ÷ straight-line distance; 1.3 unless the caller knows better. */
  roadFactor?: number;
  /** Only units of these agencies (e.g. when another agency has its own dispatch desk). */
  allowedAgencies?: readonly Agency[];
  /** Units the dispatcher has already ruled out (declined, known to be busy). */
  excludeUnitIds?: Iterable<string>;
}

/** Units already on the incident, counted per requirement key (see {@link requirementKey}). */
export type AssignedCounts = Readonly<Partial<Record<RequirementKey, number>>>;

/** Eligible units of one type, their distances and whether a line has taken them, by position. */
interface Candidates {
  units: Unit[];
  distanceKm: number[];
  picked: Uint8Array;
}

/**
 * Nearest eligible units for each requirement line, from a prepared index. A unit is eligible when its
 * status is assignable, it has no assignment, it is of the line's type, has the line's capability (if
 * any, or one covering it: see {@link unitHasCapability}), is not excluded and belongs to an allowed
 * agency. No unit is proposed twice. Scarce lines fill first (see {@link inFillOrder}), so a plain
 * "ambulance" line cannot take the ALS ambulance an "ambulance with als" line needs. Lines are expected
 * to be unique per (type, capability), as the plan schema enforces; `alreadyAssigned` is subtracted per line.
 */
export function recommendFromIndex(
  index: UnitIndex,
  incidentLocation: GeoPoint,
  requirements: readonly Requirement[],
  alreadyAssigned: AssignedCounts = {},
  options: RecommendOptions = {},
): RecommendationResult {
  const roadFactor = options.roadFactor ?? DEFAULT_ROAD_FACTOR;
  const excluded = new Set(options.excludeUnitIds ?? []);
  const agencies = options.allowedAgencies ? new Set<string>(options.allowedAgencies) : null;
  const origin: [number, number] = [incidentLocation.lon, incidentLocation.lat];
  const picksByLine: Recommendation[][] = requirements.map(() => []);
  const shortfallsByLine: (Shortfall | undefined)[] = [];
  const candidatesByType = new Map<UnitType, Candidates>();

  const lines = requirements
    .map((requirement, order) => ({
      requirement,
      order,
      outstanding: requirement.count - (alreadyAssigned[requirementKey(requirement)] ?? 0),
    }))
    .filter((line) => line.outstanding > 0);

  for (const { requirement, order, outstanding } of inFillOrder(lines)) {
    let candidates = candidatesByType.get(requirement.unitType);
    if (!candidates) {
      // Distances are measured once per type and shared by every line of that type.
      candidates = eligibleCandidates(index.byType.get(requirement.unitType) ?? [], origin, excluded, agencies);
      candidatesByType.set(requirement.unitType, candidates);
    }
    const chosen = nearest(candidates, outstanding, requirement.capability);
    const picks = chosen.map((position, rank): Recommendation => {
      candidates.picked[position] = 1;
      const unit = candidates.units[position] as Unit;
      const distanceKm = candidates.distanceKm[position] as number;
      const eta = etaMinutes(requirement.unitType, distanceKm, roadFactor);
      return {
        requirement,
        unitId: unit.id,
        unitType: requirement.unitType,
        distanceKm,
        etaMinutes: eta,
        reason: describePick(unit, requirement, rank, distanceKm, eta),
      };
    });
    picksByLine[order] = picks;
    if (picks.length < outstanding)
      shortfallsByLine[order] = { requirement, outstanding, found: picks.length, missing: outstanding - picks.length };
  }

  // Report in the plan's own order, whatever order lines were filled in.
  return {
    recommendations: picksByLine.flat(),
    shortfalls: shortfallsByLine.filter((shortfall): shortfall is Shortfall => shortfall !== undefined),
  };
}

/** Convenience form that builds the index first; prefer {@link recommendFromIndex} when calls repeat. */
export function recommendUnits(
  units: readonly Unit[],
  incidentLocation: GeoPoint,
  requirements: readonly Requirement[],
  alreadyAssigned: AssignedCounts = {},
  options: RecommendOptions = {},
): RecommendationResult {
  return recommendFromIndex(buildUnitIndex(units), incidentLocation, requirements, alreadyAssigned, options);
}

/**
 * Counts units already on an incident against the plan's lines, in the shape {@link recommendFromIndex}
 * takes. Each unit counts once, towards the first line in fill order it satisfies that still has room;
 * units no line asks for are not counted.
 */
export function countAssignedUnits(requirements: readonly Requirement[], assignedUnits: readonly Unit[]): AssignedCounts {
  const counts: Partial<Record<RequirementKey, number>> = {};
  const lines = inFillOrder(requirements.map((requirement) => ({ requirement }))).map((line) => line.requirement);
  for (const unit of assignedUnits) {
    const line = lines.find(
      (candidate) =>
        candidate.unitType === unit.type &&
        unitHasCapability(unit.capabilities, candidate.capability) &&
        (counts[requirementKey(candidate)] ?? 0) < candidate.count,
    );
    if (line) counts[requirementKey(line)] = (counts[requirementKey(line)] ?? 0) + 1;
  }
  return counts;
}

/**
 * Lines needing the scarcest capability first (one nothing else covers, then covered ones, then plain
 * lines); the sort is stable, so the plan's order decides among equals.
 */
function inFillOrder<T extends { requirement: Requirement }>(lines: readonly T[]): T[] {
  // Compared rather than subtracted: plain lines score Infinity, and Infinity - Infinity is NaN.
  const scarcity = (line: T) => capabilitySubstitutes(line.requirement.capability);
  return [...lines].sort((a, b) => (scarcity(a) < scarcity(b) ? -1 : scarcity(a) > scarcity(b) ? 1 : 0));
}

const KILOMETRES = { units: 'kilometers' } as const;

/**
 * Eligible units of one type with their distances, as parallel arrays: the hot loops below then
 * compare plain numbers instead of chasing one object per unit (about half the time in
 * scripts/bench-recommend.ts at 10,000 units).
 */
function eligibleCandidates(
  bucket: readonly IndexedUnit[],
  origin: [number, number],
  excluded: ReadonlySet<string>,
  agencies: ReadonlySet<string> | null,
): Candidates {
  const units: Unit[] = [];
  const distanceKm: number[] = [];
  for (const entry of bucket) {
    const { unit } = entry;
    if (!isUnitAssignable(unit.status) || unit.assignmentId !== null) continue;
    if (excluded.has(unit.id) || (agencies && !agencies.has(unit.agency))) continue;
    units.push(unit);
    distanceKm.push(distance(origin, entry.position, KILOMETRES));
  }
  return { units, distanceKm, picked: new Uint8Array(units.length) };
}

/**
 * Positions of the `count` nearest unpicked candidates that meet the capability, nearest first. A
 * bounded insertion list instead of a full sort: run cards ask for a handful out of hundreds.
 */
function nearest(candidates: Candidates, count: number, capability: string | undefined): number[] {
  const { units, distanceKm, picked } = candidates;
  const accepted = capability === undefined ? null : new Set(capabilitiesMeeting(capability));
  // Nearer first; equal distances fall back to unit id so results never depend on input order.
  const closer = (a: number, b: number) =>
    (distanceKm[a] as number) < (distanceKm[b] as number) ||
    (distanceKm[a] === distanceKm[b] && (units[a] as Unit).id < (units[b] as Unit).id);
  const best: number[] = [];
  for (let candidate = 0; candidate < units.length; candidate++) {
    if (picked[candidate]) continue;
    if (best.length === count && !closer(candidate, best[count - 1] as number)) continue;
    if (accepted && !hasAny((units[candidate] as Unit).capabilities, accepted)) continue;
    let position = best.length;
    while (position > 0 && closer(candidate, best[position - 1] as number)) position--;
    best.splice(position, 0, candidate);
    if (best.length > count) best.pop();
  }
  return best;
}

function hasAny(capabilities: readonly string[], accepted: ReadonlySet<string>): boolean {
  for (const capability of capabilities) if (accepted.has(capability)) return true;
  return false;
}

function describePick(unit: Unit, requirement: Requirement, rank: number, distanceKm: number, eta: number): string {
  const order = rank === 0 ? 'nearest' : `${ordinal(rank + 1)} nearest`;
  const state = unit.status === 'returning' ? 'returning' : 'available';
  const own = requirement.capability === undefined || unit.capabilities.includes(requirement.capability);
  const stand = own ? '' : ` (${unit.capabilities.find((c) => unitHasCapability([c], requirement.capability))} covers it)`;
  const capability = requirement.capability ? ` with ${requirement.capability}${stand}` : '';
  return `${order} ${state} ${requirement.unitType}${capability}, ${distanceKm.toFixed(1)} km, ETA ${Math.ceil(eta)} min`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
