import { z } from 'zod';

/** The closed set of error codes every ack and HTTP error uses. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ILLEGAL_TRANSITION',
  'UNIT_UNAVAILABLE',
  'OPEN_ASSIGNMENTS',
  'STALE_VERSION',
  'CONFLICT',
  'IDEMPOTENCY_MISMATCH',
  'WRONG_WORLD',
  'PROTOCOL_MISMATCH',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ProtocolErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ProtocolError = z.infer<typeof ProtocolErrorSchema>;

/** The one ack shape: every command and request is answered with it. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };

export function fail(code: ErrorCode, message: string, details?: unknown): { ok: false; error: ProtocolError } {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

/** HTTP status for each error code, for the REST side. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ILLEGAL_TRANSITION: 409,
  UNIT_UNAVAILABLE: 409,
  OPEN_ASSIGNMENTS: 409,
  STALE_VERSION: 409,
  CONFLICT: 409,
  IDEMPOTENCY_MISMATCH: 409,
  WRONG_WORLD: 403,
  PROTOCOL_MISMATCH: 426,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};
