import type { DrillStatus } from '../../shared/index.js';

/** The fastest a drill may run: one simulated hour per real minute. */
export const MAX_DRILL_SPEED = 60;

/** What a drill clock reads: its status, speed and simulated time (ms since epoch). */
export interface DrillClockReading {
  status: DrillStatus;
  speed: number;
  simulatedMs: number;
}

/**
 * `real`: simulated time runs at `speed` × the real clock while the drill runs. `manual`: it moves only
 * when a test calls {@link DrillClock.advance}, so a test's figures do not depend on how fast it runs.
 */
export type DrillClockMode = 'real' | 'manual';

/**
 * One drill's simulated clock. While running, simulated = anchor + real elapsed × speed; paused, created
 * and ended clocks hold still. Every change re-anchors at the current reading, so a speed change never
 * jumps the time.
 */
export function createDrillClock(initial: DrillClockReading, mode: DrillClockMode, realNowMs: () => number) {
  let status = initial.status;
  let speed = initial.speed;
  let anchorSimulatedMs = initial.simulatedMs;
  let anchorRealMs = realNowMs();

  const nowMs = () =>
    status === 'running' && mode === 'real' ? anchorSimulatedMs + (realNowMs() - anchorRealMs) * speed : anchorSimulatedMs;

  const clock = {
    mode,
    now: () => new Date(Math.floor(nowMs())),
    reading: (): DrillClockReading => ({ status, speed, simulatedMs: Math.floor(nowMs()) }),
    /** Takes the reading of a committed `drill:clock-changed`: the clock follows the log, never leads it. */
    set(reading: DrillClockReading) {
      if (reading.speed < 1 || reading.speed > MAX_DRILL_SPEED) throw new RangeError(`speed ${reading.speed} is outside 1–${MAX_DRILL_SPEED}`);
      status = reading.status;
      speed = reading.speed;
      anchorSimulatedMs = reading.simulatedMs;
      anchorRealMs = realNowMs();
    },
    /** Manual mode only: moves a running clock on by `simulatedMs`. Returns false when it did not move. */
    advance(simulatedMs: number): boolean {
      if (mode !== 'manual') throw new Error('advance() is for drill clocks in manual mode (tests)');
      if (status !== 'running' || simulatedMs <= 0) return false;
      anchorSimulatedMs += simulatedMs;
      return true;
    },
  };
  return clock;
}
export type DrillClock = ReturnType<typeof createDrillClock>;
