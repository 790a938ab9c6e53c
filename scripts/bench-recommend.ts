import { pathToFileURL } from 'node:url';
import { distance } from '@turf/distance';
import { point } from '@turf/helpers';
import { isUnitAssignable, type UnitStatus } from '../shared/domain/state-machines.js';
import { UNIT_TYPE_INFO, UNIT_TYPES, type UnitType } from '../shared/domain/units.js';
import type { GeoPoint, Unit } from '../shared/protocol/entities.js';
import { capabilitySubstitutes, UNIT_CAPABILITIES, unitHasCapability } from '../shared/plans/capabilities.js';
import { recommendFromIndex } from '../shared/plans/recommend.js';
import type { Requirement } from '../shared/plans/template.js';
import { buildUnitIndex } from '../shared/plans/unit-index.js';

/**
 * How fast unit recommendation is for a city-sized fleet: 10,000 units spread over Dalian, 200
 * incidents, the index-based recommender against a naive full sort of all units measured in the same
 * run. Run with `npx tsx scripts/bench-recommend.ts`; `runRecommendBenchmark()` feeds `npm run bench`.
 */

/** Milliseconds at the 50th and 99th percentile and the worst call. */
export interface Timings {
  p50: number;
  p99: number;
  max: number;
}

/** Figures of one benchmark run. */
export interface RecommendBenchmark {
  units: number;
  incidents: number;
  /** The first build, before the JIT has compiled anything. */
  indexBuildColdMs: number;
  /** Twenty further builds. */
  indexBuildMs: Timings;
  indexed: Timings;
  naiveFullSort: Timings;
  /** Both methods chose the same units for every incident (a benchmark of a wrong answer is worthless). */
  sameAnswers: boolean;
}

const REQUIREMENTS: Requirement[] = [
  { unitType: 'fire_engine', count: 3 },
  { unitType: 'ladder', count: 1, capability: 'aerial_32m' },
  { unitType: 'ambulance', count: 2, capability: 'als' },
  { unitType: 'police_patrol', count: 1 },
];

// Fire engines, ambulances and patrols make up most of a real fleet.
const TYPE_WEIGHTS: Partial<Record<UnitType, number>> = { fire_engine: 5, ambulance: 5, police_patrol: 5, traffic_police: 2, ladder: 2 };
const STATUSES: UnitStatus[] = ['available', 'available', 'available', 'available', 'available', 'available', 'returning', 'en_route', 'on_scene', 'out_of_service'];

/** Runs the benchmark and returns its figures; deterministic fleet and incidents from `seed`. */
export function runRecommendBenchmark({ unitCount = 10_000, incidentCount = 200, seed = 20250716 } = {}): RecommendBenchmark {
  const random = mulberry32(seed);
  const units = makeFleet(unitCount, random);
  const incidents = Array.from({ length: incidentCount }, () => randomDalianPoint(random));

  const { result: index, ms: indexBuildColdMs } = time(() => buildUnitIndex(units));
  const buildTimes = Array.from({ length: 20 }, () => time(() => buildUnitIndex(units)).ms);

  // Warm both paths up so the figures measure steady state, not the JIT compiling them.
  for (const incident of incidents.slice(0, 20)) {
    recommendFromIndex(index, incident, REQUIREMENTS);
    naiveRecommend(units, incident, REQUIREMENTS);
  }

  let sameAnswers = true;
  const indexedTimes: number[] = [];
  const naiveTimes: number[] = [];
  for (const incident of incidents) {
    const indexed = time(() => recommendFromIndex(index, incident, REQUIREMENTS));
    const naive = time(() => naiveRecommend(units, incident, REQUIREMENTS));
    indexedTimes.push(indexed.ms);
    naiveTimes.push(naive.ms);
    const indexedIds = indexed.result.recommendations.map((pick) => pick.unitId).join();
    if (indexedIds !== naive.result.join()) sameAnswers = false;
  }
  return {
    units: unitCount,
    incidents: incidentCount,
    indexBuildColdMs,
    indexBuildMs: summarise(buildTimes),
    indexed: summarise(indexedTimes),
    naiveFullSort: summarise(naiveTimes),
    sameAnswers,
  };
}

/**
 * The baseline: distance to every unit as a GeoJSON point, one full sort, then walk it per line. Lines
 * are walked in the same scarce-first order the recommender uses so both give the same answer.
 */
function naiveRecommend(units: readonly Unit[], incident: GeoPoint, requirements: readonly Requirement[]): string[] {
  const origin = point([incident.lon, incident.lat]);
  const sorted = units
    .map((unit) => ({ unit, km: distance(origin, point([unit.location.lon, unit.location.lat])) }))
    .sort((a, b) => a.km - b.km || (a.unit.id < b.unit.id ? -1 : 1));
  const taken = new Set<string>();
  const picks = new Map<Requirement, string[]>();
  const scarcity = (requirement: Requirement) => capabilitySubstitutes(requirement.capability);
  const order = [...requirements].sort((a, b) => (scarcity(a) < scarcity(b) ? -1 : scarcity(a) > scarcity(b) ? 1 : 0));
  for (const requirement of order) {
    const chosen: string[] = [];
    for (const { unit } of sorted) {
      if (chosen.length === requirement.count) break;
      if (taken.has(unit.id) || unit.type !== requirement.unitType || !isUnitAssignable(unit.status) || unit.assignmentId !== null) continue;
      if (!unitHasCapability(unit.capabilities, requirement.capability)) continue;
      chosen.push(unit.id);
      taken.add(unit.id);
    }
    picks.set(requirement, chosen);
  }
  return requirements.flatMap((requirement) => picks.get(requirement) ?? []);
}

function makeFleet(count: number, random: () => number): Unit[] {
  const weighted = UNIT_TYPES.flatMap((type) => Array<UnitType>(TYPE_WEIGHTS[type] ?? 1).fill(type));
  const at = '2025-07-16T08:00:00+08:00';
  return Array.from({ length: count }, (_, n): Unit => {
    const type = pick(weighted, random);
    const location = randomDalianPoint(random);
    return {
      id: `U-BENCH-${n}`,
      world: 'live',
      callSign: `B${n}`,
      name: `${type} ${n}`,
      type,
      agency: UNIT_TYPE_INFO[type].agency,
      district: 'zhongshan',
      stationName: 'bench',
      home: location,
      location,
      locationAt: at,
      status: pick(STATUSES, random),
      statusAt: at,
      assignmentId: random() < 0.05 ? `ASG-BENCH-${n}` : null,
      capabilities: UNIT_CAPABILITIES[type].filter(() => random() < 0.6),
      version: 0,
    };
  });
}

function randomDalianPoint(random: () => number): GeoPoint {
  return { lat: 38.8 + random() * 0.9, lon: 121.2 + random() * 1.0 };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function time<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

function summarise(samples: number[]): Timings {
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank percentiles: with 200 samples p99 is the second-worst call.
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { p50: rank(50), p99: rank(99), max: sorted[sorted.length - 1] ?? 0 };
}

/** Small seeded generator so every run benchmarks the same fleet. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function printReport(report: RecommendBenchmark): void {
  const row = (label: string, timings: Timings) =>
    `${label.padEnd(34)} p50 ${timings.p50.toFixed(3).padStart(8)}  p99 ${timings.p99.toFixed(3).padStart(8)}  max ${timings.max.toFixed(3).padStart(8)}`;
  console.log(`recommendation: ${report.units} units, ${report.incidents} incidents, ${REQUIREMENTS.length} requirement lines (ms)`);
  console.log(`${'index build, first (cold)'.padEnd(34)} ${report.indexBuildColdMs.toFixed(3)}`);
  console.log(row('index build, next 20', report.indexBuildMs));
  console.log(row('indexed recommendFromIndex', report.indexed));
  console.log(row('baseline: naive full sort', report.naiveFullSort));
  console.log(`speed-up at p50: ${(report.naiveFullSort.p50 / report.indexed.p50).toFixed(1)}×; same answers: ${report.sameAnswers}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = runRecommendBenchmark();
  printReport(report);
  if (!report.sameAnswers) process.exitCode = 1;
}
