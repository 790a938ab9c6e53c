import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, send, startTestServer, type TestServer } from '../support/test-server.js';

describe('the HTTP API', () => {
  let server: TestServer;
  let incidentId: string;
  beforeAll(async () => {
    server = await startTestServer();
    const dispatcher = await server.connect('disp1');
    const reported = await send(dispatcher, 'incident:report', {
      idempotencyKey: key(),
      category: 'natural',
      subtype: 'rainstorm',
      level: 'II',
      location: { lat: 38.95, lon: 121.53 },
      description: 'underpass flooded',
    });
    if (!reported.ok) throw new Error('report failed');
    incidentId = reported.data.createdIds[0]!;
    await send(dispatcher, 'incident:verify', { idempotencyKey: key(), incidentId });
  });
  afterAll(() => server.close());

  const get = async (path: string, username?: string) => {
    const headers: Record<string, string> = username ? { authorization: `Bearer ${await server.login(username)}` } : {};
    const response = await fetch(`${server.url}${path}`, { headers });
    return { status: response.status, body: (await response.json()) as { ok: boolean; data?: unknown; error?: { code: string } } };
  };

  it('answers health and readiness without a token', async () => {
    expect((await get('/api/health')).body).toMatchObject({ ok: true });
    expect((await get('/api/ready')).body).toMatchObject({ ok: true, data: { status: 'ready', store: 'sqlite' } });
  });

  it('refuses a wrong password and a malformed login with typed errors', async () => {
    const post = (body: unknown) =>
      fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const wrong = await post({ username: 'disp1', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const malformed = await post({ user: 'disp1' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('after five wrong passwords a username is refused for a while, even with the right one; others are not', async () => {
    const attempt = (username: string, password: string) =>
      fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    for (let i = 0; i < 5; i++) expect((await attempt('sup', `guess-${i}`)).status).toBe(401);
    const locked = await attempt('sup', 'test-password');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await locked.json()).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect((await attempt('viewer', 'test-password')).status).toBe(200);
  });

  it('reads need a token', async () => {
    const response = await get('/api/incidents');
    expect(response.status).toBe(401);
    expect(response.body.error?.code).toBe('UNAUTHENTICATED');
  });

  it('lists incidents and units, and an incident timeline from the log', async () => {
    const incidents = await get('/api/incidents', 'disp1');
    expect((incidents.body.data as { id: string }[]).map((i) => i.id)).toContain(incidentId);
    const units = await get('/api/units', 'disp1');
    expect((units.body.data as unknown[]).length).toBe(4);
    const timeline = await get(`/api/incidents/${incidentId}/timeline`, 'disp1');
    expect((timeline.body.data as { type: string }[]).map((e) => e.type)).toEqual(['incident:reported', 'incident:verified', 'plan:activated']);
  });

  it('a field user reads only its own unit and no unrelated incident', async () => {
    const units = await get('/api/units', 'field-e1');
    expect((units.body.data as { id: string }[]).map((u) => u.id)).toEqual(['U-E1']);
    expect((await get(`/api/incidents/${incidentId}`, 'field-e1')).status).toBe(404);
  });

  it('exports the live picture as RFC 7946 GeoJSON with [lon, lat] positions', async () => {
    const { body } = await get('/api/export/geojson', 'disp1');
    const collection = body as unknown as { type: string; features: { geometry: { coordinates: number[] }; properties: { kind: string; level?: string } }[] };
    expect(collection.type).toBe('FeatureCollection');
    const incident = collection.features.find((f) => f.properties.kind === 'incident');
    expect(incident?.geometry.coordinates).toEqual([121.53, 38.95]);
    expect(incident?.properties.level).toBe('II');
    expect(collection.features.filter((f) => f.properties.kind === 'unit')).toHaveLength(4);
  });
});
