import type { Request, Response, NextFunction, RequestHandler } from 'express';
import type { z } from 'zod';
import { HTTP_STATUS, fail, type ErrorCode } from '../../shared/index.js';

/** Field-level issues of a failed parse, in a form a client can show next to each field. */
export function zodDetails(error: z.ZodError) {
  return { issues: error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message, code: issue.code })) };
}

/** Sends the one error shape with the HTTP status that matches its code. */
export function sendError(response: Response, code: ErrorCode, message: string, details?: unknown) {
  response.status(HTTP_STATUS[code]).json(fail(code, message, details));
}

/** Validates the JSON body before the handler runs; the handler gets the parsed value. */
export function withBody<S extends z.ZodType>(
  schema: S,
  handler: (body: z.output<S>, request: Request, response: Response) => Promise<void> | void,
): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const parsed = schema.safeParse(request.body ?? {});
    if (!parsed.success) return sendError(response, 'BAD_REQUEST', 'invalid request body', zodDetails(parsed.error));
    Promise.resolve(handler(parsed.data, request, response)).catch(next);
  };
}
