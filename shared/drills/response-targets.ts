import type { UnitType } from '../domain/units.js';

/**
 * The response-time targets a drill is measured against (DOMAIN.md). NFPA figures are 90th-percentile
 * targets for a whole service; a drill applies them to each incident, which is stricter but is what a
 * trainee can act on.
 */
export const RESPONSE_TARGETS = {
  callProcessing: { seconds: 60, standard: 'NFPA 1225 (2022): call processing, answer → first unit dispatched, ≤ 60 s (90%)' },
  turnoutEms: { seconds: 60, standard: 'NFPA 1710: EMS turnout, dispatch → en route, ≤ 60 s' },
  turnoutFire: { seconds: 80, standard: 'NFPA 1710: fire turnout, dispatch → en route, ≤ 80 s' },
  travelFirstEngine: { seconds: 240, standard: 'NFPA 1710: first engine travel ≤ 240 s' },
  travelAls: { seconds: 480, standard: 'NFPA 1710: ALS unit travel ≤ 480 s' },
  fullFirstAlarm: { seconds: 480, standard: "NFPA 1710: full first-alarm assignment travel ≤ 480 s (here: first en route → the plan's run card complete on scene)" },
  ambulanceDeparture: { seconds: 180, standard: 'China 120 services (2025 targets): ambulance departs within 3 min, ≥ 95%' },
} as const satisfies Record<string, { seconds: number; standard: string }>;
export type ResponseTargetId = keyof typeof RESPONSE_TARGETS;

const FIRE_TYPES: readonly UnitType[] = ['fire_engine', 'ladder', 'rescue', 'hazmat'];

/** The turnout target for a unit type: EMS for ambulances, fire for fire-service apparatus, none for others. */
export function turnoutTarget(unitType: UnitType): ResponseTargetId | null {
  if (unitType === 'ambulance') return 'turnoutEms';
  return FIRE_TYPES.includes(unitType) ? 'turnoutFire' : null;
}

/** The travel target for a unit type: first engine for fire engines, ALS for ambulances, none for others. */
export function travelTarget(unitType: UnitType): ResponseTargetId | null {
  if (unitType === 'fire_engine') return 'travelFirstEngine';
  return unitType === 'ambulance' ? 'travelAls' : null;
}

/**
 * How an incident's score of 0–100 is made (see docs/drills.md): four components, each a credit from 0
 * to 1 times its weight. A component that cannot apply (no target could be measured, no plan matches the
 * incident) is left out and the others are scaled up to 100.
 */
export const SCORE_WEIGHTS = {
  /** Mean credit over the measured intervals that have a target: 1 when met, falling linearly to 0 at twice the target; 0 if never reached. */
  timeliness: 40,
  /** Over checklist actions due by the end: done on time 1, done late ½, overdue 0. */
  checklist: 30,
  /** Units sent (not declined, timed out or cancelled) that fill the plan's run-card lines, over the units required. */
  resources: 20,
  /** The activated plan is one the scenario expects (0.4; another plan 0.2), and the upward report a level I/II incident requires is done on time (0.6; late 0.3). */
  escalationReporting: 10,
} as const;
export type ScoreComponentId = keyof typeof SCORE_WEIGHTS;
