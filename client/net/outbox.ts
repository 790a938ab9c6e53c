import { openDB, type IDBPDatabase } from 'idb';
import type { CommandInput, CommandName, ProtocolError } from '../../shared/index.js';
import { LiveClient, TransportError, newIdempotencyKey } from './live-client.js';

export type OutboxStatus = 'pending' | 'sending' | 'confirmed' | 'failed';

export interface OutboxEntry {
  /** The idempotency key: kept with the command so a resend is recognised by the server. */
  key: string;
  name: CommandName;
  payload: Record<string, unknown>;
  createdAt: number;
  status: OutboxStatus;
  error?: ProtocolError;
  confirmedAt?: number;
}

const STORE = 'outbox';
const RETRY_MS = 2000;

/**
 * A durable queue of commands in IndexedDB, for field teams with patchy coverage. Commands are sent in
 * the order they were made, each with its original idempotency key; a command leaves the queue only
 * when the server has answered (confirmed, or refused with a typed error). A lost connection or an
 * unanswered send leaves it pending for the next connection.
 */
export class Outbox {
  private entries: OutboxEntry[] = [];
  private listeners = new Set<(entries: readonly OutboxEntry[]) => void>();
  private flushing = false;

  private constructor(
    private readonly db: IDBPDatabase,
    private readonly client: LiveClient,
  ) {}

  static async open(name: string, client: LiveClient): Promise<Outbox> {
    const db = await openDB(name, 1, {
      upgrade(database) {
        database.createObjectStore(STORE, { keyPath: 'key' });
      },
    });
    const outbox = new Outbox(db, client);
    outbox.entries = ((await db.getAll(STORE)) as OutboxEntry[]).sort((a, b) => a.createdAt - b.createdAt);
    // An entry caught mid-send when the page closed is simply pending again: its key makes a resend safe.
    for (const entry of outbox.entries) if (entry.status === 'sending') entry.status = 'pending';
    client.onConnection((state) => {
      if (state === 'online') void outbox.flush();
    });
    return outbox;
  }

  subscribe(listener: (entries: readonly OutboxEntry[]) => void): () => void {
    this.listeners.add(listener);
    listener(this.entries);
    return () => this.listeners.delete(listener);
  }

  list(): readonly OutboxEntry[] {
    return this.entries;
  }

  /** Stores the command durably first, then tries to send everything waiting. */
  async enqueue<K extends CommandName>(name: K, payload: Omit<CommandInput<K>, 'idempotencyKey'>): Promise<OutboxEntry> {
    const entry: OutboxEntry = { key: newIdempotencyKey(), name, payload: payload, createdAt: Date.now(), status: 'pending' };
    await this.db.put(STORE, entry);
    this.entries.push(entry);
    this.changed();
    void this.flush();
    return entry;
  }

  /** Forgets confirmed and failed entries (the person has seen them). */
  async clearSettled() {
    await this.forget(this.entries.filter((e) => e.status === 'confirmed' || e.status === 'failed').map((e) => e.key));
  }

  /**
   * Removes entries by key: settled ones, and pending ones that a newer command makes pointless (an
   * older position fix). An entry being sent is kept: its answer is still to come.
   */
  async forget(keys: readonly string[]) {
    const removable = new Set(this.entries.filter((e) => keys.includes(e.key) && e.status !== 'sending').map((e) => e.key));
    if (removable.size === 0) return;
    for (const key of removable) await this.db.delete(STORE, key);
    this.entries = this.entries.filter((e) => !removable.has(e.key));
    this.changed();
  }

  async flush() {
    if (this.flushing) return;
    this.flushing = true;
    let interrupted = false;
    try {
      // Look up the oldest pending entry afresh each time: the list may change (enqueue, forget) while
      // an answer is awaited, and iterating a replaced array would strand new entries.
      for (let entry = this.nextPending(); entry; entry = this.nextPending()) {
        entry.status = 'sending';
        this.changed();
        try {
          const ack = await this.client.send(entry.name, { ...entry.payload, idempotencyKey: entry.key });
          if (ack.ok) {
            entry.status = 'confirmed';
            entry.confirmedAt = Date.now();
          } else {
            entry.status = 'failed';
            entry.error = ack.error;
          }
          await this.db.put(STORE, entry);
        } catch (error) {
          entry.status = 'pending';
          this.changed();
          if (error instanceof TransportError) {
            interrupted = true;
            break;
          }
          throw error;
        }
        this.changed();
      }
    } finally {
      this.flushing = false;
    }
    // An answer that timed out while the connection came back would otherwise wait for the next reconnect.
    if (interrupted && this.client.connection === 'online') setTimeout(() => void this.flush(), RETRY_MS);
  }

  private nextPending(): OutboxEntry | undefined {
    return this.entries.find((entry) => entry.status === 'pending');
  }

  private changed() {
    for (const listener of this.listeners) listener(this.entries);
  }
}
