import { randomUUID } from 'node:crypto';
import {
  decideTimeout,
  evaluateChecklist,
  isIncidentOpen,
  recommendUnits,
  streamOf,
  type Assignment,
  type Decision,
  type NewEvent,
  type WorldId,
  type WorldState,
} from '../../shared/index.js';
import type { CommandService } from '../commands/command-service.js';
import type { WorldDirectory } from '../world/world-directory.js';
import type { WorldRegistry } from '../world/world-registry.js';

export interface DeadlineWatchOptions {
  registry: WorldRegistry;
  worlds: WorldDirectory;
  commands: CommandService;
  /** An assignment not acknowledged within this time (world time) is timed out. */
  ackTimeoutMs: number;
  /** How often to look, in real time; 0 means only when tick() is called (tests). */
  intervalMs: number;
  log: (message: string, error?: unknown) => void;
}

const alertId = () => `ALR-${randomUUID().replaceAll('-', '').slice(0, 12)}`;

/**
 * Watches every world's clock for what is late: an assignment nobody acknowledged (timed out, with the
 * next-best unit suggested) and plan actions past their deadline. Each becomes an `alert:raised` for
 * supervisors, decided inside the command queue so an alert is raised once.
 */
export function createDeadlineWatch(options: DeadlineWatchOptions) {
  const { registry, worlds, commands } = options;

  function timeoutDecision(state: WorldState, assignment: Assignment): Decision {
    const timedOut = decideTimeout(state, assignment.id);
    if (!timedOut.ok) return timedOut;
    const unit = state.units.get(assignment.unitId);
    const incident = state.incidents.get(assignment.incidentId);
    let suggestedUnitId: string | null = null;
    if (unit && incident) {
      const line = state.activations.get(incident.id)?.requirements.find((requirement) => requirement.unitType === unit.type);
      const result = recommendUnits([...state.units.values()], incident.location, [{ unitType: unit.type, count: 1, ...(line?.capability && { capability: line.capability }) }], {}, { excludeUnitIds: [unit.id] });
      suggestedUnitId = result.recommendations[0]?.unitId ?? null;
    }
    const alert: NewEvent = {
      type: 'alert:raised',
      stream: streamOf.incident(assignment.incidentId),
      data: {
        alertId: alertId(),
        incidentId: assignment.incidentId,
        kind: 'assignment_unacknowledged',
        message: `${unit?.callSign ?? assignment.unitId} did not acknowledge ${incident?.code ?? assignment.incidentId} in time`,
        actionId: null,
        assignmentId: assignment.id,
        unitId: assignment.unitId,
        suggestedUnitId,
      },
    };
    return { ok: true, events: [...timedOut.events, alert], createdIds: [] };
  }

  function overdueEvents(state: WorldState, now: Date): NewEvent[] {
    const events: NewEvent[] = [];
    for (const activation of state.activations.values()) {
      const incident = state.incidents.get(activation.incidentId);
      if (!incident || !isIncidentOpen(incident.status)) continue;
      const completions = Object.fromEntries(Object.entries(activation.completions).map(([id, completion]) => [id, completion.at]));
      const checklist = evaluateChecklist({ activatedAt: activation.activatedAt, actions: activation.actions, completions, now: now.toISOString() });
      for (const item of checklist.overdue) {
        if (activation.overdueAlerted.includes(item.action.id)) continue;
        events.push({
          type: 'alert:raised',
          stream: streamOf.incident(incident.id),
          data: {
            alertId: alertId(),
            incidentId: incident.id,
            kind: 'action_overdue',
            message: `${incident.code}: "${item.action.title.en}" was due at ${item.dueAt}`,
            actionId: item.action.id,
            assignmentId: null,
            unitId: null,
            suggestedUnitId: null,
          },
        });
      }
    }
    return events;
  }

  async function checkWorld(world: WorldId) {
    const now = () => worlds.clockOf(world)();
    const state = registry.get(world);
    if (!state || state.drill?.status === 'paused' || state.drill?.status === 'ended') return;
    const late = [...state.assignments.values()].filter(
      (assignment) => assignment.status === 'dispatched' && now().getTime() - Date.parse(assignment.dispatchedAt) >= options.ackTimeoutMs,
    );
    for (const assignment of late)
      await commands.system(world, (current) => {
        const fresh = current.assignments.get(assignment.id);
        // Re-checked inside the queue: it may have been acknowledged meanwhile.
        if (!fresh || fresh.status !== 'dispatched') return { ok: true, events: [], createdIds: [] };
        return timeoutDecision(current, fresh);
      });
    await commands.system(world, (current) => ({ ok: true, events: overdueEvents(current, now()), createdIds: [] }));
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const watch = {
    /** Looks at every world once. */
    async tick() {
      for (const world of registry.worldIds()) await checkWorld(world);
    },
    start() {
      if (options.intervalMs <= 0 || timer) return;
      timer = setInterval(() => {
        if (running) return;
        running = watch
          .tick()
          .catch((error: unknown) => options.log('deadline watch failed', error))
          .finally(() => (running = null));
      }, options.intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
  return watch;
}
