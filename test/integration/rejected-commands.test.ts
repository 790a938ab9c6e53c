import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { key, recordEvents, send, settle, startTestServer, type TestServer } from '../support/test-server.js';

describe('commands that break the rules', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  async function expectNothingWritten(action: () => Promise<void>) {
    const before = await server.app.store.headSeq();
    await action();
    await server.app.commands.idle();
    expect(await server.app.store.headSeq()).toBe(before);
  }

  it('a malformed command gets BAD_REQUEST with field details and writes nothing', async () => {
    const dispatcher = await server.connect('disp1');
    const watcher = recordEvents(await server.connect('disp2'));
    await expectNothingWritten(async () => {
      const ack = await send(dispatcher, 'incident:report', {
        idempotencyKey: key(),
        category: 'accident',
        subtype: 'building_fire',
        level: 'V',
        location: { lat: 123, lon: 121 },
        description: '',
      } as never);
      expect(ack.ok).toBe(false);
      if (ack.ok) return;
      expect(ack.error.code).toBe('BAD_REQUEST');
      const paths = (ack.error.details as { issues: { path: string }[] }).issues.map((issue) => issue.path);
      expect(paths).toEqual(expect.arrayContaining(['level', 'location.lat', 'description']));
    });
    await settle();
    expect(watcher).toEqual([]);
  });

  it('a sub-type from another category is refused', async () => {
    const dispatcher = await server.connect('disp1');
    await expectNothingWritten(async () => {
      const ack = await send(dispatcher, 'incident:report', {
        idempotencyKey: key(),
        category: 'natural',
        subtype: 'food_poisoning',
        level: 'IV',
        location: { lat: 38.9, lon: 121.6 },
        description: 'x',
      });
      expect(ack).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    });
  });

  it('a viewer and a field user get FORBIDDEN for what their role may not do', async () => {
    const viewer = await server.connect('viewer');
    const field = await server.connect('field-e1');
    await expectNothingWritten(async () => {
      const byViewer = await send(viewer, 'incident:report', {
        idempotencyKey: key(),
        category: 'accident',
        subtype: 'road_traffic',
        level: 'IV',
        location: { lat: 38.9, lon: 121.6 },
        description: 'x',
      });
      expect(byViewer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const otherUnit = await send(field, 'unit:update-location', { idempotencyKey: key(), unitId: 'U-E2', location: { lat: 38.9, lon: 121.6 } });
      expect(otherUnit).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const dispatchByField = await send(field, 'incident:dispatch', { idempotencyKey: key(), incidentId: 'INC-x', unitIds: ['U-E1'] });
      expect(dispatchByField).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });
  });

  it('unknown ids, illegal transitions, unavailable units and stale versions are typed errors', async () => {
    const dispatcher = await server.connect('disp1');
    const reported = await send(dispatcher, 'incident:report', {
      idempotencyKey: key(),
      category: 'accident',
      subtype: 'road_traffic',
      level: 'IV',
      location: { lat: 38.91, lon: 121.6 },
      description: 'two cars',
    });
    if (!reported.ok) throw new Error('report failed');
    const incidentId = reported.data.createdIds[0]!;
    const dispatched = await send(dispatcher, 'incident:dispatch', { idempotencyKey: key(), incidentId, unitIds: ['U-P1'] });
    expect(dispatched.ok).toBe(true);

    await expectNothingWritten(async () => {
      expect(await send(dispatcher, 'incident:verify', { idempotencyKey: key(), incidentId: 'INC-nope' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await send(dispatcher, 'incident:dispatch', { idempotencyKey: key(), incidentId, unitIds: ['U-P1'] })).toMatchObject({
        ok: false,
        error: { code: 'UNIT_UNAVAILABLE' },
      });
      // active → verified is not a transition
      expect(await send(dispatcher, 'incident:verify', { idempotencyKey: key(), incidentId })).toMatchObject({
        ok: false,
        error: { code: 'ILLEGAL_TRANSITION' },
      });
      expect(await send(dispatcher, 'incident:change-level', { idempotencyKey: key(), incidentId, level: 'II', reason: 'x', expectedVersion: 0 })).toMatchObject({
        ok: false,
        error: { code: 'STALE_VERSION' },
      });
      expect(await send(dispatcher, 'incident:close', { idempotencyKey: key(), incidentId, reason: 'done' })).toMatchObject({
        ok: false,
        error: { code: 'OPEN_ASSIGNMENTS' },
      });
    });
  });

  it('a handshake without a valid token or with another protocol version is refused with a code', async () => {
    const refuse = (auth: object) =>
      new Promise<{ code?: string }>((resolve) => {
        const socket = connect(server.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
        socket.once('connect', () => resolve({ code: 'CONNECTED' }));
        socket.once('connect_error', (error) => {
          socket.close();
          resolve((error as unknown as { data?: { code?: string } }).data ?? {});
        });
      });
    expect(await refuse({ token: 'forged.token', protocol: 1 })).toMatchObject({ code: 'UNAUTHENTICATED' });
    const token = await server.login('disp1');
    expect(await refuse({ token, protocol: 999 })).toMatchObject({ code: 'PROTOCOL_MISMATCH' });
    expect(await refuse({ token, protocol: 1, world: 'drill:nope' })).toMatchObject({ code: 'WRONG_WORLD' });
  });
});
