import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, StoredEvent } from '../../shared/index.js';
import type { WorldRegistry } from '../world/world-registry.js';
import { audienceOf } from './audience.js';

/**
 * Fans committed events out to their rooms. Each delivery carries `prev`, the sequence number of the
 * previous event sent to that room, so a client can tell a gap from events that were never its own.
 */
export function createPublisher(io: Server<ClientToServerEvents, ServerToClientEvents>, registry: WorldRegistry) {
  const lastSentToRoom = new Map<string, number>();
  return {
    publish(events: StoredEvent[]) {
      for (const event of events) {
        const state = registry.get(event.world);
        if (!state) continue;
        for (const room of audienceOf(event, state)) {
          const delivered = { ...event, prev: lastSentToRoom.get(room) ?? 0 };
          lastSentToRoom.set(room, event.seq);
          // The typed emit cannot narrow a union of event names; the envelope matches its own name.
          (io.to(room).emit as (name: string, payload: unknown) => void)(event.type, delivered);
        }
      }
    },
  };
}
