import mongoose, { Schema, type ClientSession, type Connection } from 'mongoose';
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

const eventSchema = new Schema(
  {
    seq: { type: Number, required: true, unique: true },
    stream: { type: String, required: true },
    version: { type: Number, required: true },
    world: { type: String, required: true },
    type: { type: String, required: true },
    at: { type: String, required: true },
    actor: { type: Schema.Types.Mixed, required: true },
    data: { type: Schema.Types.Mixed, required: true },
  },
  { versionKey: false },
);
// The guard against lost writes: one event per (stream, version), whatever process appends it.
eventSchema.index({ stream: 1, version: 1 }, { unique: true });
eventSchema.index({ world: 1, seq: 1 });

const commandSchema = new Schema(
  {
    actorId: { type: String, required: true },
    key: { type: String, required: true },
    fingerprint: { type: String, required: true },
    createdIds: { type: [String], required: true },
    lastSeq: { type: Number, required: true },
  },
  { versionKey: false },
);
commandSchema.index({ actorId: 1, key: 1 }, { unique: true });

const counterSchema = new Schema({ _id: String, value: Number }, { versionKey: false });
const snapshotSchema = new Schema({ seq: { type: Number, required: true, index: true }, state: String }, { versionKey: false });
const userSchema = new Schema(
  {
    _id: String,
    username: { type: String, required: true, unique: true },
    displayName: String,
    role: String,
    unitId: { type: String, default: null },
    passwordHash: String,
    demo: Boolean,
  },
  { versionKey: false },
);
const settingSchema = new Schema({ _id: String, value: String }, { versionKey: false });

function isDuplicateKey(error: unknown): error is { code: number; keyPattern?: Record<string, unknown> } {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}

/**
 * The MongoDB adapter through mongoose. Appends run in a multi-document transaction (MongoDB must run
 * as a replica set, as a production deployment does): the sequence counter, the events and the
 * idempotency record commit together or not at all, with majority write concern.
 */
export async function openMongoStore(uri: string): Promise<EventStore> {
  const connection: Connection = await mongoose.createConnection(uri, { writeConcern: { w: 'majority', j: true } }).asPromise();
  const Events = connection.model('Event', eventSchema, 'events');
  const Commands = connection.model('Command', commandSchema, 'commands');
  const Counters = connection.model('Counter', counterSchema, 'counters');
  const Snapshots = connection.model('Snapshot', snapshotSchema, 'snapshots');
  const Users = connection.model('User', userSchema, 'users');
  const Settings = connection.model('Setting', settingSchema, 'settings');
  await Promise.all([Events.init(), Commands.init(), Users.init()]);

  const toEvent = (doc: Record<string, unknown>): StoredEvent => {
    const { _id: _ignored, ...event } = doc;
    return event as unknown as StoredEvent;
  };

  async function appendIn(session: ClientSession, request: AppendRequest): Promise<StoredEvent[]> {
    for (const [stream, expected] of request.expectedVersions) {
      const last = await Events.findOne({ stream }, { version: 1 }, { session }).sort({ version: -1 }).lean();
      const actual = last?.version ?? 0;
      if (actual !== expected) throw new StreamConflictError(stream, expected, actual);
    }
    const counter = await Counters.findOneAndUpdate(
      { _id: 'seq' },
      { $inc: { value: request.events.length } },
      { upsert: true, returnDocument: 'after', session },
    ).lean();
    let seq = (counter?.value ?? request.events.length) - request.events.length;
    const nextVersion = new Map(request.expectedVersions);
    const stored = request.events.map((event) => {
      const version = (nextVersion.get(event.stream) ?? 0) + 1;
      nextVersion.set(event.stream, version);
      seq += 1;
      return { ...event, seq, version, at: request.at, actor: request.actor, world: request.world };
    });
    await Events.insertMany(stored, { session, ordered: true });
    if (request.idempotency)
      await Commands.create([{ ...request.idempotency, lastSeq: stored.at(-1)?.seq ?? 0 }], { session });
    return stored;
  }

  return {
    kind: 'mongodb',
    async append(request) {
      const session = await connection.startSession();
      try {
        let result: StoredEvent[] = [];
        await session.withTransaction(async () => {
          result = await appendIn(session, request);
        });
        return result;
      } catch (error) {
        if (isDuplicateKey(error)) {
          if (error.keyPattern && 'key' in error.keyPattern) throw new DuplicateCommandError(request.idempotency?.key ?? '?');
          throw new StreamConflictError(request.events[0]?.stream ?? '?', -1, -1);
        }
        throw error;
      } finally {
        await session.endSession();
      }
    },
    async findCommand(actorId, key): Promise<IdempotencyRecord | null> {
      const doc = await Commands.findOne({ actorId, key }).lean();
      return doc ? { actorId, key, fingerprint: doc.fingerprint, createdIds: doc.createdIds, lastSeq: doc.lastSeq } : null;
    },
    async readAfter(afterSeq, limit, world?: WorldId) {
      const filter = world ? { world, seq: { $gt: afterSeq } } : { seq: { $gt: afterSeq } };
      const docs = await Events.find(filter).sort({ seq: 1 }).limit(limit).lean();
      return docs.map((doc) => toEvent(doc as Record<string, unknown>));
    },
    async readStream(stream) {
      const docs = await Events.find({ stream }).sort({ version: 1 }).lean();
      return docs.map((doc) => toEvent(doc as Record<string, unknown>));
    },
    async headSeq() {
      const last = await Events.findOne({}, { seq: 1 }).sort({ seq: -1 }).lean();
      return last?.seq ?? 0;
    },
    async saveSnapshot(snapshot: StoredSnapshot) {
      await Snapshots.create({ seq: snapshot.seq, state: JSON.stringify(snapshot.state) });
      await Snapshots.deleteMany({ seq: { $lt: snapshot.seq } });
    },
    async latestSnapshot() {
      const doc = await Snapshots.findOne().sort({ seq: -1 }).lean();
      return doc ? { seq: doc.seq, state: JSON.parse(doc.state ?? 'null') } : null;
    },
    async putUser(user: UserRecord) {
      const { id, ...rest } = user;
      await Users.replaceOne({ _id: id }, { _id: id, ...rest }, { upsert: true });
    },
    async listUsers() {
      const docs = await Users.find().sort({ username: 1 }).lean();
      return docs.map((doc) => ({
        id: String(doc._id),
        username: doc.username,
        displayName: doc.displayName ?? doc.username,
        role: doc.role as UserRecord['role'],
        unitId: doc.unitId ?? null,
        passwordHash: doc.passwordHash ?? '',
        demo: doc.demo === true,
      }));
    },
    async getSetting(key) {
      const doc = await Settings.findById(key).lean();
      return doc?.value ?? null;
    },
    async initSetting(key, value) {
      try {
        await Settings.create({ _id: key, value });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const doc = await Settings.findById(key).lean();
      return doc?.value ?? value;
    },
    async close() {
      await connection.close();
    },
  };
}
