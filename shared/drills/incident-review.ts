import type { UnitType } from '../domain/units.js';
import type { Assignment, Incident, Unit } from '../protocol/entities.js';
import { unitHasCapability } from '../plans/capabilities.js';
import { evaluateChecklist } from '../plans/checklist.js';
import type { PlanActivation } from '../plans/activation.js';
import { assignmentsOfIncident, type WorldState } from '../world/state.js';
import { RESPONSE_TARGETS, travelTarget, turnoutTarget, type ResponseTargetId } from './response-targets.js';
import type { AssignmentReview, IntervalId, IntervalReview, MilestoneId, PlanReview, ResourcesReview } from './after-action-types.js';

/** Assignments that did not respond: they neither count as sent nor start a unit interval. */
const DID_NOT_RESPOND = new Set(['declined', 'timed_out', 'cancelled']);

const seconds = (from: string | null | undefined, to: string | null | undefined) =>
  from && to ? Math.round((Date.parse(to) - Date.parse(from)) / 1000) : null;
const earliest = (times: (string | undefined)[]) => times.filter((time): time is string => time !== undefined).sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
const firstBy = (assignments: Assignment[], status: keyof Assignment['times']) =>
  assignments.filter((assignment) => assignment.times[status] !== undefined).sort((a, b) => Date.parse(a.times[status]!) - Date.parse(b.times[status]!) || a.id.localeCompare(b.id))[0];

/** An incident's assignments as the review lists them, first dispatched first. */
export function reviewAssignments(state: WorldState, incident: Incident, playedUnitIds: ReadonlySet<string>): AssignmentReview[] {
  return assignmentsOfIncident(state, incident.id)
    .sort((a, b) => Date.parse(a.dispatchedAt) - Date.parse(b.dispatchedAt) || a.id.localeCompare(b.id))
    .map((assignment) => {
      const unit = state.units.get(assignment.unitId);
      const { times } = assignment;
      return {
        assignmentId: assignment.id,
        unitId: assignment.unitId,
        callSign: unit?.callSign ?? assignment.unitId,
        unitType: unit?.type ?? 'unknown',
        playedByTrainee: playedUnitIds.has(assignment.unitId),
        status: assignment.status,
        reason: assignment.reason,
        dispatchedBy: assignment.dispatchedBy,
        dispatchedAt: assignment.dispatchedAt,
        acknowledgedAt: times.acknowledged ?? null,
        enRouteAt: times.en_route ?? null,
        onSceneAt: times.on_scene ?? null,
        clearedAt: times.cleared ?? null,
        cancelledAt: times.cancelled ?? null,
        turnoutSeconds: seconds(assignment.dispatchedAt, times.en_route),
        travelSeconds: seconds(times.en_route, times.on_scene),
      };
    });
}

/**
 * The incident's milestones and intervals, from the state at the review time. Unit intervals measure one unit: the first to go en route (turnout), the first on scene (travel), the
 * first ambulance dispatched (departure); their target follows that unit's type.
 */
export function reviewIntervals(state: WorldState, incident: Incident, activation: PlanActivation | undefined) {
  const assignments = assignmentsOfIncident(state, incident.id);
  const unitType = (assignment: Assignment | undefined): UnitType | null => (assignment ? (state.units.get(assignment.unitId)?.type ?? null) : null);
  const firstDispatched = firstBy(assignments, 'dispatched');
  const firstEnRoute = firstBy(assignments, 'en_route');
  const firstOnScene = firstBy(assignments, 'on_scene');
  const firstAmbulance = firstBy(assignments.filter((assignment) => unitType(assignment) === 'ambulance'), 'dispatched');
  const fullFirstAlarmAt = activation ? runCardCompleteAt(state, assignments, activation) : null;
  const milestones: Record<MilestoneId, string | null> = {
    reported: incident.reportedAt,
    verified: incident.verifiedAt,
    'first-dispatch': incident.firstDispatchAt,
    'first-acknowledged': earliest(assignments.map((assignment) => assignment.times.acknowledged)),
    'first-en-route': firstEnRoute?.times.en_route ?? null,
    'first-on-scene': firstOnScene?.times.on_scene ?? null,
    'full-first-alarm': fullFirstAlarmAt,
  };
  const interval = (id: IntervalId, from: IntervalReview['from'], to: IntervalReview['to'], start: string | null, end: string | null, target: ResponseTargetId | null, unitId: string | null = null): IntervalReview => {
    const applicable = start !== null;
    const value = applicable ? seconds(start, end) : null;
    const targetSeconds = applicable && target ? RESPONSE_TARGETS[target].seconds : null;
    return {
      id,
      from,
      to,
      applicable,
      seconds: value,
      targetSeconds,
      standard: targetSeconds !== null && target ? RESPONSE_TARGETS[target].standard : null,
      met: targetSeconds === null ? null : value !== null && value <= targetSeconds,
      unitId,
    };
  };
  // The unit measured for turnout is the first to leave; if none left yet, the first dispatched (it is late).
  const turnoutUnit = firstEnRoute ?? firstDispatched;
  const travelUnit = firstOnScene ?? firstEnRoute;
  const typeTarget = (assignment: Assignment | undefined, pick: (type: UnitType) => ResponseTargetId | null) => {
    const type = unitType(assignment);
    return type ? pick(type) : null;
  };
  const intervals: IntervalReview[] = [
    interval('verification', 'reported', 'verified', milestones.reported, milestones.verified, null),
    interval('call-processing', 'reported', 'first-dispatch', milestones.reported, milestones['first-dispatch'], 'callProcessing'),
    interval('acknowledgement', 'first-dispatch', 'first-acknowledged', milestones['first-dispatch'], milestones['first-acknowledged'], null),
    interval('turnout', 'unit-dispatched', 'unit-en-route', turnoutUnit?.dispatchedAt ?? null, turnoutUnit?.times.en_route ?? null, typeTarget(turnoutUnit, turnoutTarget), turnoutUnit?.unitId ?? null),
    interval('travel', 'unit-en-route', 'unit-on-scene', travelUnit?.times.en_route ?? null, travelUnit?.times.on_scene ?? null, typeTarget(travelUnit, travelTarget), travelUnit?.unitId ?? null),
    interval('first-on-scene', 'reported', 'first-on-scene', milestones.reported, milestones['first-on-scene'], null),
    interval('full-first-alarm', 'first-en-route', 'full-first-alarm', activation ? milestones['first-en-route'] : null, fullFirstAlarmAt, 'fullFirstAlarm'),
    interval('ambulance-departure', 'unit-dispatched', 'unit-en-route', firstAmbulance?.dispatchedAt ?? null, firstAmbulance?.times.en_route ?? null, 'ambulanceDeparture', firstAmbulance?.unitId ?? null),
  ];
  return { milestones, intervals };
}

/** When the units on scene first filled every line of the plan's run card; null if they never did. */
function runCardCompleteAt(state: WorldState, assignments: Assignment[], activation: PlanActivation): string | null {
  const arrivals = assignments
    .filter((assignment) => assignment.times.on_scene !== undefined)
    .sort((a, b) => Date.parse(a.times.on_scene!) - Date.parse(b.times.on_scene!));
  const onScene: Unit[] = [];
  for (const assignment of arrivals) {
    const unit = state.units.get(assignment.unitId);
    if (!unit) continue;
    onScene.push(unit);
    const filled = fillRunCard(activation.requirements, onScene);
    if (filled.every((line) => line.sent >= line.required)) return assignment.times.on_scene!;
  }
  return null;
}

/**
 * Fills the run card's lines with units, each unit filling one line: lines that ask for a capability
 * first (a plain line can take any unit of the type, a capability line cannot), then in the plan's order.
 */
export function fillRunCard(requirements: PlanActivation['requirements'], units: readonly Unit[]): ResourcesReview['lines'] {
  const order = requirements.map((requirement, index) => ({ requirement, index })).sort((a, b) => Number(a.requirement.capability === undefined) - Number(b.requirement.capability === undefined) || a.index - b.index);
  const used = new Set<string>();
  const lines: ResourcesReview['lines'] = requirements.map((requirement) => ({ unitType: requirement.unitType, capability: requirement.capability ?? null, required: requirement.count, sent: 0 }));
  for (const { requirement, index } of order) {
    for (const unit of units) {
      if (lines[index]!.sent >= requirement.count) break;
      if (used.has(unit.id) || unit.type !== requirement.unitType || !unitHasCapability(unit.capabilities, requirement.capability)) continue;
      used.add(unit.id);
      lines[index]!.sent += 1;
    }
  }
  return lines;
}

/** Required (the plan's run card at the end) against sent (units that responded). */
export function reviewResources(state: WorldState, incident: Incident, activation: PlanActivation): ResourcesReview {
  const sent = new Map<string, Unit>();
  for (const assignment of assignmentsOfIncident(state, incident.id)) {
    const unit = state.units.get(assignment.unitId);
    if (unit && !DID_NOT_RESPOND.has(assignment.status)) sent.set(unit.id, unit);
  }
  const units = [...sent.values()].sort((a, b) => a.id.localeCompare(b.id));
  const lines = fillRunCard(activation.requirements, units);
  const sentByType: Record<string, number> = {};
  for (const unit of units) sentByType[unit.type] = (sentByType[unit.type] ?? 0) + 1;
  return { lines, required: lines.reduce((sum, line) => sum + line.required, 0), matched: lines.reduce((sum, line) => sum + line.sent, 0), sentByType };
}

/** The plan's checklist evaluated at `at`. */
export function reviewPlan(activation: PlanActivation, at: string, expectedPlans: readonly string[] | null): PlanReview {
  const completions = Object.fromEntries(Object.entries(activation.completions).map(([id, completion]) => [id, completion.at]));
  const checklist = evaluateChecklist({ activatedAt: activation.activatedAt, actions: activation.actions, completions, now: at });
  const count = (status: string) => checklist.items.filter((item) => item.status === status).length;
  return {
    planId: activation.planId,
    name: activation.name,
    expected: expectedPlans === null || expectedPlans.includes(activation.planId),
    activatedAt: activation.activatedAt,
    items: checklist.items.map((item) => ({
      actionId: item.action.id,
      title: item.action.title,
      responsible: item.action.responsible,
      deadlineMinutes: item.action.deadlineMinutes,
      dueAt: item.dueAt,
      status: item.status,
      completedAt: item.completedAt,
      completedBy: item.completedAt ? (activation.completions[item.action.id]?.by ?? null) : null,
      minutesLate: item.minutesLate,
    })),
    done: count('done'),
    doneLate: count('done_late'),
    overdue: count('overdue'),
    pending: count('pending'),
  };
}
