import type { TestServer } from './test-server.js';

/** One REST call with a bearer token; resolves with the HTTP status and the parsed body. */
export async function api<T = unknown>(server: TestServer, token: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: unknown } } };
}

/** The data of a successful call; throws with the error otherwise. */
export async function apiData<T>(server: TestServer, token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const { body: answer } = await api<T>(server, token, method, path, body);
  if (!answer.ok) throw new Error(`${method} ${path}: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

/**
 * Moves a manual drill clock on by `seconds` and lets everything that watches clocks look once: the
 * drill scheduler (injects, simulated crews) and the deadline watch.
 */
export async function advanceDrill(server: TestServer, drillId: string, seconds: number) {
  if (seconds > 0) server.app.drills.advance(drillId, seconds * 1000);
  await server.app.drills.tick();
  await server.app.deadlineWatch.tick();
}
