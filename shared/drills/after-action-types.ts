import type { Actor, GeoPoint } from '../protocol/entities.js';
import type { DrillStatus } from '../protocol/drill-events.js';
import type { Level } from '../domain/levels.js';
import type { ActionStatus } from '../plans/checklist.js';
import type { BilingualText } from '../plans/template.js';
import type { RESPONSE_TARGETS, ScoreComponentId } from './response-targets.js';

/** The JSON of `GET /api/drills/:id/review`; every time is ISO 8601, every duration simulated seconds. */

/** The points in an incident's handling that intervals run between. */
export type MilestoneId = 'reported' | 'verified' | 'first-dispatch' | 'first-acknowledged' | 'first-en-route' | 'first-on-scene' | 'full-first-alarm';

export type IntervalId =
  | 'verification'
  | 'call-processing'
  | 'acknowledgement'
  | 'turnout'
  | 'travel'
  | 'first-on-scene'
  | 'full-first-alarm'
  | 'ambulance-departure';

/** One measured interval against its target. */
export interface IntervalReview {
  id: IntervalId;
  from: MilestoneId | 'unit-dispatched' | 'unit-en-route';
  to: MilestoneId | 'unit-en-route' | 'unit-on-scene';
  /** False when its starting point never came (nothing was dispatched, so there is no turnout). */
  applicable: boolean;
  /** Null when the end never came before the review time. */
  seconds: number | null;
  targetSeconds: number | null;
  standard: string | null;
  /** Null without a target (or not applicable); false when the end never came. */
  met: boolean | null;
  /** For unit intervals (turnout, travel, ambulance departure): the unit measured. */
  unitId: string | null;
}

export interface AssignmentReview {
  assignmentId: string;
  unitId: string;
  callSign: string;
  unitType: string;
  /** True when a trainee played the unit; false for a simulated crew. */
  playedByTrainee: boolean;
  status: string;
  reason: string | null;
  dispatchedBy: string;
  dispatchedAt: string;
  acknowledgedAt: string | null;
  enRouteAt: string | null;
  onSceneAt: string | null;
  clearedAt: string | null;
  cancelledAt: string | null;
  /** Dispatch → en route, and en route → on scene, in seconds (null if not reached). */
  turnoutSeconds: number | null;
  travelSeconds: number | null;
}

export interface ChecklistItemReview {
  actionId: string;
  title: BilingualText;
  responsible: string;
  deadlineMinutes: number;
  dueAt: string;
  status: ActionStatus;
  completedAt: string | null;
  completedBy: string | null;
  minutesLate: number;
}

export interface PlanReview {
  planId: string;
  name: BilingualText;
  /** Whether the scenario lists this plan among those it trains. */
  expected: boolean;
  /** When the current plan was activated (a re-match after a level change restarts its deadlines). */
  activatedAt: string;
  items: ChecklistItemReview[];
  done: number;
  doneLate: number;
  overdue: number;
  /** Not yet due at the review time: not scored. */
  pending: number;
}

export interface ResourceLineReview {
  unitType: string;
  capability: string | null;
  required: number;
  /** Units sent that fill this line (each unit fills one line). */
  sent: number;
}

export interface ResourcesReview {
  lines: ResourceLineReview[];
  required: number;
  /** Σ over lines of the units filling them (never more than required). */
  matched: number;
  /** Every unit sent and not declined, timed out or cancelled, by type (including types the plan does not ask for). */
  sentByType: Record<string, number>;
}

export interface ScoreComponentReview {
  id: ScoreComponentId;
  weight: number;
  /** 0–1, or null when the component does not apply (then the others are scaled up to 100). */
  credit: number | null;
  points: number | null;
  detail: string;
}

export interface ScoreReview {
  /** 0–100, one decimal. */
  total: number;
  components: ScoreComponentReview[];
}

export interface TimelineEntry {
  seq: number;
  at: string;
  /** Simulated seconds since the drill's start. */
  offsetSeconds: number;
  type: string;
  actor: Actor;
  incidentId: string | null;
  unitId: string | null;
  assignmentId: string | null;
  summary: string;
}

export interface IncidentReview {
  incidentId: string;
  code: string;
  /** The scenario ref of an inject-made incident; null for one a trainee reported. */
  ref: string | null;
  source: 'inject' | 'trainee';
  category: string;
  subtype: string;
  initialLevel: Level;
  level: Level;
  /** Every level the incident had, in order. */
  levels: Level[];
  status: string;
  description: string;
  location: GeoPoint;
  casualties: number;
  /** False for an incident merged into another (and for a trainee's own rejected report): listed, not scored. */
  scored: boolean;
  milestones: Record<MilestoneId, string | null>;
  intervals: IntervalReview[];
  assignments: AssignmentReview[];
  plan: PlanReview | null;
  /** Whether a plan template matches the incident at its final level (if none does, plan scores do not apply). */
  planExpected: boolean;
  resources: ResourcesReview | null;
  score: ScoreReview;
  timeline: TimelineEntry[];
}

export interface IntervalAggregate {
  id: IntervalId;
  applicable: number;
  measured: number;
  met: number;
  missed: number;
  meanSeconds: number | null;
  maxSeconds: number | null;
  /** met / (met + missed) × 100, one decimal; null without a target. */
  percentMet: number | null;
}

export interface AfterActionReview {
  drillId: string;
  world: string;
  name: string;
  scenarioId: string;
  scenarioName: BilingualText | null;
  status: DrillStatus;
  /** True until the drill has ended: figures may still change. */
  provisional: boolean;
  startsAt: string;
  /** The drill time the review was evaluated at (its end, once ended). */
  evaluatedAt: string;
  elapsedMinutes: number;
  targets: typeof RESPONSE_TARGETS;
  weights: Record<ScoreComponentId, number>;
  incidents: IncidentReview[];
  injects: { scripted: number; fired: { injectId: string; kind: string; at: string; offsetSeconds: number; description: string }[]; notFired: string[] };
  aggregates: {
    incidents: number;
    scoredIncidents: number;
    intervals: IntervalAggregate[];
    checklist: { done: number; doneLate: number; overdue: number; pending: number };
    resources: { required: number; matched: number };
    assignments: { total: number; cancelled: number; breakdowns: number; timedOut: number; declined: number };
  };
  /** The drill's score: each component the mean of the scored incidents' credits; total the mean of their totals. */
  score: ScoreReview | null;
  timeline: TimelineEntry[];
}
