import type { Level } from '../domain/levels.js';
import type { StoredEvent } from '../protocol/events.js';
import type { WorldId } from '../protocol/entities.js';
import { matchTemplate } from '../plans/matching.js';
import type { PlanTemplate } from '../plans/template.js';
import { evolve } from '../world/evolve.js';
import { emptyWorld, type WorldState } from '../world/state.js';
import type { AfterActionReview, IncidentReview, IntervalAggregate, IntervalId, TimelineEntry } from './after-action-types.js';
import { refOfIncident } from './drill-ids.js';
import { reviewAssignments, reviewIntervals, reviewPlan, reviewResources } from './incident-review.js';
import { RESPONSE_TARGETS, SCORE_WEIGHTS } from './response-targets.js';
import { scoreDrill, scoreIncident } from './review-score.js';
import { belongsInTimeline, timelineEntry } from './review-timeline.js';
import type { Scenario } from './scenario.js';

export interface AfterActionInput {
  world: WorldId;
  /** The drill world's events in log order (`store.readAfter(0, n, world)`). */
  events: readonly StoredEvent[];
  /** The scenario the drill ran, if it is still known. */
  scenario: Scenario | null;
  /** The plan library, to tell an incident no plan fits from one whose plan was never activated. */
  templates: readonly PlanTemplate[];
  /** The drill time to evaluate at; events after it are left out. Default: the last event's time. */
  at?: string;
}

const INTERVAL_IDS: IntervalId[] = ['verification', 'call-processing', 'acknowledgement', 'turnout', 'travel', 'first-on-scene', 'full-first-alarm', 'ambulance-departure'];

/**
 * The after-action review of a drill, from its events alone: per incident the intervals against their
 * targets, the plan checklist at the review time, resources required against sent, a score with its
 * breakdown and the timeline; for the drill, the aggregates and the overall score. Pure and deterministic.
 */
export function afterActionReview(input: AfterActionInput): AfterActionReview {
  const limitMs = input.at === undefined ? Infinity : Date.parse(input.at);
  const state = emptyWorld(input.world);
  const levels = new Map<string, Level[]>();
  const fired: AfterActionReview['injects']['fired'] = [];
  const kept: StoredEvent[] = [];
  let previousClock: { status: string; speed: number } | null = null;
  const timelineEvents: StoredEvent[] = [];
  for (const event of input.events) {
    if (event.world !== input.world || Date.parse(event.at) > limitMs) continue;
    evolve(state, event);
    kept.push(event);
    if (event.type === 'incident:reported') levels.set(event.data.incidentId, [event.data.level]);
    if (event.type === 'incident:level-changed') levels.get(event.data.incidentId)?.push(event.data.to);
    if (belongsInTimeline(event, previousClock)) timelineEvents.push(event);
    if (event.type === 'drill:clock-changed') previousClock = { status: event.data.status, speed: event.data.speed };
  }
  const drill = state.drill;
  if (!drill) throw new Error(`${input.world} holds no drill`);
  const startsAtMs = Date.parse(drill.startsAt);
  const evaluatedAt = input.at ?? kept.at(-1)?.at ?? drill.startsAt;
  for (const event of kept)
    if (event.type === 'drill:inject-fired')
      fired.push({ injectId: event.data.injectId, kind: event.data.kind, at: event.at, offsetSeconds: Math.round((Date.parse(event.at) - startsAtMs) / 1000), description: event.data.description });

  const timeline: TimelineEntry[] = timelineEvents.map((event) => timelineEntry(event, state, startsAtMs));
  const played = new Set(drill.trainees.flatMap((trainee) => (trainee.unitId ? [trainee.unitId] : [])));
  const incidents = [...state.incidents.values()]
    .sort((a, b) => Date.parse(a.reportedAt) - Date.parse(b.reportedAt) || a.code.localeCompare(b.code))
    .map((incident) => reviewIncident(state, incident.id, { levels: levels.get(incident.id) ?? [incident.level], played, input, evaluatedAt, timeline }));
  const scored = incidents.filter((incident) => incident.scored);
  const firedIds = new Set(fired.map((entry) => entry.injectId));
  return {
    drillId: drill.drillId,
    world: input.world,
    name: drill.name,
    scenarioId: drill.scenarioId,
    scenarioName: input.scenario?.name ?? null,
    status: drill.status,
    provisional: drill.status !== 'ended',
    startsAt: drill.startsAt,
    evaluatedAt,
    elapsedMinutes: Math.round(((Date.parse(evaluatedAt) - startsAtMs) / 60_000) * 10) / 10,
    targets: RESPONSE_TARGETS,
    weights: { ...SCORE_WEIGHTS },
    incidents,
    injects: { scripted: input.scenario?.injects.length ?? 0, fired, notFired: (input.scenario?.injects ?? []).map((inject) => inject.id).filter((id) => !firedIds.has(id)) },
    aggregates: aggregate(state, incidents, scored),
    score: scoreDrill(scored.map((incident) => incident.score)),
    timeline,
  };
}

interface IncidentContext {
  levels: Level[];
  played: ReadonlySet<string>;
  input: AfterActionInput;
  evaluatedAt: string;
  timeline: TimelineEntry[];
}

function reviewIncident(state: WorldState, incidentId: string, context: IncidentContext): IncidentReview {
  const incident = state.incidents.get(incidentId)!;
  const drillId = state.drill!.drillId;
  const activation = state.activations.get(incident.id);
  const planExpected = activation !== undefined || matchTemplate(context.input.templates, incident) !== null;
  const plan = activation ? reviewPlan(activation, context.evaluatedAt, context.input.scenario?.expectedPlans ?? null) : null;
  const resources = activation ? reviewResources(state, incident, activation) : null;
  const { milestones, intervals } = reviewIntervals(state, incident, activation);
  const ref = refOfIncident(drillId, incident.id);
  const source = ref === null ? 'trainee' : 'inject';
  return {
    incidentId: incident.id,
    code: incident.code,
    ref,
    source,
    category: incident.category,
    subtype: incident.subtype,
    initialLevel: context.levels[0] ?? incident.level,
    level: incident.level,
    levels: context.levels,
    status: incident.status,
    description: incident.description,
    location: incident.location,
    casualties: incident.casualties,
    // A trainee's own report rejected as a false alarm, or any duplicate merged away, is not an incident to score.
    scored: incident.status !== 'merged' && !(source === 'trainee' && incident.status === 'rejected'),
    milestones,
    intervals,
    assignments: reviewAssignments(state, incident, context.played),
    plan,
    planExpected,
    resources,
    score: scoreIncident({ intervals, plan, planExpected, resources, levels: context.levels }),
    timeline: context.timeline.filter((entry) => entry.incidentId === incident.id),
  };
}

function aggregate(state: WorldState, incidents: IncidentReview[], scored: IncidentReview[]): AfterActionReview['aggregates'] {
  const intervals = INTERVAL_IDS.map((id): IntervalAggregate => {
    const all = scored.flatMap((incident) => incident.intervals.filter((interval) => interval.id === id && interval.applicable));
    const values = all.flatMap((interval) => (interval.seconds === null ? [] : [interval.seconds]));
    const met = all.filter((interval) => interval.met === true).length;
    const missed = all.filter((interval) => interval.met === false).length;
    return {
      id,
      applicable: all.length,
      measured: values.length,
      met,
      missed,
      meanSeconds: values.length === 0 ? null : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10,
      maxSeconds: values.length === 0 ? null : Math.max(...values),
      percentMet: met + missed === 0 ? null : Math.round((1000 * met) / (met + missed)) / 10,
    };
  });
  const sum = (pick: (incident: IncidentReview) => number) => scored.reduce((total, incident) => total + pick(incident), 0);
  const assignments = [...state.assignments.values()];
  return {
    incidents: incidents.length,
    scoredIncidents: scored.length,
    intervals,
    checklist: {
      done: sum((incident) => incident.plan?.done ?? 0),
      doneLate: sum((incident) => incident.plan?.doneLate ?? 0),
      overdue: sum((incident) => incident.plan?.overdue ?? 0),
      pending: sum((incident) => incident.plan?.pending ?? 0),
    },
    resources: { required: sum((incident) => incident.resources?.required ?? 0), matched: sum((incident) => incident.resources?.matched ?? 0) },
    assignments: {
      total: assignments.length,
      cancelled: assignments.filter((assignment) => assignment.status === 'cancelled').length,
      breakdowns: assignments.filter((assignment) => assignment.status === 'cancelled' && assignment.reason === 'breakdown').length,
      timedOut: assignments.filter((assignment) => assignment.status === 'timed_out').length,
      declined: assignments.filter((assignment) => assignment.status === 'declined').length,
    },
  };
}
