import type { Assignment, Incident } from '../../shared/index.js';

/**
 * The response-time targets the console colours its timers against (DOMAIN.md). A timer turns amber
 * when it passes the target most calls must meet, red when it passes the bound nearly all must meet.
 */
export const RESPONSE_TIME_THRESHOLDS = {
  /**
   * Call processing, report → first unit dispatched. Amber at 60 s: NFPA 1225 (2022) wants 90% within
   * 60 s. Red at 106 s: NFPA 1221 (2016) allowed 106 s for 95%, so past it the call is an outlier.
   */
  callProcessing: { amberMs: 60_000, redMs: 106_000 },
  /**
   * First dispatch → first unit on scene. Amber at 240 s: NFPA 1710 first-engine travel time. Red at
   * 480 s: NFPA 1710 full first-alarm assignment (and ALS unit) on scene.
   */
  dispatchToScene: { amberMs: 240_000, redMs: 480_000 },
} as const;

export type ResponseTimerKind = keyof typeof RESPONSE_TIME_THRESHOLDS;
export type TimerLevel = 'normal' | 'amber' | 'red';

export function timerLevel(elapsedMs: number, kind: ResponseTimerKind): TimerLevel {
  const threshold = RESPONSE_TIME_THRESHOLDS[kind];
  if (elapsedMs >= threshold.redMs) return 'red';
  if (elapsedMs >= threshold.amberMs) return 'amber';
  return 'normal';
}

export interface ResponseTimer {
  kind: ResponseTimerKind;
  elapsedMs: number;
  level: TimerLevel;
  /** False once the interval ended (dispatched, on scene): the timer then shows how long it took. */
  running: boolean;
}

/** When the first unit reached the scene, from the incident's assignments (null while none has). */
export function firstOnSceneAt(assignments: Iterable<Assignment>): string | null {
  let first: string | null = null;
  for (const assignment of assignments) {
    const onScene = assignment.times.on_scene;
    if (onScene !== undefined && (first === null || onScene < first)) first = onScene;
  }
  return first;
}

/**
 * The two timers of an incident: report → first dispatch, and first dispatch → first on scene
 * (null until something was dispatched). Times are server times; `now` is the server clock.
 */
export function incidentTimers(
  incident: Pick<Incident, 'reportedAt' | 'firstDispatchAt'>,
  onSceneAt: string | null,
  now: number,
): { sinceReport: ResponseTimer; sinceDispatch: ResponseTimer | null } {
  const reported = Date.parse(incident.reportedAt);
  const dispatched = incident.firstDispatchAt === null ? null : Date.parse(incident.firstDispatchAt);
  const reportElapsed = Math.max(0, (dispatched ?? now) - reported);
  const sinceReport: ResponseTimer = {
    kind: 'callProcessing',
    elapsedMs: reportElapsed,
    level: timerLevel(reportElapsed, 'callProcessing'),
    running: dispatched === null,
  };
  if (dispatched === null) return { sinceReport, sinceDispatch: null };
  const arrived = onSceneAt === null ? null : Date.parse(onSceneAt);
  const dispatchElapsed = Math.max(0, (arrived ?? now) - dispatched);
  return {
    sinceReport,
    sinceDispatch: {
      kind: 'dispatchToScene',
      elapsedMs: dispatchElapsed,
      level: timerLevel(dispatchElapsed, 'dispatchToScene'),
      running: arrived === null,
    },
  };
}
