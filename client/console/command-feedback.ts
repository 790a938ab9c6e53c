import type { CommandInput, CommandName, CommandResult, ProtocolError } from '../../shared/index.js';
import { t } from '../i18n/index.js';
import { TransportError, type LiveClient } from '../net/live-client.js';

export type CommandOutcome = { ok: true; result: CommandResult } | { ok: false; message: string; error: ProtocolError | null };

/**
 * Sends a command and turns every way it can fail into one message a dispatcher can read: the
 * server's typed error (translated code + the server's own words), or "not sent" when offline.
 */
export async function sendCommand<K extends CommandName>(
  client: LiveClient,
  name: K,
  payload: Omit<CommandInput<K>, 'idempotencyKey'>,
): Promise<CommandOutcome> {
  try {
    const ack = await client.send(name, payload);
    if (ack.ok) return { ok: true, result: ack.data };
    return { ok: false, message: describeError(ack.error), error: ack.error };
  } catch (error) {
    if (error instanceof TransportError) return { ok: false, message: t('feedback.notSent'), error: null };
    throw error;
  }
}

export function describeError(error: ProtocolError): string {
  return `${t(`error.${error.code}`)} — ${error.message}`;
}

export interface FieldIssue {
  path: string;
  message: string;
  code: string;
}

/** Field-level issues of a BAD_REQUEST (from the server's zod check, or decide's `details.field`). */
export function fieldIssues(error: ProtocolError | null): FieldIssue[] {
  if (!error || error.code !== 'BAD_REQUEST') return [];
  const details = error.details as { issues?: FieldIssue[]; field?: string } | undefined;
  if (Array.isArray(details?.issues)) return details.issues;
  if (typeof details?.field === 'string') return [{ path: details.field, message: error.message, code: 'rule' }];
  return [];
}
