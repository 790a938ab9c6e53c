import { Router, type Request, type Response, type NextFunction } from 'express';
import { z } from 'zod';
import { WorldIdSchema, type User, type WorldId } from '../../shared/index.js';
import type { TokenService } from '../auth/tokens.js';
import type { UserDirectory } from '../auth/user-directory.js';
import type { LoginThrottle } from '../auth/login-throttle.js';
import type { WorldDirectory } from '../world/world-directory.js';
import { sendError, withBody } from './validation.js';

export const LoginSchema = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });

/** Set on the response by `requireUser`: the caller and the world it reads. */
export interface Caller {
  user: User;
  world: WorldId;
}
export function callerOf(response: Response): Caller {
  return response.locals.caller as Caller;
}

export function authRoutes(users: UserDirectory, tokens: TokenService, throttle: LoginThrottle) {
  const router = Router();
  router.post(
    '/login',
    withBody(LoginSchema, async (body, _request, response) => {
      const waitMs = throttle.retryAfterMs(body.username);
      if (waitMs > 0) {
        response.set('Retry-After', String(Math.ceil(waitMs / 1000)));
        return sendError(response, 'RATE_LIMITED', `too many wrong passwords; try again in ${Math.ceil(waitMs / 1000)} s`);
      }
      const user = await users.authenticate(body.username, body.password);
      if (!user) {
        throttle.failed(body.username);
        return sendError(response, 'UNAUTHENTICATED', 'wrong username or password');
      }
      throttle.succeeded(body.username);
      const { token, expiresAt } = tokens.issue(user.id);
      response.json({ ok: true, data: { token, expiresAt: new Date(expiresAt).toISOString(), user } });
    }),
  );
  return router;
}

/** Bearer-token check for REST reads; `?world=` picks the world (live by default). */
export function requireUser(users: UserDirectory, tokens: TokenService, worlds: WorldDirectory) {
  return (request: Request, response: Response, next: NextFunction) => {
    const header = request.get('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    const claims = token ? tokens.verify(token) : null;
    const account = claims && users.byId(claims.sub);
    if (!account) return sendError(response, 'UNAUTHENTICATED', 'send a valid token: Authorization: Bearer <token>');
    const world = WorldIdSchema.safeParse(request.query.world ?? 'live');
    if (!world.success) return sendError(response, 'BAD_REQUEST', 'world must be live or drill:<id>');
    if (!worlds.exists(world.data)) return sendError(response, 'WRONG_WORLD', `no world ${world.data}`);
    const user = worlds.userInWorld(account, world.data);
    if (!user) return sendError(response, 'FORBIDDEN', `you do not take part in ${world.data}`);
    response.locals.caller = { user, world: world.data } satisfies Caller;
    next();
  };
}
