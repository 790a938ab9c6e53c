import type { Ack, User } from '../../shared/index.js';

export interface Session {
  token: string;
  expiresAt: string;
  user: User;
}

const storageKey = (page: string) => `liandong.session.${page}`;

/** Logs in over HTTP; the token is kept per page (console, field) so one browser can hold both. */
export async function login(page: string, username: string, password: string): Promise<Ack<Session>> {
  const response = await fetch('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const answer = (await response.json()) as Ack<Session>;
  if (answer.ok) localStorage.setItem(storageKey(page), JSON.stringify(answer.data));
  return answer;
}

export function savedSession(page: string): Session | null {
  const raw = localStorage.getItem(storageKey(page));
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    return Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function logout(page: string) {
  localStorage.removeItem(storageKey(page));
}

/** An authorised GET of the REST API. */
export async function apiGet<T>(session: Session, path: string): Promise<Ack<T>> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${session.token}` } });
  return (await response.json()) as Ack<T>;
}
