import { randomInt } from 'node:crypto';
import {
  DALIAN_SCENARIOS,
  drillIdOf,
  drillUnitId,
  drillWorld,
  fail,
  type Ack,
  type Actor,
  type DrillInfo,
  type DrillStatus,
  type DrillTrainee,
  type AdHocInject,
  type Scenario,
  type ScenarioInject,
  type User,
  type WorldId,
  type WorldState,
} from '../../shared/index.js';
import type { CommandService } from '../commands/command-service.js';
import type { EventStore } from '../store/port.js';
import type { WorldRegistry } from '../world/world-registry.js';
import { createDrillClock, type DrillClock, type DrillClockMode } from './drill-clock.js';
import { clockChanged, creationEvents, type DrillCreation } from './drill-records.js';

/** A drill to create: checked by the caller; field trainees name the live unit whose copy they play. */
export type DrillRequest = Omit<DrillCreation, 'drillId' | 'trainees'> & {
  trainees: (Omit<DrillTrainee, 'unitId'> & { liveUnitId: string | null })[];
};
import { decideInject } from './inject-effects.js';
import { SIMULATED_CREW, simulateUnits } from './unit-simulator.js';

export interface DrillServiceOptions {
  store: EventStore;
  registry: WorldRegistry;
  commands: CommandService;
  scenarios?: readonly Scenario[];
  clockMode: DrillClockMode;
  /** How often the scheduler fires injects and moves simulated crews, in real ms; 0: only on tick(). */
  tickMs: number;
  /** The real clock simulated time is measured against. */
  realNowMs: () => number;
  log: (message: string, error?: unknown) => void;
}

/** Scripted injects and the drill's own bookkeeping are done by the simulation; ad-hoc ones by the instructor's desk. */
const DRILL_SIM: Actor = { userId: 'drill-sim', role: 'system' };
const DRILL_INSTRUCTOR: Actor = { userId: 'drill-instructor', role: 'system' };
/** While running, the drill time is written to the log this often (simulated), so a restart resumes close to it. */
export const CHECKPOINT_MS = 60_000;

interface DrillRuntime {
  clock: DrillClock;
  /** Simulated time of the last clock event written. */
  checkpointMs: number;
}

const empty = () => ({ ok: true as const, events: [], createdIds: [] });

/**
 * Drills: each a world `drill:<id>` with copies of the live units, a simulated clock, injects fired from
 * its scenario and simulated crews for every unit no trainee plays. It is the WorldProvider for drill
 * worlds (owns, userInWorld, clockOf), so the socket handshake, REST reads and command stamping all go
 * through it.
 */
export function createDrillService(options: DrillServiceOptions) {
  const { registry, commands } = options;
  const scenarios = options.scenarios ?? DALIAN_SCENARIOS;
  const runtimes = new Map<string, DrillRuntime>();

  const scenarioOf = (drill: DrillInfo) => scenarios.find((scenario) => scenario.id === drill.scenarioId) ?? null;
  const drillOf = (drillId: string): DrillInfo | null => registry.get(drillWorld(drillId))?.drill ?? null;
  const newClock = (status: DrillStatus, speed: number, simulatedMs: number) =>
    createDrillClock({ status, speed, simulatedMs }, options.clockMode, options.realNowMs);

  /**
   * Writes a clock change, moving the in-memory clock with it inside the command queue. `to: null` keeps
   * the status the drill has when the change is decided (a speed change).
   */
  async function changeClock(drillId: string, actor: Actor, to: DrillStatus | null, from: readonly DrillStatus[], speed?: number): Promise<Ack<null>> {
    const runtime = runtimes.get(drillId);
    if (!runtime) return fail('NOT_FOUND', `no drill ${drillId}`);
    let previous = runtime.clock.reading();
    const result = await commands
      .system(
        drillWorld(drillId),
        (state) => {
          const drill = state.drill;
          if (!drill) return fail('NOT_FOUND', `no drill ${drillId}`);
          if (!from.includes(drill.status)) return fail('ILLEGAL_TRANSITION', `the drill is ${drill.status}; it cannot become ${to ?? 'faster or slower'}`, { status: drill.status });
          previous = runtime.clock.reading();
          const reading = { status: to ?? drill.status, speed: speed ?? drill.speed, simulatedMs: previous.simulatedMs };
          // Moved before the commit so the event is stamped with the new clock (a pause stamps the frozen time).
          runtime.clock.set(reading);
          runtime.checkpointMs = reading.simulatedMs;
          return { ok: true, events: [clockChanged(drillId, reading)], createdIds: [] };
        },
        actor,
      )
      .catch((error: unknown) => {
        runtime.clock.set(previous);
        throw error;
      });
    return result.ok ? { ok: true, data: null } : result;
  }

  /**
   * Fires an inject inside the command queue. A scripted inject fires once and only while the drill
   * runs; an ad-hoc one gets the next `adhoc-<n>` id there, so two at once never share one.
   */
  async function fireInject(drillId: string, inject: AdHocInject | ScenarioInject, actor: Actor): Promise<Ack<{ injectId: string }>> {
    const runtime = runtimes.get(drillId);
    if (!runtime) return fail('NOT_FOUND', `no drill ${drillId}`);
    const scripted = 'id' in inject;
    let injectId = scripted ? inject.id : '';
    const result = await commands.system(
      drillWorld(drillId),
      (state, templates) => {
        const drill = state.drill;
        if (!drill || (scripted && (drill.status !== 'running' || drill.injectsFired.includes(injectId)))) return empty();
        if (drill.status !== 'running' && drill.status !== 'paused') return fail('ILLEGAL_TRANSITION', `the drill is ${drill.status}: injects fire while it runs or is paused`);
        if (!scripted) injectId = `adhoc-${drill.injectsFired.filter((id) => id.startsWith('adhoc-')).length + 1}`;
        return decideInject(state, { ...inject, id: injectId }, { drillId, actor, at: runtime.clock.now().toISOString(), templates });
      },
      actor,
    );
    return result.ok ? { ok: true, data: { injectId } } : result;
  }

  /** One look at one running drill: due injects, simulated crews, and a clock checkpoint. */
  async function tickDrill(drillId: string, runtime: DrillRuntime) {
    const world = drillWorld(drillId);
    const drill = drillOf(drillId);
    if (!drill || drill.status !== 'running') return;
    const scenario = scenarioOf(drill);
    const elapsedMs = runtime.clock.reading().simulatedMs - Date.parse(drill.startsAt);
    for (const inject of scenario?.injects ?? []) {
      if (inject.atMinute * 60_000 <= elapsedMs && !drill.injectsFired.includes(inject.id)) await fireInject(drillId, inject, DRILL_SIM);
    }
    const playedUnitIds = new Set(drill.trainees.flatMap((trainee) => (trainee.unitId ? [trainee.unitId] : [])));
    await commands.system(
      world,
      (state) => (state.drill?.status === 'running' ? simulateUnits(state, runtime.clock.now(), { playedUnitIds, onSceneMinutes: scenario?.onSceneMinutes ?? 40 }) : empty()),
      SIMULATED_CREW,
    );
    const reading = runtime.clock.reading();
    if (reading.simulatedMs - runtime.checkpointMs >= CHECKPOINT_MS) {
      runtime.checkpointMs = reading.simulatedMs;
      await commands.system(world, (state) => (state.drill?.status === 'running' ? { ok: true, events: [clockChanged(drillId, runtime.clock.reading())], createdIds: [] } : empty()), DRILL_SIM);
    }
  }

  /** The latest drill time in the log: the last event of the drill world (every event carries drill time). */
  async function lastSimulatedMs(world: WorldId, drill: DrillInfo): Promise<number> {
    let latest = Date.parse(drill.startsAt);
    for (let afterSeq = 0; ; ) {
      const batch = await options.store.readAfter(afterSeq, 5000, world);
      for (const event of batch) latest = Math.max(latest, Date.parse(event.at));
      if (batch.length < 5000) return latest;
      afterSeq = batch.at(-1)!.seq;
    }
  }

  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<void> | null = null;

  const service = {
    owns: (world: WorldId) => runtimes.has(drillIdOf(world) ?? ''),
    userInWorld(user: User, world: WorldId): User | null {
      const drill = registry.get(world)?.drill;
      if (!drill || !runtimes.has(drill.drillId)) return null;
      if (user.id === drill.instructorId || user.role === 'admin') return { ...user, role: 'instructor', unitId: null };
      const trainee = drill.trainees.find((candidate) => candidate.userId === user.id);
      if (!trainee) return null;
      return trainee.playsAs === 'field' ? { ...user, role: 'field', unitId: trainee.unitId } : { ...user, role: 'dispatcher', unitId: null };
    },
    clockOf(world: WorldId): () => Date {
      const runtime = runtimes.get(drillIdOf(world) ?? '');
      return runtime ? runtime.clock.now : () => new Date(options.realNowMs());
    },
    scenarios: () => scenarios,
    scenarioOf,
    /** Every drill, newest first. */
    list: (): DrillInfo[] => [...runtimes.keys()].flatMap((drillId) => drillOf(drillId) ?? []).reverse(),
    get: drillOf,
    state: (drillId: string): WorldState | undefined => registry.get(drillWorld(drillId)),
    clockReading: (drillId: string) => runtimes.get(drillId)?.clock.reading() ?? null,

    /** Creates the drill world: `drill:created`, then copies of every live unit. Checks are the caller's. */
    async create(request: DrillRequest, actor: Actor): Promise<Ack<{ drillId: string; unitCount: number }>> {
      let drillId = newDrillId();
      while (runtimes.has(drillId) || registry.get(drillWorld(drillId))) drillId = newDrillId();
      const startsAtMs = Date.parse(request.scenario.startsAt);
      // Registered first, so the drill's own first events are stamped with its simulated start.
      runtimes.set(drillId, { clock: newClock('created', 1, startsAtMs), checkpointMs: startsAtMs });
      const trainees = request.trainees.map(({ liveUnitId, ...trainee }) => ({ ...trainee, unitId: liveUnitId ? drillUnitId(drillId, liveUnitId) : null }));
      const liveUnits = [...registry.ensure('live').units.values()];
      const events = creationEvents({ ...request, drillId, trainees }, liveUnits);
      const result = await commands.system(drillWorld(drillId), () => ({ ok: true, events, createdIds: [drillId] }), actor).catch((error: unknown) => {
        runtimes.delete(drillId);
        throw error;
      });
      if (!result.ok) {
        runtimes.delete(drillId);
        return result;
      }
      return { ok: true, data: { drillId, unitCount: liveUnits.length } };
    },
    start: (drillId: string, actor: Actor, speed?: number) => changeClock(drillId, actor, 'running', ['created'], speed),
    pause: (drillId: string, actor: Actor) => changeClock(drillId, actor, 'paused', ['running']),
    resume: (drillId: string, actor: Actor) => changeClock(drillId, actor, 'running', ['paused']),
    setSpeed: (drillId: string, actor: Actor, speed: number) => changeClock(drillId, actor, null, ['created', 'running', 'paused'], speed),
    end: (drillId: string, actor: Actor) => changeClock(drillId, actor, 'ended', ['created', 'running', 'paused']),

    /** An ad-hoc inject from the instructor, fired now; refused unless the drill is running or paused. */
    inject: (drillId: string, inject: AdHocInject) => fireInject(drillId, inject, DRILL_INSTRUCTOR),

    /** Manual clocks (tests): moves the drill's simulated time on. */
    advance(drillId: string, simulatedMs: number): boolean {
      const runtime = runtimes.get(drillId);
      if (!runtime) throw new Error(`no drill ${drillId}`);
      return runtime.clock.advance(simulatedMs);
    },
    /** Looks at every running drill once (the scheduler calls this; tests call it by hand). */
    async tick() {
      for (const [drillId, runtime] of runtimes) await tickDrill(drillId, runtime);
    },

    /**
     * Rebuilds every drill from the log — a drill that was running comes back paused at its last drill
     * time — and starts the scheduler.
     */
    async load() {
      for (const world of registry.worldIds()) {
        const drill = registry.get(world)?.drill;
        if (!drill || runtimes.has(drill.drillId)) continue;
        const simulatedMs = await lastSimulatedMs(world, drill);
        const status = drill.status === 'running' ? 'paused' : drill.status;
        runtimes.set(drill.drillId, { clock: newClock(status, drill.speed, simulatedMs), checkpointMs: simulatedMs });
        if (drill.status === 'running')
          await commands.system(world, () => ({ ok: true, events: [clockChanged(drill.drillId, { status, speed: drill.speed, simulatedMs })], createdIds: [] }), DRILL_SIM);
      }
      if (options.tickMs <= 0 || timer) return;
      timer = setInterval(() => {
        if (ticking) return;
        ticking = service
          .tick()
          .catch((error: unknown) => options.log('drill scheduler failed', error))
          .finally(() => (ticking = null));
      }, options.tickMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await ticking;
    },
  };
  return service;
}
export type DrillService = ReturnType<typeof createDrillService>;

/** Four lower-case letters and digits: short enough to read out, and part of every drill unit's id. */
function newDrillId(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
}
