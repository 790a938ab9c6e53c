import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshot } from '../support/browser.js';
import { eventuallyAsync, openFieldApp } from '../support/field-page.js';
import { key, send, type TestServer } from '../support/test-server.js';
import { withServerAndBrowser } from '../support/browser-fixture.js';

describe('field app: the plan tasks on the assignment card', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((started) => ({ server, browser } = started));

  it("shows the team's own plan actions and ticks one through the outbox", async () => {
    const dispatcher = await server.connect('disp1');
    const reported = await send(dispatcher, 'incident:report', {
      idempotencyKey: key(),
      category: 'accident',
      subtype: 'building_fire',
      level: 'III',
      location: { lat: 38.9235, lon: 121.6552 },
      description: '商铺起火',
    });
    if (!reported.ok) throw new Error(reported.error.message);
    const incidentId = reported.data.createdIds[0]!;
    expect((await send(dispatcher, 'incident:verify', { idempotencyKey: key(), incidentId })).ok).toBe(true);
    expect((await send(dispatcher, 'incident:dispatch', { idempotencyKey: key(), incidentId, unitIds: ['U-E1'] })).ok).toBe(true);

    const { page, context } = await openFieldApp(browser, server, 'field-e1');
    const tasks = page.locator('[data-testid=plan-tasks]');
    await tasks.waitFor();
    // A fire engine crew (fire and rescue) is named on one action; the others are listed read-only.
    const own = tasks.locator('.task-list').first().locator('[data-testid=task]');
    expect(await own.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action-id')))).toEqual(['search-and-rescue']);
    expect(await tasks.locator('details.other-tasks [data-testid=task-complete]').count()).toBe(0);
    expect(await tasks.locator('details.other-tasks [data-testid=task]').count()).toBe(5);

    await own.locator('[data-testid=task-complete]').click();
    await eventuallyAsync(async () => {
      expect(server.app.registry.get('live')!.activations.get(incidentId)!.completions['search-and-rescue']).toMatchObject({ by: 'USR-field-e1' });
    });
    await tasks.locator('[data-testid=task][data-action-id=search-and-rescue][data-status=done]').waitFor();
    expect(await page.locator('[data-testid=outbox-item][data-command="plan:complete-action"][data-status=confirmed]').count()).toBe(1);
    await tasks.scrollIntoViewIfNeeded();
    await screenshot(page, 'plans-field-tasks');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});
