import { needsUpwardReport, type Level } from '../domain/levels.js';
import { UPWARD_REPORT_ACTION_ID } from '../plans/template.js';
import { SCORE_WEIGHTS, type ScoreComponentId } from './response-targets.js';
import type { IntervalReview, PlanReview, ResourcesReview, ScoreComponentReview, ScoreReview } from './after-action-types.js';

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Credit for one interval with a target: 1 when met, linear to 0 at twice the target, 0 if never reached. */
export function intervalCredit(interval: IntervalReview): number | null {
  if (!interval.applicable || interval.targetSeconds === null) return null;
  if (interval.seconds === null) return 0;
  if (interval.seconds <= interval.targetSeconds) return 1;
  return Math.max(0, (2 * interval.targetSeconds - interval.seconds) / interval.targetSeconds);
}

export interface ScoreInput {
  intervals: IntervalReview[];
  plan: PlanReview | null;
  /** Whether a plan template matches the incident; without one, plan-based components do not apply. */
  planExpected: boolean;
  resources: ResourcesReview | null;
  levels: readonly Level[];
}

/** An incident's score (the formula is {@link SCORE_WEIGHTS}'s, documented in docs/drills.md). */
export function scoreIncident({ intervals, plan, planExpected, resources, levels }: ScoreInput): ScoreReview {
  const credits = intervals.flatMap((interval) => {
    const credit = intervalCredit(interval);
    return credit === null ? [] : [{ id: interval.id, credit }];
  });
  const timeliness = credits.length === 0 ? null : credits.reduce((sum, entry) => sum + entry.credit, 0) / credits.length;
  const timelinessDetail = credits.map((entry) => `${entry.id} ${round1(entry.credit * 100)}%`).join(', ') || 'no interval with a target applies';

  const due = plan ? plan.done + plan.doneLate + plan.overdue : 0;
  const checklist = !plan ? (planExpected ? 0 : null) : due === 0 ? null : (plan.done + plan.doneLate / 2) / due;
  const checklistDetail = plan
    ? `${plan.done} on time, ${plan.doneLate} late, ${plan.overdue} overdue of ${due} due (${plan.pending} not yet due)`
    : planExpected ? 'no plan was activated (the incident was never verified)' : 'no plan template matches this incident';

  const resourceCredit = !plan ? (planExpected ? 0 : null) : resources && resources.required > 0 ? resources.matched / resources.required : null;
  const resourceDetail = resources ? `${resources.matched} of ${resources.required} required units sent` : checklistDetail;

  const planCredit = plan ? (plan.expected ? 1 : 0.5) : planExpected ? 0 : null;
  const upward = plan?.items.find((item) => item.actionId === UPWARD_REPORT_ACTION_ID);
  const upwardRequired = levels.some(needsUpwardReport);
  const upwardCredit = !upwardRequired ? 1 : upward?.status === 'done' ? 1 : upward?.status === 'done_late' ? 0.5 : 0;
  const escalation = planCredit === null ? upwardCredit : 0.4 * planCredit + 0.6 * upwardCredit;
  const escalationDetail = [
    plan ? `plan ${plan.planId} ${plan.expected ? 'is one the scenario expects' : 'is not one the scenario expects'}` : planCredit === 0 ? 'no plan activated' : 'no plan applies',
    upwardRequired ? `upward report ${upward ? upward.status.replace('_', ' ') : 'not in the plan'}` : 'no upward report required (never level I/II)',
  ].join('; ');

  return combine({
    timeliness: [timeliness, timelinessDetail],
    checklist: [checklist, checklistDetail],
    resources: [resourceCredit, resourceDetail],
    escalationReporting: [escalation, escalationDetail],
  });
}

/** Weighted sum of the components that apply, scaled to 100. */
export function combine(parts: Record<ScoreComponentId, [number | null, string]>): ScoreReview {
  const components: ScoreComponentReview[] = (Object.keys(SCORE_WEIGHTS) as ScoreComponentId[]).map((id) => {
    const [credit, detail] = parts[id];
    const weight = SCORE_WEIGHTS[id];
    return { id, weight, credit: credit === null ? null : round3(credit), points: credit === null ? null : round1(weight * credit), detail };
  });
  const applicable = components.filter((component) => component.credit !== null);
  const weights = applicable.reduce((sum, component) => sum + component.weight, 0);
  const earned = applicable.reduce((sum, component) => sum + component.weight * parts[component.id][0]!, 0);
  return { total: weights === 0 ? 0 : round1((100 * earned) / weights), components };
}

/** The drill's score: each component the mean of the incidents' credits; the total the mean of their totals. */
export function scoreDrill(scores: readonly ScoreReview[]): ScoreReview | null {
  if (scores.length === 0) return null;
  const components = (Object.keys(SCORE_WEIGHTS) as ScoreComponentId[]).map((id): ScoreComponentReview => {
    const credits = scores.flatMap((score) => score.components.filter((component) => component.id === id && component.credit !== null).map((component) => component.credit!));
    const credit = credits.length === 0 ? null : credits.reduce((sum, value) => sum + value, 0) / credits.length;
    return {
      id,
      weight: SCORE_WEIGHTS[id],
      credit: credit === null ? null : round3(credit),
      points: credit === null ? null : round1(SCORE_WEIGHTS[id] * credit),
      detail: `mean over ${credits.length} incident(s)`,
    };
  });
  return { total: round1(scores.reduce((sum, score) => sum + score.total, 0) / scores.length), components };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
