import type { Ack } from '../../shared/index.js';
import type { Session } from './session.js';

/**
 * An authorised POST of the REST API with a JSON body (the drill controls use it). Like apiGet it
 * resolves with the server's ack and rejects only when the server could not be reached.
 */
export async function apiPost<T>(session: Session, path: string, body: unknown = {}): Promise<Ack<T>> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Ack<T>;
}
