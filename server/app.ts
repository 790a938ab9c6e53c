import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import type { StoredEvent } from '../shared/index.js';
import type { AppConfig } from './config.js';
import { openStore } from './store/open-store.js';
import { createWorldRegistry } from './world/world-registry.js';
import { createWorldDirectory } from './world/world-directory.js';
import { createCommandService } from './commands/command-service.js';
import { createUserDirectory } from './auth/user-directory.js';
import { createTokenService } from './auth/tokens.js';
import { createLoginThrottle } from './auth/login-throttle.js';
import { createSocketServer } from './realtime/socket-server.js';
import { createPublisher } from './realtime/publisher.js';
import { authRoutes, requireUser } from './http/auth-routes.js';
import { readRoutes } from './http/read-routes.js';
import { sendError } from './http/validation.js';
import { seedDemoWorld } from './seed/apply-demo.js';
import { seedPlanTemplates } from './plans/seed-templates.js';
import { createDeadlineWatch } from './plans/deadline-watch.js';
import { planRoutes } from './http/plan-routes.js';
import { createDrillService } from './drills/drill-service.js';
import { drillRoutes } from './drills/drill-routes.js';

/**
 * Composes the platform: store → live state → command service → HTTP and socket layers. Nothing here
 * reads the environment; main.ts does that, tests pass a config with a temporary data dir and port 0.
 */
export async function createApp(config: AppConfig) {
  const store = await openStore(config);
  const registry = createWorldRegistry();
  await registry.load(store);
  const users = await createUserDirectory(store);
  const secret = await store.initSetting('token-secret', randomBytes(32).toString('base64url'));
  const tokens = createTokenService(secret, config.tokenTtlMs, () => config.clock().getTime());

  const worlds = createWorldDirectory(config.clock);

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '256kb' }));
  const httpServer = http.createServer(app);
  // The command service publishes through the socket server, which is built after it.
  let publish: (events: StoredEvent[]) => void = () => undefined;
  const commands = createCommandService({
    store,
    registry,
    clockOf: (world) => worlds.clockOf(world),
    onCommitted: (events) => publish(events),
    snapshotEvery: config.snapshotEvery,
    log: config.log,
  });
  const io = createSocketServer(httpServer, { commands, users, tokens, registry, store, worlds, log: config.log });
  const publisher = createPublisher(io, registry);
  publish = (events) => publisher.publish(events);
  const drills = createDrillService({ store, registry, commands, clockMode: config.drillClock, tickMs: config.drillTickMs, realNowMs: () => config.clock().getTime(), log: config.log });
  worlds.addProvider(drills);

  let ready = false;
  app.get('/api/health', (_request, response) => response.json({ ok: true, data: { status: 'up' } }));
  app.get('/api/ready', (_request, response) =>
    ready ? response.json({ ok: true, data: { status: 'ready', store: store.kind, headSeq: registry.seq() } }) : sendError(response, 'INTERNAL', 'starting'),
  );
  app.use('/api', authRoutes(users, tokens, createLoginThrottle({ maxFailures: 5, windowMs: 5 * 60_000, now: () => config.clock().getTime() })));
  app.use('/api', requireUser(users, tokens, worlds), readRoutes(registry, store, worlds), planRoutes(registry, store), drillRoutes(drills, users, store, registry));
  app.use('/api', (_request, response) => sendError(response, 'NOT_FOUND', 'no such API route'));
  if (config.staticDir && fs.existsSync(config.staticDir)) {
    app.use(express.static(config.staticDir));
    app.get('/', (_request, response) => response.sendFile(path.join(config.staticDir!, 'index.html')));
  }
  // Internal errors are logged, never leaked.
  app.use((error: unknown, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
    config.log('http request failed', error);
    if ((error as { type?: string }).type === 'entity.parse.failed') return sendError(response, 'BAD_REQUEST', 'body is not valid JSON');
    sendError(response, 'INTERNAL', 'internal error');
  });

  await seedPlanTemplates(commands);
  if (config.demo) await seedDemoWorld({ store, registry, commands, users, log: config.log });
  const demoAccounts = users.demoAccounts();
  if (demoAccounts.length > 0)
    config.log(
      `\n!!! WARNING: ${demoAccounts.length} DEMO ACCOUNTS WITH PUBLISHED PASSWORDS ARE ACTIVE (see README).\n!!! This is a demo world: never run it for real operations.\n`,
    );
  // Drills first: until a drill is loaded its world has no simulated clock for the deadline watch to read.
  await drills.load();
  const deadlineWatch = createDeadlineWatch({ registry, worlds, commands, ackTimeoutMs: config.ackTimeoutMs, intervalMs: config.deadlineWatchMs, log: config.log });
  deadlineWatch.start();
  ready = true;

  return {
    config,
    httpServer,
    io,
    store,
    registry,
    worlds,
    commands,
    users,
    tokens,
    /** Listens on config.port (0 picks a free one) and resolves with the port. */
    listen(): Promise<number> {
      return new Promise((resolve) => {
        httpServer.listen(config.port, config.host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : config.port);
        });
      });
    },
    deadlineWatch,
    drills,
    async close() {
      await drills.stop();
      await deadlineWatch.stop();
      await commands.idle();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await store.close();
    },
  };
}
export type LiandongApp = Awaited<ReturnType<typeof createApp>>;
