import type { Actor, NewEvent, Role, StoredEvent, WorldId } from '../../shared/index.js';

/** A command's outcome, kept with its idempotency key so that a retry gets the same answer. */
export interface IdempotencyRecord {
  actorId: string;
  key: string;
  /** Hash of the command's name and payload: the same key with a different command is refused. */
  fingerprint: string;
  createdIds: string[];
  lastSeq: number;
}

export interface AppendRequest {
  world: WorldId;
  actor: Actor;
  /** Server time stamped on every event of the batch. */
  at: string;
  events: NewEvent[];
  /** The version each touched stream had when the command was decided (0 for a new stream). */
  expectedVersions: ReadonlyMap<string, number>;
  idempotency?: Omit<IdempotencyRecord, 'lastSeq'>;
}

/** A user as stored: the password hash never leaves the server. */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  passwordHash: string;
  /** Demo accounts exist only in the seeded demo world; the server warns while they are active. */
  demo: boolean;
}

export interface StoredSnapshot {
  seq: number;
  state: unknown;
}

/** Raised when a stream moved on since the command was decided: nothing was written. */
export class StreamConflictError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`stream ${stream} is at version ${actual}, expected ${expected}`);
    this.name = 'StreamConflictError';
  }
}

/** Raised when the same idempotency key was committed concurrently by another process. */
export class DuplicateCommandError extends Error {
  constructor(readonly key: string) {
    super(`command ${key} was already committed`);
    this.name = 'DuplicateCommandError';
  }
}

/**
 * The storage port: an append-only event log with per-stream optimistic concurrency, the idempotency
 * records written in the same transaction, snapshots, and the user table.
 */
export interface EventStore {
  readonly kind: 'sqlite' | 'mongodb';
  /** Atomically appends the events (and the idempotency record) or throws; resolves once durable. */
  append(request: AppendRequest): Promise<StoredEvent[]>;
  findCommand(actorId: string, key: string): Promise<IdempotencyRecord | null>;
  /** Events with seq > afterSeq in order, at most `limit`; optionally of one world only. */
  readAfter(afterSeq: number, limit: number, world?: WorldId): Promise<StoredEvent[]>;
  readStream(stream: string): Promise<StoredEvent[]>;
  headSeq(): Promise<number>;
  saveSnapshot(snapshot: StoredSnapshot): Promise<void>;
  latestSnapshot(): Promise<StoredSnapshot | null>;
  putUser(user: UserRecord): Promise<void>;
  listUsers(): Promise<UserRecord[]>;
  /** A small key/value table for server settings such as the token secret. */
  getSetting(key: string): Promise<string | null>;
  /** Sets the value unless one is already there; returns the value in force. */
  initSetting(key: string, value: string): Promise<string>;
  close(): Promise<void>;
}
