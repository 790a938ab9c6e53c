import { Router, type Response } from 'express';
import { z } from 'zod';
import {
  AdHocInjectSchema,
  CreateDrillRequestSchema,
  DrillSpeedRequestSchema,
  EmptyRequestSchema,
  StartDrillRequestSchema,
  afterActionReview,
  drillWorld,
  streamOf,
  type Ack,
  type Actor,
  type DrillInfo,
  type StoredEvent,
  type User,
} from '../../shared/index.js';
import type { UserDirectory } from '../auth/user-directory.js';
import { callerOf } from '../http/auth-routes.js';
import { sendError, withBody } from '../http/validation.js';
import type { EventStore } from '../store/port.js';
import type { WorldRegistry } from '../world/world-registry.js';
import type { DrillRequest, DrillService } from './drill-service.js';
import { drillSummary } from './drill-summary.js';

const ReplayQuerySchema = z.object({
  afterSeq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(20_000).default(5000),
});

const isInstructor = (account: User) => account.role === 'instructor' || account.role === 'admin';
/** The drill's own instructor and administrators run it; other instructors may look. */
const runs = (account: User, drill: DrillInfo) => account.role === 'admin' || drill.instructorId === account.id;
const isTrainee = (account: User, drill: DrillInfo) => drill.trainees.some((trainee) => trainee.userId === account.id);
const sees = (account: User, drill: DrillInfo) => isInstructor(account) || runs(account, drill) || isTrainee(account, drill);
const actorOf = (account: User): Actor => ({ userId: account.id, role: account.role });

/**
 * The drill REST API (docs/drills.md), mounted under /api behind requireUser. Scenarios, creating and
 * running drills are for instructors and administrators; trainees may read their own drill, and its
 * review and replay once it has ended. A drill a user may not see answers NOT_FOUND.
 */
export function drillRoutes(drills: DrillService, users: UserDirectory, store: EventStore, registry: WorldRegistry) {
  const router = Router();
  // The account as it is outside any world: `?world=` must not turn a trainee into an instructor here.
  const accountOf = (response: Response) => users.byId(callerOf(response).user.id) ?? callerOf(response).user;
  const found = (response: Response, drillId: string): { account: User; drill: DrillInfo } | null => {
    const account = accountOf(response);
    const drill = drills.get(drillId);
    if (!drill || !sees(account, drill)) {
      sendError(response, 'NOT_FOUND', `no drill ${drillId}`);
      return null;
    }
    return { account, drill };
  };
  const summaryFor = async (account: User, drill: DrillInfo) =>
    drillSummary({
      drill,
      scenario: drills.scenarioOf(drill),
      reading: drills.clockReading(drill.drillId)!,
      drillEvents: await store.readStream(streamOf.drill(drill.drillId)),
      userById: (userId) => users.byId(userId),
      viewerIs: isInstructor(account) || runs(account, drill) ? 'instructor' : 'trainee',
    });
  const answer = async (response: Response, account: User, drillId: string, result: Ack<unknown>) => {
    if (!result.ok) return sendError(response, result.error.code, result.error.message, result.error.details);
    response.json({ ok: true, data: await summaryFor(account, drills.get(drillId)!) });
  };

  router.get('/scenarios', (_request, response) => {
    if (!isInstructor(accountOf(response))) return sendError(response, 'FORBIDDEN', 'scenarios are for instructors');
    response.json({ ok: true, data: drills.scenarios() });
  });

  router.post(
    '/drills',
    withBody(CreateDrillRequestSchema, async (body, _request, response) => {
      const account = accountOf(response);
      if (!isInstructor(account)) return sendError(response, 'FORBIDDEN', 'only instructors and administrators create drills');
      const scenario = drills.scenarios().find((candidate) => candidate.id === body.scenarioId);
      if (!scenario) return sendError(response, 'NOT_FOUND', `no scenario ${body.scenarioId}`, { field: 'scenarioId' });
      const live = registry.ensure('live');
      const trainees: DrillRequest['trainees'] = [];
      for (const [index, trainee] of body.trainees.entries()) {
        const user = users.byUsername(trainee.username);
        if (!user) return sendError(response, 'BAD_REQUEST', `no user ${trainee.username}`, { field: `trainees.${index}.username` });
        if (user.id === account.id) return sendError(response, 'BAD_REQUEST', 'the instructor cannot also be a trainee', { field: `trainees.${index}.username` });
        if (trainee.unitId !== undefined && !live.units.has(trainee.unitId))
          return sendError(response, 'BAD_REQUEST', `no live unit ${trainee.unitId} to copy`, { field: `trainees.${index}.unitId` });
        trainees.push({ userId: user.id, playsAs: trainee.playsAs, liveUnitId: trainee.unitId ?? null });
      }
      const created = await drills.create(
        {
          scenario,
          name: body.name ?? `${scenario.name.zh} ${scenario.name.en}`,
          instructorId: account.id,
          trainees,
        },
        actorOf(account),
      );
      if (!created.ok) return sendError(response, created.error.code, created.error.message, created.error.details);
      response.status(201).json({ ok: true, data: { drillId: created.data.drillId, world: drillWorld(created.data.drillId), unitCount: created.data.unitCount } });
    }),
  );

  router.get('/drills', async (_request, response) => {
    const account = accountOf(response);
    const visible = drills.list().filter((drill) => sees(account, drill));
    response.json({ ok: true, data: await Promise.all(visible.map((drill) => summaryFor(account, drill))) });
  });

  router.get('/drills/:id', async (request, response) => {
    const access = found(response, request.params.id);
    if (access) response.json({ ok: true, data: await summaryFor(access.account, access.drill) });
  });

  /** A control action: the drill's instructor or an administrator only. */
  const control = <S extends z.ZodType>(path: string, schema: S, act: (drillId: string, actor: Actor, body: z.output<S>) => Promise<Ack<unknown>>) =>
    router.post(
      `/drills/:id/${path}`,
      withBody(schema, async (body, request, response) => {
        const drillId = String(request.params.id);
        const access = found(response, drillId);
        if (!access) return;
        if (!runs(access.account, access.drill)) return sendError(response, 'FORBIDDEN', 'only the drill instructor runs the drill');
        await answer(response, access.account, drillId, await act(drillId, actorOf(access.account), body));
      }),
    );
  control('start', StartDrillRequestSchema, (drillId, actor, body) => drills.start(drillId, actor, body.speed));
  control('pause', EmptyRequestSchema, (drillId, actor) => drills.pause(drillId, actor));
  control('resume', EmptyRequestSchema, (drillId, actor) => drills.resume(drillId, actor));
  control('speed', DrillSpeedRequestSchema, (drillId, actor, body) => drills.setSpeed(drillId, actor, body.speed));
  control('end', EmptyRequestSchema, (drillId, actor) => drills.end(drillId, actor));

  router.post(
    '/drills/:id/inject',
    withBody(AdHocInjectSchema, async (body, request, response) => {
      const access = found(response, String(request.params.id));
      if (!access) return;
      if (!runs(access.account, access.drill)) return sendError(response, 'FORBIDDEN', 'only the drill instructor fires injects');
      const fired = await drills.inject(access.drill.drillId, body);
      if (!fired.ok) return sendError(response, fired.error.code, fired.error.message, fired.error.details);
      response.json({ ok: true, data: fired.data });
    }),
  );

  /** Reviews and replays: the instructors any time; trainees once the drill has ended (no peeking mid-exercise). */
  const mayReview = (response: Response, drillId: string) => {
    const access = found(response, drillId);
    if (!access) return null;
    if (!isInstructor(access.account) && !runs(access.account, access.drill) && access.drill.status !== 'ended') {
      sendError(response, 'FORBIDDEN', 'trainees see the review once the drill has ended');
      return null;
    }
    return access;
  };

  router.get('/drills/:id/review', async (request, response) => {
    const access = mayReview(response, request.params.id);
    if (!access) return;
    const world = drillWorld(access.drill.drillId);
    const events: StoredEvent[] = [];
    for (let afterSeq = 0; ; ) {
      const batch = await store.readAfter(afterSeq, 5000, world);
      events.push(...batch);
      if (batch.length < 5000) break;
      afterSeq = batch.at(-1)!.seq;
    }
    const review = afterActionReview({
      world,
      events,
      scenario: drills.scenarioOf(access.drill),
      templates: [...registry.ensure('live').templates.values()],
      at: new Date(drills.clockReading(access.drill.drillId)!.simulatedMs).toISOString(),
    });
    response.json({ ok: true, data: review });
  });

  router.get('/drills/:id/replay', async (request, response) => {
    const access = mayReview(response, request.params.id);
    if (!access) return;
    const query = ReplayQuerySchema.safeParse(request.query);
    if (!query.success) return sendError(response, 'BAD_REQUEST', 'afterSeq and limit are whole numbers (limit 1–20000)');
    const world = drillWorld(access.drill.drillId);
    const events = await store.readAfter(query.data.afterSeq, query.data.limit, world);
    response.json({
      ok: true,
      data: { drillId: access.drill.drillId, world, startsAt: access.drill.startsAt, events, nextAfterSeq: events.length === query.data.limit ? events.at(-1)!.seq : null },
    });
  });
  return router;
}
