import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DALIAN_PLAN_TEMPLATES } from '../../shared/index.js';
import { eventually, key, recordEvents, send, settle, startTestServer, type TestServer } from '../support/test-server.js';

describe('emergency plans on live incidents', () => {
  let server: TestServer;
  let now = Date.now();
  beforeAll(async () => {
    // A fake clock the test moves by hand; the deadline watch runs only when ticked.
    server = await startTestServer({ config: { clock: () => new Date(now), ackTimeoutMs: 60_000, deadlineWatchMs: 0 } });
  });
  afterAll(() => server.close());

  async function reportAndVerify(level: 'III' | 'I' = 'III') {
    const dispatcher = await server.connect('disp1');
    const reported = await send(dispatcher, 'incident:report', {
      idempotencyKey: key(),
      category: 'accident',
      subtype: 'building_fire',
      level,
      location: { lat: 38.916, lon: 121.64 },
      description: 'apartment fire',
    });
    if (!reported.ok) throw new Error(reported.error.message);
    const incidentId = reported.data.createdIds[0]!;
    expect((await send(dispatcher, 'incident:verify', { idempotencyKey: key(), incidentId })).ok).toBe(true);
    return { dispatcher, incidentId };
  }

  it('verifying an incident activates the best-matching plan, seen by the dispatch centre', async () => {
    const ops = recordEvents(await server.connect('disp2'));
    const { incidentId } = await reportAndVerify();
    await eventually(() => expect(ops.map((e) => e.type)).toContain('plan:activated'));
    const activation = server.app.registry.get('live')!.activations.get(incidentId)!;
    expect(activation.planId).toMatch(/^PLAN-BUILDING-FIRE/);
    expect(activation.requirements.some((r) => r.unitType === 'fire_engine')).toBe(true);
  });

  it('raising the level re-matches the plan and says what is added and released', async () => {
    const { dispatcher, incidentId } = await reportAndVerify();
    const before = server.app.registry.get('live')!.activations.get(incidentId)!;
    const ops = recordEvents(await server.connect('disp2'));
    expect((await send(dispatcher, 'incident:change-level', { idempotencyKey: key(), incidentId, level: 'I', reason: 'fire spread to upper floors' })).ok).toBe(true);
    await eventually(() => expect(ops.map((e) => e.type)).toEqual(['incident:level-changed', 'plan:rematched']));
    const rematched = ops[1]!.data as { fromPlanId: string; added: { unitType: string; count: number }[] };
    expect(rematched.fromPlanId).toBe(before.planId);
    expect(rematched.added.length).toBeGreaterThan(0);
    const after = server.app.registry.get('live')!.activations.get(incidentId)!;
    expect(after.planId).not.toBe(before.planId);
    expect(after.lastDelta?.added).toEqual(rematched.added);
  });

  it('checklist actions are ticked by dispatchers and by assigned field teams only', async () => {
    const { dispatcher, incidentId } = await reportAndVerify();
    const actions = server.app.registry.get('live')!.activations.get(incidentId)!.actions;
    const [first, second] = actions;
    expect((await send(dispatcher, 'plan:complete-action', { idempotencyKey: key(), incidentId, actionId: first!.id })).ok).toBe(true);
    expect(await send(dispatcher, 'plan:complete-action', { idempotencyKey: key(), incidentId, actionId: first!.id })).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    expect(await send(dispatcher, 'plan:complete-action', { idempotencyKey: key(), incidentId, actionId: 'no-such-action' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const unassigned = await server.connect('field-a1');
    expect(await send(unassigned, 'plan:complete-action', { idempotencyKey: key(), incidentId, actionId: second!.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await send(dispatcher, 'incident:dispatch', { idempotencyKey: key(), incidentId, unitIds: ['U-A1'] });
    expect((await send(unassigned, 'plan:complete-action', { idempotencyKey: key(), incidentId, actionId: second!.id, note: 'triage point set' })).ok).toBe(true);
    const completions = server.app.registry.get('live')!.activations.get(incidentId)!.completions;
    expect(Object.keys(completions).sort()).toEqual([first!.id, second!.id].sort());
    expect(completions[second!.id]).toMatchObject({ by: 'USR-field-a1', note: 'triage point set' });
  });

  it('an unacknowledged assignment times out, frees the unit and offers the next-best one to supervisors only', async () => {
    const { dispatcher, incidentId } = await reportAndVerify();
    const ops = recordEvents(await server.connect('sup'));
    const field = recordEvents(await server.connect('field-e1'));
    const dispatched = await send(dispatcher, 'incident:dispatch', { idempotencyKey: key(), incidentId, unitIds: ['U-E1'] });
    if (!dispatched.ok) throw new Error(dispatched.error.message);
    now += 59_000;
    await server.app.deadlineWatch.tick();
    expect(server.app.registry.get('live')!.assignments.get(dispatched.data.createdIds[0]!)!.status).toBe('dispatched');
    now += 2_000;
    await server.app.deadlineWatch.tick();
    await server.app.deadlineWatch.tick();
    const state = server.app.registry.get('live')!;
    expect(state.assignments.get(dispatched.data.createdIds[0]!)!.status).toBe('timed_out');
    expect(state.units.get('U-E1')!.status).toBe('available');
    const mine = () => ops.filter((e) => e.type === 'alert:raised' && e.data.assignmentId === dispatched.data.createdIds[0]);
    await eventually(() => expect(mine()).toHaveLength(1));
    const alert = mine()[0]!;
    expect(alert.data).toMatchObject({ unitId: 'U-E1', suggestedUnitId: 'U-E2' });
    // A supervisor takes it in hand; every desk sees that, the team does not, and it is done once.
    const supervisor = await server.connect('sup');
    const alertId = alert.data.alertId as string;
    expect((await send(supervisor, 'alert:acknowledge', { idempotencyKey: key(), alertId })).ok).toBe(true);
    expect(await send(supervisor, 'alert:acknowledge', { idempotencyKey: key(), alertId })).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    expect(await send(await server.connect('field-e1'), 'alert:acknowledge', { idempotencyKey: key(), alertId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await eventually(() => expect(ops.map((e) => e.type)).toContain('alert:acknowledged'));
    expect(server.app.registry.get('live')!.alerts.find((a) => a.alertId === alertId)).toMatchObject({ acknowledgedBy: 'USR-sup' });
    await settle();
    expect(field.map((e) => e.type)).toContain('assignment:status-changed');
    expect(field.map((e) => e.type)).not.toContain('alert:raised');
    expect(field.map((e) => e.type)).not.toContain('alert:acknowledged');
  });

  it('overdue checklist actions raise one alert each', async () => {
    const { incidentId } = await reportAndVerify();
    const activation = server.app.registry.get('live')!.activations.get(incidentId)!;
    const firstDeadline = activation.actions[0]!.deadlineMinutes;
    now += (firstDeadline + 1) * 60_000;
    await server.app.deadlineWatch.tick();
    await server.app.deadlineWatch.tick();
    const alerts = server.app.registry.get('live')!.alerts.filter((a) => a.incidentId === incidentId && a.kind === 'action_overdue');
    expect(alerts.map((a) => a.actionId)).toContain(activation.actions[0]!.id);
    expect(new Set(alerts.map((a) => a.actionId)).size).toBe(alerts.length);
  });

  it('templates are created and revised by supervisors, validated field by field; an activated plan keeps its revision', async () => {
    const supervisor = await server.connect('sup');
    const dispatcher = await server.connect('disp1');
    const base = DALIAN_PLAN_TEMPLATES.find((t) => t.id.startsWith('PLAN-BUILDING-FIRE'))!;
    const { revision: _revision, ...body } = base;
    const created = { ...body, id: 'PLAN-TEST-GAS', match: { ...body.match, subtypes: ['gas'] } };
    expect(await send(dispatcher, 'plan-template:create', { idempotencyKey: key(), template: created })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const invalid = await send(supervisor, 'plan-template:create', { idempotencyKey: key(), template: { ...created, match: { ...created.match, subtypes: ['earthquake'] } } });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    if (!invalid.ok) expect(JSON.stringify(invalid.error.details)).toContain('template.match.subtypes.0');
    expect((await send(supervisor, 'plan-template:create', { idempotencyKey: key(), template: created })).ok).toBe(true);

    const { incidentId } = await reportAndVerify();
    const started = server.app.registry.get('live')!.activations.get(incidentId)!;
    const revised = await send(supervisor, 'plan-template:revise', {
      idempotencyKey: key(),
      template: { ...body, id: started.planId, expectedRevision: started.planRevision, cordonRadiusM: body.cordonRadiusM + 50 },
    });
    expect(revised.ok).toBe(true);
    const stale = await send(supervisor, 'plan-template:revise', { idempotencyKey: key(), template: { ...body, id: started.planId, expectedRevision: started.planRevision } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'STALE_VERSION' } });
    expect(server.app.registry.get('live')!.templates.get(started.planId)!.revision).toBe(started.planRevision + 1);
    expect(server.app.registry.get('live')!.activations.get(incidentId)!.planRevision).toBe(started.planRevision);
  });
});
