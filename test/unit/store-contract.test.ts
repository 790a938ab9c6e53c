import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { randomUUID } from 'node:crypto';
import { streamOf, type NewEvent } from '../../shared/index.js';
import { openSqliteStore } from '../../server/store/sqlite-store.js';
import { DuplicateCommandError, StreamConflictError, type EventStore } from '../../server/store/port.js';
import { createWorldRegistry } from '../../server/world/world-registry.js';
import { serializeWorld } from '../../shared/index.js';
import { tempDataDir } from '../support/test-server.js';

const actor = { userId: 'USR-t', role: 'dispatcher' } as const;
const at = '2026-11-25T08:00:00.000Z';

const noted = (incidentId: string, text: string): NewEvent => ({ type: 'incident:noted', stream: streamOf.incident(incidentId), data: { incidentId, text } });
const reported = (incidentId: string): NewEvent => ({
  type: 'incident:reported',
  stream: streamOf.incident(incidentId),
  data: { incidentId, code: 'DL-1', category: 'accident', subtype: 'gas', level: 'IV', location: { lat: 38.9, lon: 121.6 }, address: '', description: 'd', caller: { name: '', phone: '' }, casualties: 0 },
});

/** The behaviour every storage adapter must have; run against each adapter that is available. */
function storeContract(open: () => Promise<EventStore>) {
  let store: EventStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(() => store.close());

  it('appends a batch with gap-free global sequence numbers and per-stream versions', async () => {
    const id = `INC-${randomUUID().slice(0, 8)}`;
    const head = await store.headSeq();
    const stored = await store.append({ world: 'live', actor, at, events: [reported(id), noted(id, 'a')], expectedVersions: new Map([[streamOf.incident(id), 0]]) });
    expect(stored.map((e) => [e.seq, e.version])).toEqual([
      [head + 1, 1],
      [head + 2, 2],
    ]);
    expect(await store.readStream(streamOf.incident(id))).toEqual(stored);
    expect(await store.headSeq()).toBe(head + 2);
  });

  it('refuses a stale expected version and writes nothing', async () => {
    const id = `INC-${randomUUID().slice(0, 8)}`;
    await store.append({ world: 'live', actor, at, events: [reported(id)], expectedVersions: new Map([[streamOf.incident(id), 0]]) });
    const head = await store.headSeq();
    await expect(
      store.append({ world: 'live', actor, at, events: [noted(id, 'late')], expectedVersions: new Map([[streamOf.incident(id), 0]]) }),
    ).rejects.toBeInstanceOf(StreamConflictError);
    expect(await store.headSeq()).toBe(head);
  });

  it('checks every stream the command read, even one it does not write to', async () => {
    const a = `INC-${randomUUID().slice(0, 8)}`;
    const b = `INC-${randomUUID().slice(0, 8)}`;
    await store.append({ world: 'live', actor, at, events: [reported(a)], expectedVersions: new Map([[streamOf.incident(a), 0]]) });
    await expect(
      store.append({ world: 'live', actor, at, events: [reported(b)], expectedVersions: new Map([[streamOf.incident(b), 0], [streamOf.incident(a), 5]]) }),
    ).rejects.toBeInstanceOf(StreamConflictError);
    expect(await store.readStream(streamOf.incident(b))).toEqual([]);
  });

  it('stores the idempotency record with the events, and a second commit of the key writes nothing', async () => {
    const id = `INC-${randomUUID().slice(0, 8)}`;
    const key = `k-${randomUUID()}`;
    const stored = await store.append({ world: 'live', actor, at, events: [reported(id)], expectedVersions: new Map([[streamOf.incident(id), 0]]), idempotency: { actorId: actor.userId, key, fingerprint: 'f', createdIds: [id] } });
    expect(await store.findCommand(actor.userId, key)).toEqual({ actorId: actor.userId, key, fingerprint: 'f', createdIds: [id], lastSeq: stored[0]!.seq });
    expect(await store.findCommand('someone-else', key)).toBeNull();
    const other = `INC-${randomUUID().slice(0, 8)}`;
    const head = await store.headSeq();
    await expect(
      store.append({ world: 'live', actor, at, events: [reported(other)], expectedVersions: new Map([[streamOf.incident(other), 0]]), idempotency: { actorId: actor.userId, key, fingerprint: 'f', createdIds: [other] } }),
    ).rejects.toBeInstanceOf(DuplicateCommandError);
    expect(await store.headSeq()).toBe(head);
    expect(await store.readStream(streamOf.incident(other))).toEqual([]);
  });

  it('reads after a sequence number, all worlds or one', async () => {
    const head = await store.headSeq();
    const live = `INC-${randomUUID().slice(0, 8)}`;
    const drill = `INC-${randomUUID().slice(0, 8)}`;
    await store.append({ world: 'live', actor, at, events: [reported(live)], expectedVersions: new Map() });
    await store.append({ world: 'drill:d1', actor, at, events: [reported(drill)], expectedVersions: new Map() });
    expect((await store.readAfter(head, 100)).map((e) => e.world)).toEqual(['live', 'drill:d1']);
    expect((await store.readAfter(head, 100, 'drill:d1')).map((e) => e.data)).toMatchObject([{ incidentId: drill }]);
    expect(await store.readAfter(head, 1)).toHaveLength(1);
  });

  it('keeps the latest snapshot, users and settings', async () => {
    await store.saveSnapshot({ seq: 1, state: { a: 1 } });
    await store.saveSnapshot({ seq: 7, state: { a: 7 } });
    expect(await store.latestSnapshot()).toEqual({ seq: 7, state: { a: 7 } });
    const user = { id: `USR-${randomUUID().slice(0, 6)}`, username: `u-${randomUUID().slice(0, 6)}`, displayName: 'U', role: 'field' as const, unitId: 'U-1', passwordHash: 'h', demo: false };
    await store.putUser(user);
    await store.putUser({ ...user, displayName: 'U2' });
    expect((await store.listUsers()).filter((u) => u.id === user.id)).toEqual([{ ...user, displayName: 'U2' }]);
    const name = `s-${randomUUID()}`;
    expect(await store.initSetting(name, 'first')).toBe('first');
    expect(await store.initSetting(name, 'second')).toBe('first');
    expect(await store.getSetting(name)).toBe('first');
  });
}

describe('SQLite store (embedded default)', () => {
  storeContract(async () => openSqliteStore(tempDataDir()));

  it('keeps what it acknowledged across a reopen of the same files', async () => {
    const dir = tempDataDir();
    const first = openSqliteStore(dir);
    const stored = await first.append({ world: 'live', actor, at, events: [reported('INC-keep')], expectedVersions: new Map() });
    await first.close();
    const second = openSqliteStore(dir);
    expect(await second.readAfter(0, 10)).toEqual(stored);
    await second.close();
  });
});

const mongoUri = process.env.MONGODB_URI;
describe.skipIf(!mongoUri)(`MongoDB store${mongoUri ? '' : ' — skipped: MONGODB_URI is not set (no MongoDB server on this machine)'}`, () => {
  storeContract(async () => {
    const { openMongoStore } = await import('../../server/store/mongo-store.js');
    return openMongoStore(mongoUri!);
  });
});

describe('rebuilding the live state', () => {
  it('from a snapshot plus the tail equals a full replay of the log', async () => {
    const store = openSqliteStore(tempDataDir());
    const live = createWorldRegistry();
    for (let i = 0; i < 30; i++) {
      const id = `INC-${i}`;
      const events = await store.append({ world: i % 3 === 0 ? 'drill:x' : 'live', actor, at, events: [reported(id), noted(id, `n${i}`)], expectedVersions: new Map() });
      events.forEach((event) => live.apply(event));
      if (i === 17) await store.saveSnapshot(live.serialize());
    }
    const fromSnapshot = createWorldRegistry();
    await fromSnapshot.load(store);
    const fullReplay = createWorldRegistry();
    for (const event of await store.readAfter(0, 10_000)) fullReplay.apply(event);
    for (const registry of [fromSnapshot, fullReplay]) {
      expect(registry.seq()).toBe(live.seq());
      expect(registry.worldIds().sort()).toEqual(['drill:x', 'live']);
      for (const world of ['live', 'drill:x'] as const) expect(serializeWorld(registry.get(world)!)).toEqual(serializeWorld(live.get(world)!));
      expect(registry.streamVersion(streamOf.incident('INC-29'))).toBe(2);
    }
    await store.close();
  });
});
