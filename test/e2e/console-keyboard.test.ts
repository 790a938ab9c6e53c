import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshot } from '../support/browser.js';
import { openConsole } from '../support/console-page.js';
import { eventually, key, send, type TestServer } from '../support/test-server.js';
import { withServerAndBrowser } from '../support/browser-fixture.js';

describe('the console by keyboard alone', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((started) => ({ server, browser } = started));

  it('reaches the queue with Tab, opens an incident with Enter and rejects it through a dialog', async () => {
    const dispatcher = await server.connect('disp2');
    const reported = await send(dispatcher, 'incident:report', {
      idempotencyKey: key(),
      category: 'social_security',
      subtype: 'mass_incident',
      level: 'III',
      location: { lat: 38.91, lon: 121.6 },
      description: '广场聚集人群',
    });
    if (!reported.ok) throw new Error(reported.error.message);
    const incidentId = reported.data.createdIds[0]!;
    const { page, context } = await openConsole(browser, server, 'disp1');
    const row = page.locator(`[data-testid=incident-row][data-incident-id="${incidentId}"]`);
    await row.waitFor();

    let reached = false;
    for (let presses = 0; presses < 30 && !reached; presses += 1) {
      await page.keyboard.press('Tab');
      reached = await row.evaluate((element) => element === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid=incident-detail][data-incident-id="${incidentId}"]`).waitFor();

    await page.focus('[data-testid=action-reject]');
    await page.keyboard.press('Enter');
    const dialog = page.locator('[data-testid=reject-dialog]');
    await dialog.waitFor();
    // Focus moved into the dialog: typing goes to the reason.
    await page.keyboard.type('重复报警，现场无异常');
    await screenshot(page, 'console-keyboard-dialog');
    await page.keyboard.press('Enter');
    await eventually(() => expect(server.app.registry.get('live')!.incidents.get(incidentId)!.status).toBe('rejected'), 5000);
    await expect.poll(() => dialog.count()).toBe(0);
    // A rejected incident leaves the open queue.
    await expect.poll(() => row.count()).toBe(0);
    await context.close();
  });
});
