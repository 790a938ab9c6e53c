import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { z } from 'zod';
import {
  ALL_INBOUND_SCHEMAS,
  COMMAND_SCHEMAS,
  HandshakeAuthSchema,
  PROTOCOL_VERSION,
  REQUEST_SCHEMAS,
  fail,
  isCommandName,
  type Ack,
  type ClientToServerEvents,
  type Command,
  type ErrorCode,
  type RequestName,
  type RequestResults,
  type ServerToClientEvents,
  type User,
  type WorldId,
} from '../../shared/index.js';
import type { CommandService } from '../commands/command-service.js';
import type { UserDirectory } from '../auth/user-directory.js';
import type { TokenService } from '../auth/tokens.js';
import type { WorldRegistry } from '../world/world-registry.js';
import type { EventStore } from '../store/port.js';
import type { WorldDirectory } from '../world/world-directory.js';
import { isVisibleTo, roomOf, snapshotFor } from './audience.js';
import { zodDetails } from '../http/validation.js';

export interface SocketData {
  user: User;
  world: WorldId;
}

export type LiandongSocketServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type LiandongSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface SocketServerDeps {
  commands: CommandService;
  users: UserDirectory;
  tokens: TokenService;
  registry: WorldRegistry;
  store: EventStore;
  worlds: WorldDirectory;
  log: (message: string, error?: unknown) => void;
}

/** Resyncs beyond this many events get a snapshot instead. */
const MAX_RESYNC_EVENTS = 5000;

function handshakeError(code: ErrorCode, message: string): Error {
  return Object.assign(new Error(message), { data: { code, message } });
}

/** Creates the socket.io server: token auth and protocol check at the handshake, rooms, validated handlers. */
export function createSocketServer(httpServer: HttpServer, deps: SocketServerDeps): LiandongSocketServer {
  const io: LiandongSocketServer = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 1e6 });

  io.use((socket, next) => {
    const parsed = HandshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(handshakeError('UNAUTHENTICATED', 'send { token, protocol, world } in auth'));
    const { token, protocol, world } = parsed.data;
    if (protocol !== PROTOCOL_VERSION)
      return next(handshakeError('PROTOCOL_MISMATCH', `server speaks protocol ${PROTOCOL_VERSION}, client ${protocol}`));
    const claims = deps.tokens.verify(token);
    const account = claims && deps.users.byId(claims.sub);
    if (!account) return next(handshakeError('UNAUTHENTICATED', 'token missing, invalid or expired'));
    if (!deps.worlds.exists(world)) return next(handshakeError('WRONG_WORLD', `no world ${world}`));
    const user = deps.worlds.userInWorld(account, world);
    if (!user) return next(handshakeError('FORBIDDEN', `you do not take part in ${world}`));
    socket.data = { user, world };
    next();
  });

  io.on('connection', (socket) => {
    const { user, world } = socket.data;
    void socket.join(roomOf(user, world));
    registerHandlers(socket, deps);
    socket.emit('session:ready', { user, world, headSeq: deps.registry.seq(), protocol: PROTOCOL_VERSION });
  });
  return io;
}

/**
 * The one registration loop: every inbound event is parsed with its schema before its handler runs,
 * and every answer has the one ack shape. Handlers never see unvalidated data.
 */
function registerHandlers(socket: LiandongSocket, deps: SocketServerDeps) {
  for (const name of Object.keys(ALL_INBOUND_SCHEMAS) as (keyof typeof ALL_INBOUND_SCHEMAS)[]) {
    const schema: z.ZodType = ALL_INBOUND_SCHEMAS[name];
    (socket.on as (event: string, listener: (...args: unknown[]) => void) => void)(name, (payload: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return; // Nothing to answer to: a fire-and-forget command is not accepted.
      const reply = ack as (answer: Ack<unknown>) => void;
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return reply(fail('BAD_REQUEST', `invalid ${name}`, zodDetails(parsed.error)));
      handle(socket, deps, name, parsed.data)
        .then(reply)
        .catch((error: unknown) => {
          deps.log(`handler ${name} failed`, error);
          reply(fail('INTERNAL', 'internal error; the command may be retried with the same idempotency key'));
        });
    });
  }
}

async function handle(socket: LiandongSocket, deps: SocketServerDeps, name: string, payload: unknown): Promise<Ack<unknown>> {
  const { user, world } = socket.data;
  if (isCommandName(name)) return deps.commands.execute(user, world, { type: name, payload } as Command);
  return handleRequest(deps, user, world, name as RequestName, payload);
}

async function handleRequest(deps: SocketServerDeps, user: User, world: WorldId, name: RequestName, payload: unknown): Promise<Ack<RequestResults[RequestName]>> {
  const state = deps.registry.ensure(world);
  switch (name) {
    case 'sync:snapshot':
      return { ok: true, data: snapshotFor(user, state, deps.worlds.clockOf(world)()) };
    case 'sync:since': {
      const { afterSeq } = payload as z.output<(typeof REQUEST_SCHEMAS)['sync:since']>;
      await deps.commands.idle(); // so the read sees everything already folded into the state
      const headSeq = state.seq;
      const events = await deps.store.readAfter(afterSeq, MAX_RESYNC_EVENTS + 1, world);
      if (events.length > MAX_RESYNC_EVENTS) return { ok: true, data: { kind: 'snapshot-required', headSeq } };
      return {
        ok: true,
        data: { kind: 'events', headSeq, events: events.filter((event) => isVisibleTo(user, event, state)) },
      };
    }
  }
}

export { COMMAND_SCHEMAS };
