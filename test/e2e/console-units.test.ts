import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshot } from '../support/browser.js';
import { openConsole, type ConsoleWindow } from '../support/console-page.js';
import { key, send, type TestServer } from '../support/test-server.js';
import { withServerAndBrowser } from '../support/browser-fixture.js';

describe('the units panel', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((started) => ({ server, browser } = started));

  it('filters by type, agency and status and locates the chosen unit on the map', async () => {
    const { page, context, errors } = await openConsole(browser, server, 'disp1');
    await page.click('[data-testid=tab-units]');
    const rows = page.locator('[data-testid=unit-row]');
    await expect.poll(() => rows.count()).toBe(4);

    await page.selectOption('[data-testid=units-filter-type]', 'fire_engine');
    await expect.poll(() => rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-unit-id')))).toEqual(['U-E1', 'U-E2']);
    await page.selectOption('[data-testid=units-filter-type]', '');
    await page.selectOption('[data-testid=units-filter-agency]', 'health_emergency');
    await expect.poll(() => rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-unit-id')))).toEqual(['U-A1']);
    await page.selectOption('[data-testid=units-filter-agency]', '');

    // A unit sent somewhere shows up under its new status, live.
    const dispatcher = await server.connect('disp2');
    const reported = await send(dispatcher, 'incident:report', {
      idempotencyKey: key(),
      category: 'accident',
      subtype: 'road_traffic',
      level: 'IV',
      location: { lat: 38.9, lon: 121.6 },
      description: '两车追尾',
    });
    if (!reported.ok) throw new Error(reported.error.message);
    await send(dispatcher, 'incident:dispatch', { idempotencyKey: key(), incidentId: reported.data.createdIds[0]!, unitIds: ['U-P1'] });
    await page.selectOption('[data-testid=units-filter-status]', 'dispatched');
    await expect.poll(() => rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-unit-id')))).toEqual(['U-P1']);

    await page.click('[data-testid=unit-row][data-unit-id=U-P1]');
    await expect
      .poll(() =>
        page.evaluate(() => {
          const map = (window as unknown as ConsoleWindow).__liandong.map;
          const centre = map.getCenter();
          return { zoom: map.getZoom(), lat: Math.round(centre.lat * 1000) / 1000, lon: Math.round(centre.lng * 1000) / 1000 };
        }),
      )
      .toEqual({ zoom: 15, lat: 38.905, lon: 121.594 });
    expect(await page.getAttribute('[data-testid=unit-row][data-unit-id=U-P1]', 'aria-current')).toBe('true');
    await screenshot(page, 'console-units-located');
    expect(errors).toEqual([]);
    await context.close();
  });
});
