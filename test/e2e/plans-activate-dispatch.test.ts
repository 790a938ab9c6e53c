import { describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { screenshot } from '../support/browser.js';
import { openConsole, type ConsoleWindow } from '../support/console-page.js';
import { streamOf } from '../../shared/index.js';
import { SYSTEM_ACTOR } from '../../server/commands/command-service.js';
import { key, send, type TestServer } from '../support/test-server.js';
import { withServerAndBrowser } from '../support/browser-fixture.js';

describe('the plan panel: from verification to a dispatched run card', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((started) => ({ server, browser } = started));

  const live = () => server.app.registry.get('live')!;
  const openUnitsOn = (incidentId: string) =>
    [...live().assignments.values()].filter((a) => a.incidentId === incidentId && !['declined', 'timed_out', 'cleared', 'cancelled'].includes(a.status)).map((a) => a.unitId).sort();
  const line = (panel: Locator, requirementKey: string) => panel.locator(`[data-testid=requirement-line][data-key="${requirementKey}"]`);

  it('verifying activates the plan; the recommendation is dispatched in one click and required vs assigned follows', async () => {
    const callTaker = await server.connect('disp2');
    const reported = await send(callTaker, 'incident:report', {
      idempotencyKey: key(),
      category: 'accident',
      subtype: 'building_fire',
      level: 'III',
      location: { lat: 38.916, lon: 121.64 },
      address: '中山区人民路 56 号',
      description: '居民楼三层起火，有人被困',
    });
    if (!reported.ok) throw new Error(reported.error.message);
    const incidentId = reported.data.createdIds[0]!;

    const { page, context, errors } = await openConsole(browser, server, 'disp1');
    await page.click(`[data-testid=incident-row][data-incident-id="${incidentId}"]`);
    const detail = page.locator(`[data-testid=incident-detail][data-incident-id="${incidentId}"]`);
    const panel = detail.locator('[data-testid=plan-panel]');
    // Before verification: no plan, and a way to activate one.
    await panel.locator('[data-testid=plan-activate-best]').waitFor();

    await detail.locator('[data-testid=action-verify]').click();
    await page.locator('[data-testid=plan-panel][data-plan-id=PLAN-BUILDING-FIRE]').waitFor();
    expect(await panel.locator('[data-testid=plan-name]').textContent()).toBe('建筑火灾处置预案（较大、一般）');
    expect(await panel.locator('[data-testid=plan-response-level]').textContent()).toBe('三级响应');
    expect(await panel.textContent()).toContain('消防救援');
    expect(await panel.textContent()).toContain('警戒 50 米 · 疏散 100 米');
    expect(await panel.locator('[data-testid=plan-public-warning]').textContent()).toContain('建筑发生火灾');
    // Nothing sent yet: every line unmet.
    expect(await line(panel, 'fire_engine:water').getAttribute('data-assigned')).toBe('0');
    expect(await line(panel, 'fire_engine:water').getAttribute('class')).toContain('unmet');

    // Nearest free units per line, each with its reason and ETA; lines nobody can fill are named.
    const picks = panel.locator('[data-testid=recommendation-pick]');
    await expect.poll(() => picks.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-unit-id')))).toEqual(['U-E1', 'U-E2', 'U-A1', 'U-P1']);
    const firstReason = await panel.locator('[data-testid=recommendation-pick][data-unit-id=U-E1] [data-testid=recommendation-reason]').textContent();
    expect(firstReason).toMatch(/^最近的待命力量，具备水，直线 0\.\d\d km，预计 \d+ 分钟到达$/);
    expect(await panel.locator('[data-testid=recommendation-pick][data-unit-id=U-E2] [data-testid=recommendation-reason]').textContent()).toContain('第 2 近');
    expect(await panel.locator('[data-testid=recommendation-pick][data-unit-id=U-A1] [data-testid=recommendation-eta]').textContent()).toMatch(/约 \d+ 分/);
    const shortfalls = await panel.locator('[data-testid=recommendation-shortfall]').evaluateAll((rows) => rows.map((row) => row.textContent));
    expect(shortfalls).toEqual([
      '没有可派的水罐消防车（水），还缺 1 个',
      '没有可派的登高平台车（32米登高），还缺 1 个',
      '没有可派的抢险救援车（绳索救援），还缺 1 个',
    ]);
    await panel.locator('[data-testid=recommendation]').scrollIntoViewIfNeeded();
    await screenshot(page, 'plans-recommendation');

    // The dispatcher keeps the police car back: untick it, and the button counts three.
    await panel.locator('[data-testid=recommendation-pick][data-unit-id=U-P1] [data-testid=recommendation-choose]').uncheck();
    const dispatch = panel.locator('[data-testid=dispatch-recommendation]');
    expect(await dispatch.textContent()).toBe('按推荐派遣（3）');
    await dispatch.click();
    await expect.poll(() => openUnitsOn(incidentId)).toEqual(['U-A1', 'U-E1', 'U-E2']);
    expect(await detail.locator('[data-testid=detail-message]').textContent()).toBe('已按推荐派遣 3 个力量：U-E1、U-E2、U-A1');

    // Required vs assigned follows the assignments live, and the recommendation shrinks to what is left.
    await expect.poll(() => line(panel, 'fire_engine:water').getAttribute('data-assigned')).toBe('2');
    expect(await line(panel, 'ambulance:als').getAttribute('class')).toContain(' met');
    await expect.poll(() => picks.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-unit-id')))).toEqual(['U-P1']);
    // Another desk sends the police car: this console sees the line met without doing anything.
    expect((await send(callTaker, 'incident:dispatch', { idempotencyKey: key(), incidentId, unitIds: ['U-P1'] })).ok).toBe(true);
    await expect.poll(() => line(panel, 'police_patrol').getAttribute('data-assigned')).toBe('1');
    expect(await line(panel, 'police_patrol').getAttribute('class')).toContain(' met');
    await expect.poll(() => picks.count()).toBe(0);
    await panel.locator('[data-testid=plan-requirements]').scrollIntoViewIfNeeded();
    await screenshot(page, 'plans-required-vs-assigned');

    // The first checklist action is ticked with a note; its completion is the server's.
    const firstAction = panel.locator('[data-testid=checklist-item][data-action-id=dispatch-first-alarm]');
    expect(await firstAction.getAttribute('data-status')).toBe('pending');
    await firstAction.locator('[data-testid=checklist-complete]').click();
    await page.locator('[data-testid=checklist-dialog] [data-testid=checklist-note]').fill('首批力量已出动');
    await page.locator('[data-testid=checklist-dialog] [data-testid=dialog-submit]').click();
    await panel.locator('[data-testid=checklist-item][data-action-id=dispatch-first-alarm][data-status=done]').waitFor();
    expect(live().activations.get(incidentId)!.completions['dispatch-first-alarm']).toMatchObject({ by: 'USR-disp1', note: '首批力量已出动' });
    expect(await panel.locator('[data-testid=checklist-item]').count()).toBe(6);

    // Raising the level re-matches the plan: what it adds and releases is shown prominently.
    await detail.locator('[data-testid=action-escalate]').click();
    const dialog = page.locator('[data-testid=level-dialog]');
    await dialog.locator('[name=reason]').fill('火势蔓延至四层');
    await dialog.locator('[data-testid=dialog-submit]').click();
    await page.locator('[data-testid=plan-panel][data-plan-id=PLAN-BUILDING-FIRE-MAJOR]').waitFor();
    expect(await panel.locator('[data-testid=plan-response-level]').textContent()).toBe('一级响应');
    const added = panel.locator('[data-testid=plan-delta-added]');
    expect(await added.getAttribute('data-lines')).toMatch(/^5 × 水罐消防车（水）；2 × 登高平台车（53米登高）；1 × 抢险救援车（绳索救援）；/);
    expect(await added.textContent()).toMatch(/^增派5 × 水罐消防车（水）/);
    expect(await panel.locator('[data-testid=plan-delta-released]').textContent()).toBe('可释放1 × 巡逻警车');
    // The plain patrol car does not count towards the crowd-control line the major plan asks for.
    expect(await line(panel, 'police_patrol:crowd_control').getAttribute('data-assigned')).toBe('0');
    expect(await line(panel, 'fire_engine:water').getAttribute('data-required')).toBe('8');
    await panel.locator('[data-testid=plan-delta]').scrollIntoViewIfNeeded();
    await screenshot(page, 'plans-level-raised-delta');
    // The cordon and evacuation rings are drawn around the incident (100 m and 300 m now).
    await page.evaluate(() => {
      (window as unknown as ConsoleWindow).__liandong.map.setView([38.916, 121.64], 16, { animate: false });
    });
    await page.waitForTimeout(300);
    await screenshot(page, 'plans-map-circles');
    expect(await page.locator('[data-testid=layer-toggle-planAreas]').isChecked()).toBe(true);
    // Nothing spills sideways at 1280×720.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an incident with no plan can be given the best match or a chosen plan of its category', async () => {
    const callTaker = await server.connect('disp2');
    const reported = await send(callTaker, 'incident:report', {
      idempotencyKey: key(),
      category: 'accident',
      subtype: 'gas',
      level: 'IV',
      location: { lat: 38.91, lon: 121.6 },
      description: '小区燃气泄漏',
    });
    if (!reported.ok) throw new Error(reported.error.message);
    const incidentId = reported.data.createdIds[0]!;
    const { page, context } = await openConsole(browser, server, 'disp1');
    await page.click(`[data-testid=incident-row][data-incident-id="${incidentId}"]`);
    const panel = page.locator(`[data-testid=incident-detail][data-incident-id="${incidentId}"] [data-testid=plan-panel]`);
    // No template covers a gas leak: the panel says so and offers no "best match".
    await expect.poll(() => panel.locator('[data-testid=plan-none]').textContent()).toContain('没有与本事件');
    expect(await panel.locator('[data-testid=plan-activate-best]').isDisabled()).toBe(true);
    // The dispatcher picks one from the library instead: only the category's templates are offered.
    const choice = panel.locator('[data-testid=plan-choice]');
    await expect.poll(() => choice.isEnabled()).toBe(true);
    const options = await choice.locator('option').evaluateAll((items) => items.map((item) => (item as HTMLOptionElement).value).filter(Boolean));
    const library = [...live().templates.values()];
    expect(options.length).toBe(library.filter((template) => template.match.category === 'accident').length);
    expect(options.every((id) => library.find((template) => template.id === id)?.match.category === 'accident')).toBe(true);
    const chosen = 'PLAN-WORK-SAFETY';
    expect(options).toContain(chosen);
    await choice.selectOption(chosen);
    await screenshot(page, 'plans-choose-plan');
    await panel.locator('[data-testid=plan-activate-chosen]').click();
    await page.locator(`[data-testid=plan-panel][data-plan-id=${chosen}]`).waitFor();
    expect(live().activations.get(incidentId)).toMatchObject({ planId: chosen, matchReason: 'chosen by the dispatcher' });
    await context.close();
  });

  it('the dispatcher swaps a recommended unit for another candidate before sending', async () => {
    // U-E1 and U-E2 are still on the first fire. Four more water engines on land to the west: the
    // plan asks for three, so one is left to swap in.
    const engines = [
      { id: 'U-E3', lat: 38.91, lon: 121.62 },
      { id: 'U-E4', lat: 38.9, lon: 121.6 },
      { id: 'U-E5', lat: 38.92, lon: 121.58 },
      { id: 'U-E6', lat: 38.93, lon: 121.56 },
    ];
    await server.app.commands.system(
      'live',
      () => ({
        ok: true,
        createdIds: [],
        events: engines.map((engine) => ({
          type: 'unit:registered' as const,
          stream: streamOf.unit(engine.id),
          data: { unitId: engine.id, callSign: engine.id, name: engine.id, type: 'fire_engine' as const, agency: 'fire_rescue' as const, district: 'Zhongshan', stationName: 'Test station', home: { lat: engine.lat, lon: engine.lon }, capabilities: ['water'] },
        })),
      }),
      SYSTEM_ACTOR,
    );
    const callTaker = await server.connect('disp2');
    const reported = await send(callTaker, 'incident:report', {
      idempotencyKey: key(),
      category: 'accident',
      subtype: 'building_fire',
      level: 'IV',
      location: { lat: 38.915, lon: 121.63 },
      description: '餐馆厨房起火',
    });
    if (!reported.ok) throw new Error(reported.error.message);
    const incidentId = reported.data.createdIds[0]!;
    expect((await send(callTaker, 'incident:verify', { idempotencyKey: key(), incidentId })).ok).toBe(true);

    const { page, context } = await openConsole(browser, server, 'disp1');
    await page.click(`[data-testid=incident-row][data-incident-id="${incidentId}"]`);
    const panel = page.locator(`[data-testid=incident-detail][data-incident-id="${incidentId}"] [data-testid=plan-panel]`);
    const engineLine = panel.locator('[data-testid=recommendation-line][data-key="fire_engine:water"]');
    const picked = () => engineLine.locator('[data-testid=recommendation-pick]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-unit-id')));
    await expect.poll(picked).toEqual(['U-E3', 'U-E4', 'U-E5']);
    // The nearest pick is swapped for the one engine left over.
    const swap = engineLine.locator('[data-testid=recommendation-pick][data-unit-id=U-E3] [data-testid=recommendation-swap]');
    expect(await swap.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).toEqual(['', 'U-E6']);
    await swap.selectOption('U-E6');
    await expect.poll(picked).toEqual(['U-E6', 'U-E4', 'U-E5']);
    expect(await engineLine.locator('[data-testid=recommendation-pick][data-unit-id=U-E6] [data-testid=recommendation-reason]').textContent()).toMatch(/^调度员改选/);
    await engineLine.scrollIntoViewIfNeeded();
    await screenshot(page, 'plans-recommendation-swapped');

    await panel.locator('[data-testid=dispatch-recommendation]').click();
    await expect.poll(() => openUnitsOn(incidentId)).toEqual(['U-E4', 'U-E5', 'U-E6']);
    // The engine line is met; the engine swapped out stays free for the next call.
    await expect.poll(() => engineLine.count()).toBe(0);
    expect(live().units.get('U-E3')).toMatchObject({ status: 'available', assignmentId: null });
    await context.close();
  });
});
