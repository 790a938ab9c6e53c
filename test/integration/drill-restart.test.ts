import { afterAll, describe, expect, it } from 'vitest';
import type { CreatedDrill, DrillSummary } from '../../shared/index.js';
import { advanceDrill, apiData } from '../support/drill-api.js';
import { key, send, startTestServer, tempDataDir, type TestServer } from '../support/test-server.js';

/** A drill outlives a server restart: it comes back paused at the drill time the log last recorded. */
describe('a drill across a restart', () => {
  const dataDir = tempDataDir();
  const config = { drillClock: 'manual' as const, drillTickMs: 0, deadlineWatchMs: 0 };
  let server: TestServer | undefined;
  afterAll(() => server?.close());

  it('comes back paused at its last drill time, then resumes where it was', async () => {
    server = await startTestServer({ dataDir, config });
    let instructor = await server.login('instr');
    const { drillId, world } = await apiData<CreatedDrill>(server, instructor, 'POST', '/api/drills', { scenarioId: 'school-food-poisoning', trainees: [{ username: 'disp1', playsAs: 'dispatcher' }] });
    await apiData(server, instructor, 'POST', `/api/drills/${drillId}/start`, {});
    await advanceDrill(server, drillId, 0);
    for (let step = 0; step < 5; step++) await advanceDrill(server, drillId, 30);
    const trainee = await server.connect('disp1', { world });
    // The last event before the restart is this verification, at 2:30 of drill time.
    expect((await send(trainee, 'incident:verify', { idempotencyKey: key(), incidentId: `INC-${drillId}-canteen` })).ok).toBe(true);
    await server.close();

    server = await startTestServer({ dataDir, config });
    instructor = await server.login('instr');
    const summary = await apiData<DrillSummary>(server, instructor, 'GET', `/api/drills/${drillId}`);
    expect(summary).toMatchObject({ status: 'paused', simulatedNow: '2025-05-20T04:42:30.000Z', elapsedMinutes: 2.5 });
    const back = await server.connect('disp1', { world });
    expect(await send(back, 'incident:note', { idempotencyKey: key(), incidentId: `INC-${drillId}-canteen`, text: 'still here' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await apiData(server, instructor, 'POST', `/api/drills/${drillId}/resume`, {});
    for (let step = 0; step < 11; step++) await advanceDrill(server, drillId, 30);
    const after = await apiData<DrillSummary>(server, instructor, 'GET', `/api/drills/${drillId}`);
    expect(after).toMatchObject({ status: 'running', simulatedNow: '2025-05-20T04:48:00.000Z' });
    expect(after.injects.filter((inject) => inject.fired).map((inject) => inject.injectId)).toEqual(['teacher-call', 'more-pupils']);
    expect(server.app.registry.get(world)!.incidents.get(`INC-${drillId}-canteen`)!.casualties).toBe(35);
  });
});
