import {
  emptyWorld,
  evolve,
  serializeWorld,
  worldFromSnapshot,
  type SerializedWorld,
  type StoredEvent,
  type WorldId,
  type WorldState,
} from '../../shared/index.js';
import type { EventStore } from '../store/port.js';

interface RegistrySnapshot {
  worlds: SerializedWorld[];
  streamVersions: [string, number][];
}

/**
 * The server's live picture: one WorldState per world, plus the current version of every stream (the
 * expected versions of the next append). Built at start-up from the latest snapshot and the log's tail.
 */
export function createWorldRegistry() {
  const worlds = new Map<WorldId, WorldState>();
  const streamVersions = new Map<string, number>();
  let seq = 0;

  const registry = {
    get(world: WorldId): WorldState | undefined {
      return worlds.get(world);
    },
    /** The world, created empty if it has no events yet. */
    ensure(world: WorldId): WorldState {
      let state = worlds.get(world);
      if (!state) worlds.set(world, (state = emptyWorld(world)));
      return state;
    },
    worldIds: () => [...worlds.keys()],
    streamVersion: (stream: string) => streamVersions.get(stream) ?? 0,
    /** Sequence number of the last event applied, across all worlds. */
    seq: () => seq,
    apply(event: StoredEvent) {
      evolve(registry.ensure(event.world), event);
      streamVersions.set(event.stream, event.version);
      seq = Math.max(seq, event.seq);
    },
    serialize(): { seq: number; state: RegistrySnapshot } {
      return {
        seq,
        state: { worlds: [...worlds.values()].map(serializeWorld), streamVersions: [...streamVersions] },
      };
    },
    restore(snapshotSeq: number, state: RegistrySnapshot) {
      worlds.clear();
      streamVersions.clear();
      for (const world of state.worlds) worlds.set(world.world, worldFromSnapshot(world));
      for (const [stream, version] of state.streamVersions) streamVersions.set(stream, version);
      seq = snapshotSeq;
    },
    /** Loads the newest snapshot, then folds in every later event. */
    async load(store: EventStore, batchSize = 5000) {
      const snapshot = await store.latestSnapshot();
      if (snapshot) registry.restore(snapshot.seq, snapshot.state as RegistrySnapshot);
      for (;;) {
        const batch = await store.readAfter(seq, batchSize);
        for (const event of batch) registry.apply(event);
        if (batch.length < batchSize) break;
      }
    },
  };
  return registry;
}
export type WorldRegistry = ReturnType<typeof createWorldRegistry>;
