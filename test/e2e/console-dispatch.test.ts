import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshot } from '../support/browser.js';
import { openConsole, type ConsoleWindow } from '../support/console-page.js';
import { key, send, type TestServer } from '../support/test-server.js';
import { withServerAndBrowser } from '../support/browser-fixture.js';

describe('dispatching from the incident detail', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((started) => ({ server, browser } = started));

  it('dispatches the nearest engine and follows its crew to the scene', async () => {
    const other = await server.connect('disp2');
    const reported = await send(other, 'incident:report', {
      idempotencyKey: key(),
      category: 'accident',
      subtype: 'building_fire',
      level: 'II',
      location: { lat: 38.916, lon: 121.64 },
      address: '中山区人民路 56 号',
      description: '商场三楼起火',
    });
    if (!reported.ok) throw new Error(reported.error.message);
    const incidentId = reported.data.createdIds[0]!;

    const { page, context, errors } = await openConsole(browser, server, 'disp1');
    await page.click(`[data-testid=incident-row][data-incident-id="${incidentId}"]`);
    const detail = page.locator(`[data-testid=incident-detail][data-incident-id="${incidentId}"]`);
    await detail.waitFor();
    // Candidates nearest first by straight line: the engine 0.4 km away, then the ambulance 1 km away.
    const candidates = detail.locator('[data-testid=dispatch-unit]');
    await expect.poll(() => candidates.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-unit-id')))).toEqual(['U-E1', 'U-A1', 'U-E2', 'U-P1']);
    expect(await detail.locator('[data-testid=dispatch-unit][data-unit-id=U-E1]').textContent()).toMatch(/0\.\d\d km/);

    await detail.locator('[data-testid=dispatch-unit][data-unit-id=U-E1]').click();
    const row = detail.locator('[data-testid=assignment-row][data-unit-id=U-E1]');
    await detail.locator('[data-testid=assignment-row][data-unit-id=U-E1][data-status=dispatched]').waitFor();
    // A dispatched unit is no longer offered.
    await expect.poll(() => detail.locator('[data-testid=dispatch-unit][data-unit-id=U-E1]').count()).toBe(0);
    await screenshot(page, 'console-dispatch-dispatched');

    const assignmentId = await row.getAttribute('data-assignment-id');
    const crew = await server.connect('field-e1');
    expect((await send(crew, 'assignment:acknowledge', { idempotencyKey: key(), assignmentId: assignmentId! })).ok).toBe(true);
    await detail.locator('[data-testid=assignment-row][data-unit-id=U-E1][data-status=acknowledged]').waitFor();
    for (const status of ['en_route', 'on_scene'] as const) {
      expect((await send(crew, 'assignment:advance', { idempotencyKey: key(), assignmentId: assignmentId!, status })).ok).toBe(true);
      await detail.locator(`[data-testid=assignment-row][data-unit-id=U-E1][data-status=${status}]`).waitFor();
    }
    // The timeline is re-read from the log as events arrive; the dispatch → scene timer has stopped.
    await expect.poll(() => detail.locator('[data-testid=incident-timeline] li[data-event-type="assignment:status-changed"]').count()).toBe(3);
    const queueTimer = page.locator(`[data-testid=incident-row][data-incident-id="${incidentId}"] [data-timer=dispatchToScene]`);
    expect(await queueTimer.getAttribute('data-running')).toBe('false');
    // The map's store follows too (positions and lines are drawn from it).
    const unitStatus = await page.evaluate(() => (window as unknown as ConsoleWindow).__liandong.store.state.units.get('U-E1')?.status);
    expect(unitStatus).toBe('on_scene');
    await screenshot(page, 'console-dispatch-on-scene');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('escalates with a reason and shows why the server refuses a close', async () => {
    const other = await server.connect('disp2');
    const reported = await send(other, 'incident:report', {
      idempotencyKey: key(),
      category: 'accident',
      subtype: 'chemical_leak',
      level: 'III',
      location: { lat: 38.93, lon: 121.6 },
      description: '化工厂储罐泄漏',
    });
    if (!reported.ok) throw new Error(reported.error.message);
    const incidentId = reported.data.createdIds[0]!;
    const { page, context } = await openConsole(browser, server, 'disp1');
    await page.click(`[data-testid=incident-row][data-incident-id="${incidentId}"]`);
    const detail = page.locator(`[data-testid=incident-detail][data-incident-id="${incidentId}"]`);
    await detail.waitFor();

    // Escalating needs a reason: without one the server's refusal shows in the dialog.
    await detail.locator('[data-testid=action-escalate]').click();
    const dialog = page.locator('[data-testid=level-dialog]');
    expect(await dialog.locator('[name=level]').inputValue()).toBe('II');
    await dialog.locator('[data-testid=dialog-submit]').click();
    await expect.poll(() => dialog.locator('[data-testid=dialog-error]').textContent()).toContain('输入有误');
    await dialog.locator('[name=reason]').fill('储罐持续泄漏，需要疏散');
    await dialog.locator('[name=reason]').press('Enter');
    await page.locator(`[data-testid=incident-detail][data-incident-id="${incidentId}"][data-level=II]`).waitFor();
    await expect.poll(() => dialog.count()).toBe(0);

    await detail.locator('[data-testid=dispatch-unit][data-unit-id=U-E2]').click();
    await detail.locator('[data-testid=assignment-row][data-unit-id=U-E2][data-status=dispatched]').waitFor();
    // Closing with a unit still assigned is refused; the code and the server's words are shown.
    await detail.locator('[data-testid=action-close]').click();
    const closeDialog = page.locator('[data-testid=close-dialog]');
    await closeDialog.locator('[name=reason]').fill('已处置完毕');
    await closeDialog.locator('[data-testid=dialog-submit]').click();
    await expect.poll(() => closeDialog.locator('[data-testid=dialog-error]').textContent()).toContain('仍有未完成的派遣任务');
    await screenshot(page, 'console-dispatch-refused');
    // Esc closes the dialog and changes nothing.
    await page.keyboard.press('Escape');
    await expect.poll(() => closeDialog.count()).toBe(0);
    expect(server.app.registry.get('live')!.incidents.get(incidentId)).toMatchObject({ level: 'II', status: 'active' });
    await context.close();
  });

  it('merges a duplicate report into the incident it repeats', async () => {
    const other = await server.connect('disp2');
    const report = (description: string, lat: number) =>
      send(other, 'incident:report', {
        idempotencyKey: key(),
        category: 'public_health',
        subtype: 'food_poisoning',
        level: 'III',
        location: { lat, lon: 121.58 },
        description,
      });
    const first = await report('幼儿园午餐后多名儿童呕吐', 38.95);
    const duplicate = await report('幼儿园有孩子呕吐（家长来电）', 38.9505);
    if (!first.ok || !duplicate.ok) throw new Error('report failed');
    const survivorId = first.data.createdIds[0]!;
    const duplicateId = duplicate.data.createdIds[0]!;
    const { page, context } = await openConsole(browser, server, 'disp1');
    await page.click(`[data-testid=incident-row][data-incident-id="${duplicateId}"]`);
    await page.locator(`[data-testid=incident-detail][data-incident-id="${duplicateId}"] [data-testid=action-merge]`).click();
    const dialog = page.locator('[data-testid=merge-dialog]');
    // The nearest open incident is offered first.
    expect(await dialog.locator('[name=into]').inputValue()).toBe(survivorId);
    await dialog.locator('[data-testid=dialog-submit]').click();
    await page.locator(`[data-testid=incident-detail][data-incident-id="${duplicateId}"][data-status=merged]`).waitFor();
    await expect.poll(() => page.locator(`[data-testid=incident-row][data-incident-id="${duplicateId}"]`).count()).toBe(0);
    expect(server.app.registry.get('live')!.incidents.get(survivorId)!.mergedFrom).toEqual([duplicateId]);
    await context.close();
  });
});
