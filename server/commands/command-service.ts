import { createHash, randomUUID } from 'node:crypto';
import {
  authorize,
  decide,
  fail,
  type Ack,
  type Actor,
  type Command,
  type CommandResult,
  type Decision,
  type StoredEvent,
  type User,
  type PlanLibrary,
  type WorldId,
  type WorldState,
} from '../../shared/index.js';
import { DuplicateCommandError, StreamConflictError, type EventStore } from '../store/port.js';
import type { WorldRegistry } from '../world/world-registry.js';

export interface CommandServiceOptions {
  store: EventStore;
  registry: WorldRegistry;
  /** The clock of each world: events are stamped with their world's time (drills run on simulated time). */
  clockOf: (world: WorldId) => () => Date;
  /** Called, in sequence order, with every batch of committed events. */
  onCommitted: (events: StoredEvent[]) => void;
  /** Take a snapshot every this many events (0: never). */
  snapshotEvery: number;
  log: (message: string, error?: unknown) => void;
}

export const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'system' };

/**
 * Runs commands one at a time: idempotency check, authorisation, decide, durable append, fold into the
 * live state, publish. Acks are answered only after the append has committed.
 */
export function createCommandService(options: CommandServiceOptions) {
  const { store, registry } = options;
  let queue: Promise<unknown> = Promise.resolve();
  let sinceSnapshot = 0;
  /** Every world matches incidents against the live world's plan library. */
  const planLibrary = () => [...registry.ensure('live').templates.values()];

  /** Serialises work so that decide always sees the state every earlier command left. */
  function serially<T>(work: () => Promise<T>): Promise<T> {
    const result = queue.then(work, work);
    queue = result.catch(() => undefined);
    return result;
  }

  async function commit(
    world: WorldId,
    actor: Actor,
    decision: Extract<Decision, { ok: true }>,
    idempotency?: { key: string; fingerprint: string },
  ): Promise<Ack<CommandResult>> {
    if (decision.events.length === 0) return { ok: true, data: { lastSeq: registry.seq(), createdIds: decision.createdIds, replayed: false } };
    const expectedVersions = new Map<string, number>();
    for (const event of decision.events) {
      if (!expectedVersions.has(event.stream)) expectedVersions.set(event.stream, registry.streamVersion(event.stream));
    }
    let stored: StoredEvent[];
    try {
      stored = await store.append({
        world,
        actor,
        at: options.clockOf(world)().toISOString(),
        events: decision.events,
        expectedVersions,
        ...(idempotency && {
          idempotency: { actorId: actor.userId, key: idempotency.key, fingerprint: idempotency.fingerprint, createdIds: decision.createdIds },
        }),
      });
    } catch (error) {
      if (error instanceof StreamConflictError || error instanceof DuplicateCommandError)
        return fail('CONFLICT', 'another writer changed this first; reload and try again');
      throw error;
    }
    for (const event of stored) registry.apply(event);
    options.onCommitted(stored);
    sinceSnapshot += stored.length;
    if (options.snapshotEvery > 0 && sinceSnapshot >= options.snapshotEvery) {
      sinceSnapshot = 0;
      await store.saveSnapshot(registry.serialize());
    }
    return { ok: true, data: { lastSeq: stored.at(-1)?.seq ?? 0, createdIds: decision.createdIds, replayed: false } };
  }

  return {
    /** A user's command, with its idempotency key. */
    execute(user: User, world: WorldId, command: Command): Promise<Ack<CommandResult>> {
      return serially(async () => {
        const { idempotencyKey: clientKey, ...rest } = command.payload;
        // Keys are scoped to their world: the same key in live operations and in a drill are two commands.
        const idempotencyKey = world === 'live' ? clientKey : `${world}/${clientKey}`;
        const fingerprint = createHash('sha256').update(command.type).update(JSON.stringify(rest)).digest('base64url');
        const previous = await store.findCommand(user.id, idempotencyKey);
        if (previous) {
          if (previous.fingerprint !== fingerprint)
            return fail('IDEMPOTENCY_MISMATCH', 'this idempotency key was already used for a different command');
          return { ok: true, data: { lastSeq: previous.lastSeq, createdIds: previous.createdIds, replayed: true } };
        }
        const state = registry.get(world);
        if (!state) return fail('WRONG_WORLD', `world ${world} does not exist`);
        const denied = authorize(user, world, command, state);
        if (denied) return { ok: false, error: denied };
        const decision = decide(state, command, { actor: actorOf(user), newId, templates: planLibrary(), actorUnitId: user.role === 'field' ? user.unitId : null });
        if (!decision.ok) return decision;
        return commit(world, actorOf(user), decision, { key: idempotencyKey, fingerprint });
      });
    },
    /**
     * A decision the server makes itself (seeding, time-outs, simulation): decided against the
     * current state inside the queue, so it cannot race user commands.
     */
    system(world: WorldId, decideFor: (state: WorldState, templates: PlanLibrary) => Decision, actor: Actor = SYSTEM_ACTOR) {
      return serially(async (): Promise<Ack<CommandResult>> => {
        const decision = decideFor(registry.ensure(world), planLibrary());
        if (!decision.ok) return decision;
        return commit(world, actor, decision);
      });
    },
    /** Resolves when every queued command has finished. */
    idle: () => serially(async () => undefined),
  };
}
export type CommandService = ReturnType<typeof createCommandService>;

export function actorOf(user: User): Actor {
  return { userId: user.id, role: user.role };
}

/** Ids are short, random and carry their kind, e.g. `INC-3f9c2a7b1d`. */
export function newId(kind: 'incident' | 'assignment'): string {
  const prefix = kind === 'incident' ? 'INC' : 'ASG';
  return `${prefix}-${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}
