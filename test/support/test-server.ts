import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  streamOf,
  type Ack,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type UnitType,
} from '../../shared/index.js';
import { createApp, type LiandongApp } from '../../server/app.js';
import { defaultConfig, type AppConfig } from '../../server/config.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { SYSTEM_ACTOR } from '../../server/commands/command-service.js';
import { UNIT_TYPE_INFO } from '../../shared/domain/units.js';

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A small fixed world for integration tests: four units in Zhongshan and Xigang, one user per role. */
export const FIXTURE_UNITS: { id: string; type: UnitType; lat: number; lon: number; capabilities: string[] }[] = [
  { id: 'U-E1', type: 'fire_engine', lat: 38.918, lon: 121.644, capabilities: ['water', 'foam'] },
  { id: 'U-E2', type: 'fire_engine', lat: 38.915, lon: 121.612, capabilities: ['water'] },
  { id: 'U-A1', type: 'ambulance', lat: 38.92, lon: 121.63, capabilities: ['als'] },
  { id: 'U-P1', type: 'police_patrol', lat: 38.905, lon: 121.594, capabilities: [] },
];
export const FIXTURE_USERS = [
  { username: 'disp1', role: 'dispatcher', unitId: null },
  { username: 'disp2', role: 'dispatcher', unitId: null },
  { username: 'sup', role: 'supervisor', unitId: null },
  { username: 'viewer', role: 'viewer', unitId: null },
  { username: 'field-e1', role: 'field', unitId: 'U-E1' },
  { username: 'field-e2', role: 'field', unitId: 'U-E2' },
  { username: 'field-a1', role: 'field', unitId: 'U-A1' },
  { username: 'instr', role: 'instructor', unitId: null },
] as const;
export const FIXTURE_PASSWORD = 'test-password';

let passwordHash: Promise<string> | undefined;

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'liandong-test-'));
}

/** Boots the real app on port 0 with a temporary data dir (or the one given, to test restarts). */
export async function startTestServer(options: { dataDir?: string; seedFixture?: boolean; config?: Partial<AppConfig> } = {}) {
  const dataDir = options.dataDir ?? tempDataDir();
  const app: LiandongApp = await createApp(
    defaultConfig({ port: 0, host: '127.0.0.1', dataDir, staticDir: null, log: () => undefined, ...options.config }),
  );
  if (options.seedFixture ?? true) await seedFixture(app);
  const port = await app.listen();
  const url = `http://127.0.0.1:${port}`;
  const sockets: TestClient[] = [];

  const server = {
    app,
    url,
    dataDir,
    async login(username: string, password = FIXTURE_PASSWORD): Promise<string> {
      const response = await fetch(`${url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      const body = (await response.json()) as { ok: boolean; data: { token: string } };
      if (!body.ok) throw new Error(`login failed for ${username}`);
      return body.data.token;
    },
    /** A connected socket.io client for the user (rejects if the handshake is refused). */
    async connect(username: string, auth: Record<string, unknown> = {}): Promise<TestClient> {
      const token = await server.login(username);
      const socket: TestClient = connect(url, {
        auth: { token, protocol: PROTOCOL_VERSION, world: 'live', ...auth },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', (error) => reject(error));
      });
      return socket;
    },
    async close() {
      for (const socket of sockets) socket.disconnect();
      await app.close();
    },
  };
  return server;
}
export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

async function seedFixture(app: LiandongApp) {
  if ((app.registry.get('live')?.units.size ?? 0) > 0) return;
  await app.commands.system('live', () => ({
    ok: true,
    createdIds: [],
    events: FIXTURE_UNITS.map((unit) => ({
      type: 'unit:registered' as const,
      stream: streamOf.unit(unit.id),
      data: {
        unitId: unit.id,
        callSign: unit.id,
        name: unit.id,
        type: unit.type,
        agency: UNIT_TYPE_INFO[unit.type].agency,
        district: 'Zhongshan',
        stationName: 'Test station',
        home: { lat: unit.lat, lon: unit.lon },
        capabilities: unit.capabilities,
      },
    })),
  }), SYSTEM_ACTOR);
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  for (const user of FIXTURE_USERS)
    await app.users.put({ id: `USR-${user.username}`, username: user.username, displayName: user.username, role: user.role, unitId: user.unitId, passwordHash: await passwordHash, demo: false });
}

/** Emits a command or request and resolves with its ack. */
export function send<K extends keyof ClientToServerEvents>(
  socket: TestClient,
  name: K,
  payload: Parameters<ClientToServerEvents[K]>[0],
): Promise<Parameters<Parameters<ClientToServerEvents[K]>[1]>[0]> {
  return new Promise((resolve) => {
    (socket.emit as (event: string, payload: unknown, ack: (answer: Ack<unknown>) => void) => void)(name, payload, (answer) =>
      resolve(answer as never),
    );
  });
}

export const key = () => `test-${randomUUID()}`;

/** Collects every event a client receives, in order. */
export function recordEvents(socket: TestClient) {
  const received: { type: string; seq: number; prev: number; data: Record<string, unknown> }[] = [];
  socket.onAny((name: string, payload: { seq?: number; prev?: number; data?: Record<string, unknown> }) => {
    if (typeof payload?.seq === 'number') received.push({ type: name, seq: payload.seq, prev: payload.prev ?? 0, data: payload.data ?? {} });
  });
  return received;
}

/** Retries an assertion until it passes or the time runs out: for what arrives late. */
export async function eventually(assertion: () => void, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Waits a little to show that something did NOT arrive. */
export const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));
