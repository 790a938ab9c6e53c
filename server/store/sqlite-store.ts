import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { StoredEvent, WorldId } from '../../shared/index.js';
import {
  DuplicateCommandError,
  StreamConflictError,
  type AppendRequest,
  type EventStore,
  type IdempotencyRecord,
  type StoredSnapshot,
  type UserRecord,
} from './port.js';

interface EventRow {
  seq: number;
  stream: string;
  version: number;
  world: string;
  type: string;
  at: string;
  actor: string;
  data: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY,
  stream TEXT NOT NULL,
  version INTEGER NOT NULL,
  world TEXT NOT NULL,
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  data TEXT NOT NULL,
  UNIQUE (stream, version)
);
CREATE INDEX IF NOT EXISTS events_world_seq ON events (world, seq);
CREATE TABLE IF NOT EXISTS commands (
  actor_id TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  created_ids TEXT NOT NULL,
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (actor_id, key)
);
CREATE TABLE IF NOT EXISTS snapshots (seq INTEGER PRIMARY KEY, state TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  unit_id TEXT,
  password_hash TEXT NOT NULL,
  demo INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/**
 * The embedded default store: SQLite in WAL mode with synchronous=FULL, so a transaction that has
 * returned is on disk — which is what "acknowledged" promises.
 */
export function openSqliteStore(dataDir: string): EventStore {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'liandong.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const statements = {
    streamVersion: db.prepare<[string], { version: number | null }>('SELECT MAX(version) AS version FROM events WHERE stream = ?'),
    insertEvent: db.prepare(
      'INSERT INTO events (stream, version, world, type, at, actor, data) VALUES (@stream, @version, @world, @type, @at, @actor, @data)',
    ),
    insertCommand: db.prepare(
      'INSERT INTO commands (actor_id, key, fingerprint, created_ids, last_seq) VALUES (?, ?, ?, ?, ?)',
    ),
    findCommand: db.prepare<[string, string], { fingerprint: string; created_ids: string; last_seq: number }>(
      'SELECT fingerprint, created_ids, last_seq FROM commands WHERE actor_id = ? AND key = ?',
    ),
    readAfter: db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?'),
    readWorldAfter: db.prepare<[string, number, number], EventRow>(
      'SELECT * FROM events WHERE world = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    readStream: db.prepare<[string], EventRow>('SELECT * FROM events WHERE stream = ? ORDER BY version'),
    headSeq: db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events'),
    saveSnapshot: db.prepare('INSERT OR REPLACE INTO snapshots (seq, state) VALUES (?, ?)'),
    pruneSnapshots: db.prepare('DELETE FROM snapshots WHERE seq < ?'),
    latestSnapshot: db.prepare<[], { seq: number; state: string }>('SELECT seq, state FROM snapshots ORDER BY seq DESC LIMIT 1'),
    putUser: db.prepare(
      `INSERT INTO users (id, username, display_name, role, unit_id, password_hash, demo)
       VALUES (@id, @username, @displayName, @role, @unitId, @passwordHash, @demo)
       ON CONFLICT (id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name,
         role = excluded.role, unit_id = excluded.unit_id, password_hash = excluded.password_hash, demo = excluded.demo`,
    ),
    listUsers: db.prepare<
      [],
      { id: string; username: string; display_name: string; role: string; unit_id: string | null; password_hash: string; demo: number }
    >('SELECT * FROM users ORDER BY username'),
    getSetting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
    initSetting: db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)'),
  };

  const appendTransaction = db.transaction((request: AppendRequest): StoredEvent[] => {
    for (const [stream, expected] of request.expectedVersions) {
      const actual = statements.streamVersion.get(stream)?.version ?? 0;
      if (actual !== expected) throw new StreamConflictError(stream, expected, actual);
    }
    const nextVersion = new Map(request.expectedVersions);
    const actor = JSON.stringify(request.actor);
    const stored: StoredEvent[] = [];
    for (const event of request.events) {
      const version = (nextVersion.get(event.stream) ?? 0) + 1;
      nextVersion.set(event.stream, version);
      const info = statements.insertEvent.run({
        stream: event.stream,
        version,
        world: request.world,
        type: event.type,
        at: request.at,
        actor,
        data: JSON.stringify(event.data),
      });
      stored.push({
        ...event,
        seq: Number(info.lastInsertRowid),
        version,
        at: request.at,
        actor: request.actor,
        world: request.world,
      });
    }
    if (request.idempotency) {
      const { actorId, key, fingerprint, createdIds } = request.idempotency;
      const lastSeq = stored.at(-1)?.seq ?? 0;
      try {
        statements.insertCommand.run(actorId, key, fingerprint, JSON.stringify(createdIds), lastSeq);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new DuplicateCommandError(key);
        throw error;
      }
    }
    return stored;
  });

  function toEvent(row: EventRow): StoredEvent {
    return {
      seq: row.seq,
      stream: row.stream,
      version: row.version,
      world: row.world,
      type: row.type,
      at: row.at,
      actor: JSON.parse(row.actor),
      data: JSON.parse(row.data),
    } as StoredEvent;
  }

  return {
    kind: 'sqlite',
    async append(request) {
      try {
        return appendTransaction(request);
      } catch (error) {
        // (stream, version) is unique: a concurrent writer in another process lost the race here.
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
          throw new StreamConflictError(request.events[0]?.stream ?? '?', -1, -1);
        throw error;
      }
    },
    async findCommand(actorId, key): Promise<IdempotencyRecord | null> {
      const row = statements.findCommand.get(actorId, key);
      if (!row) return null;
      return { actorId, key, fingerprint: row.fingerprint, createdIds: JSON.parse(row.created_ids), lastSeq: row.last_seq };
    },
    async readAfter(afterSeq, limit, world?: WorldId) {
      const rows = world ? statements.readWorldAfter.all(world, afterSeq, limit) : statements.readAfter.all(afterSeq, limit);
      return rows.map(toEvent);
    },
    async readStream(stream) {
      return statements.readStream.all(stream).map(toEvent);
    },
    async headSeq() {
      return statements.headSeq.get()?.seq ?? 0;
    },
    async saveSnapshot(snapshot: StoredSnapshot) {
      db.transaction(() => {
        statements.saveSnapshot.run(snapshot.seq, JSON.stringify(snapshot.state));
        statements.pruneSnapshots.run(snapshot.seq);
      })();
    },
    async latestSnapshot() {
      const row = statements.latestSnapshot.get();
      return row ? { seq: row.seq, state: JSON.parse(row.state) } : null;
    },
    async putUser(user: UserRecord) {
      statements.putUser.run({ ...user, demo: user.demo ? 1 : 0 });
    },
    async listUsers() {
      return statements.listUsers.all().map((row) => ({
        id: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role as UserRecord['role'],
        unitId: row.unit_id,
        passwordHash: row.password_hash,
        demo: row.demo === 1,
      }));
    },
    async getSetting(key) {
      return statements.getSetting.get(key)?.value ?? null;
    },
    async initSetting(key, value) {
      statements.initSetting.run(key, value);
      return statements.getSetting.get(key)!.value;
    },
    async close() {
      db.close();
    },
  };
}
