import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Ack,
  type ClientToServerEvents,
  type CommandInput,
  type CommandName,
  type CommandResult,
  type DeliveredEvent,
  type RequestName,
  type RequestResults,
  type ServerToClientEvents,
  type WorldId,
} from '../../shared/index.js';
import { EVENT_NAMES as ALL_EVENT_NAMES } from '../../shared/protocol/events.js';
import type { WorldStore } from '../store/world-store.js';

export type ConnectionState = 'connecting' | 'syncing' | 'online' | 'offline' | 'refused';

/** Thrown when a command could not reach the server (offline, or no answer in time): it may be retried. */
export class TransportError extends Error {
  override name = 'TransportError';
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The typed connection to the server. It keeps a WorldStore in step: a snapshot at first, then live
 * events; on reconnect, or when an event's `prev` shows a gap, it asks for exactly what it missed.
 */
export class LiveClient {
  readonly socket: ClientSocket;
  connection: ConnectionState = 'connecting';
  refusal: { code: string; message: string } | null = null;
  private listeners = new Set<(state: ConnectionState) => void>();
  private syncing = false;
  private buffered: DeliveredEvent[] = [];
  private synced = false;

  constructor(
    private readonly store: WorldStore,
    options: { token: string; world?: WorldId; url?: string },
  ) {
    this.socket = io(options.url ?? '/', {
      auth: { token: options.token, protocol: PROTOCOL_VERSION, world: options.world ?? 'live' },
      transports: ['websocket', 'polling'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    this.socket.on('connect', () => void this.resync());
    this.socket.on('disconnect', () => this.setConnection('offline'));
    this.socket.on('connect_error', (error) => {
      const data = (error as unknown as { data?: { code: string; message: string } }).data;
      if (data && ['UNAUTHENTICATED', 'FORBIDDEN', 'PROTOCOL_MISMATCH', 'WRONG_WORLD'].includes(data.code)) {
        this.refusal = data;
        this.setConnection('refused');
      } else this.setConnection('offline');
    });
    for (const name of ALL_EVENT_NAMES)
      (this.socket.on as (event: string, listener: (event: DeliveredEvent) => void) => void)(name, (event) => this.receive(event));
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    listener(this.connection);
    return () => this.listeners.delete(listener);
  }

  /** Sends a command; resolves with the server's ack, rejects with TransportError if it never got there. */
  async send<K extends CommandName>(name: K, payload: Omit<CommandInput<K>, 'idempotencyKey'> & { idempotencyKey?: string }): Promise<Ack<CommandResult>> {
    const withKey = { ...payload, idempotencyKey: payload.idempotencyKey ?? newIdempotencyKey() };
    return this.emit(name, withKey) as Promise<Ack<CommandResult>>;
  }

  request<K extends RequestName>(name: K, payload: Parameters<ClientToServerEvents[K]>[0]): Promise<Ack<RequestResults[K]>> {
    return this.emit(name, payload) as Promise<Ack<RequestResults[K]>>;
  }

  close() {
    this.socket.close();
  }

  private async emit(name: string, payload: unknown): Promise<Ack<unknown>> {
    // Not connected: fail now rather than let socket.io buffer it where no one can see it.
    if (!this.socket.connected) throw new TransportError('not connected');
    try {
      return (await (this.socket.timeout(10_000).emitWithAck as (event: string, payload: unknown) => Promise<Ack<unknown>>)(name, payload));
    } catch {
      throw new TransportError(`no answer to ${name}`);
    }
  }

  private receive(event: DeliveredEvent) {
    if (this.syncing) {
      this.buffered.push(event);
      return;
    }
    if (event.seq <= this.store.state.seq) return;
    if (event.prev > this.store.state.seq) {
      // Something meant for us was sent and never arrived: fetch what is missing, then carry on.
      this.buffered.push(event);
      void this.resync();
      return;
    }
    this.store.apply(event);
    if (this.needsContext(event)) void this.takeSnapshot();
  }

  /** A field team learns of a new assignment before it holds the incident: fetch its (small) snapshot. */
  private needsContext(event: DeliveredEvent): boolean {
    return event.type === 'assignment:dispatched' && !this.store.state.incidents.has(event.data.incidentId);
  }

  private async takeSnapshot() {
    const snapshot = await this.request('sync:snapshot', {});
    if (snapshot.ok) this.store.reset(snapshot.data);
  }

  private async resync() {
    if (this.syncing) return;
    this.syncing = true;
    this.setConnection('syncing');
    try {
      if (!this.synced) await this.takeSnapshot();
      else {
        const since = await this.request('sync:since', { afterSeq: this.store.state.seq });
        if (since.ok && since.data.kind === 'events') {
          for (const event of since.data.events) this.store.apply(event);
          // Missed while away: an assignment to an incident this (field) client has never seen.
          if (since.data.events.some((event) => this.needsContext(event as DeliveredEvent))) await this.takeSnapshot();
        } else await this.takeSnapshot();
      }
      this.synced = true;
      this.syncing = false;
      const buffered = this.buffered.sort((a, b) => a.seq - b.seq);
      this.buffered = [];
      for (const event of buffered) this.receive(event);
      this.setConnection(this.socket.connected ? 'online' : 'offline');
    } catch {
      this.syncing = false;
      this.setConnection(this.socket.connected ? 'online' : 'offline');
    }
  }

  private setConnection(state: ConnectionState) {
    if (this.connection === state) return;
    this.connection = state;
    for (const listener of this.listeners) listener(state);
  }
}

export function newIdempotencyKey(): string {
  return `c-${crypto.randomUUID()}`;
}
