import type { PlanAction } from './template.js';

/** Where one checklist action stands at a given instant. */
export type ActionStatus = 'done' | 'done_late' | 'pending' | 'overdue';

/** One action with its deadline and status. */
export interface ChecklistItem {
  action: PlanAction;
  dueAt: string;
  status: ActionStatus;
  completedAt: string | null;
  /** Minutes past the deadline: when it was done late, or how long it has been overdue; else 0. */
  minutesLate: number;
}

/** A plan's checklist evaluated at one instant. */
export interface Checklist {
  items: ChecklistItem[];
  /** Overdue items, earliest deadline first. */
  overdue: ChecklistItem[];
  /** The open item due soonest that is not yet overdue, for a countdown; null when none. */
  nextDue: ChecklistItem | null;
  /** Completions recorded for ids the template does not have (e.g. after a revision dropped them). */
  unknownActionIds: string[];
}

/** Inputs of {@link evaluateChecklist}; every time is an ISO 8601 string with offset. */
export interface ChecklistInput {
  activatedAt: string;
  actions: readonly PlanAction[];
  /** When each completed action was done, keyed by action id. */
  completions: Readonly<Record<string, string>>;
  /** The instant to evaluate at; passed in so the result depends on nothing else. */
  now: string;
}

/**
 * Deadlines and statuses of a plan's actions at `now`. A deadline is met at its own instant (done at
 * dueAt is on time; still open at dueAt is pending). A completion later than `now` is ignored, so the
 * same history can be replayed at any earlier instant, as a drill debrief does.
 */
export function evaluateChecklist({ activatedAt, actions, completions, now }: ChecklistInput): Checklist {
  const activatedMs = parseInstant(activatedAt, 'activatedAt');
  const nowMs = parseInstant(now, 'now');
  const items = actions.map((action): ChecklistItem => {
    const dueMs = activatedMs + action.deadlineMinutes * 60_000;
    const completedAt = completions[action.id];
    const base = { action, dueAt: new Date(dueMs).toISOString() };
    const completedMs = completedAt === undefined ? null : parseInstant(completedAt, `completions.${action.id}`);
    if (completedAt !== undefined && completedMs !== null && completedMs <= nowMs) {
      const late = completedMs > dueMs;
      return { ...base, status: late ? 'done_late' : 'done', completedAt, minutesLate: late ? minutesBetween(dueMs, completedMs) : 0 };
    }
    const overdue = nowMs > dueMs;
    return { ...base, status: overdue ? 'overdue' : 'pending', completedAt: null, minutesLate: overdue ? minutesBetween(dueMs, nowMs) : 0 };
  });
  const known = new Set(actions.map((action) => action.id));
  const byDeadline = (a: ChecklistItem, b: ChecklistItem) => a.action.deadlineMinutes - b.action.deadlineMinutes;
  return {
    items,
    overdue: items.filter((item) => item.status === 'overdue').sort(byDeadline),
    nextDue: items.filter((item) => item.status === 'pending').sort(byDeadline)[0] ?? null,
    unknownActionIds: Object.keys(completions).filter((id) => !known.has(id)),
  };
}

function parseInstant(value: string, field: string): number {
  const ms = Date.parse(value);
  // A bad timestamp would otherwise turn every deadline into NaN and every action silently "pending".
  if (Number.isNaN(ms)) throw new RangeError(`${field} is not an ISO 8601 time: ${value}`);
  return ms;
}

/** Whole minutes from one instant to a later one, rounded up so a second late counts as late. */
function minutesBetween(fromMs: number, toMs: number): number {
  return Math.ceil((toMs - fromMs) / 60_000);
}
