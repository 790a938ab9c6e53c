import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshot } from '../support/browser.js';
import { openConsole, type ConsoleWindow } from '../support/console-page.js';
import { key, send, type TestServer } from '../support/test-server.js';
import { withServerAndBrowser } from '../support/browser-fixture.js';

describe('the console through a lost connection', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((started) => ({ server, browser } = started));

  it('shows it is offline, refuses to send, and catches up by itself when the connection returns', async () => {
    const { page, context } = await openConsole(browser, server, 'disp1');
    const other = await server.connect('disp2');
    // Cut the transport the way a network drop does (socket.io will reconnect on its own)...
    await page.evaluate(() => {
      const socket = (window as unknown as ConsoleWindow).__liandong.client.socket;
      socket.io.reconnectionDelay(1500);
      socket.io.reconnectionDelayMax(1500);
      socket.io.engine.close();
    });
    await page.waitForSelector('[data-testid=connection][data-state=offline]');
    // ...a command tried meanwhile is refused with a clear message, not lost silently...
    const form = page.locator('[data-testid=intake-form]');
    await form.locator('[name=category]').selectOption('accident');
    await form.locator('[name=subtype]').selectOption('gas');
    await form.locator('[name=lat]').fill('38.92');
    await form.locator('[name=lon]').fill('121.63');
    await form.locator('[name=description]').fill('燃气泄漏');
    await page.click('[data-testid=intake-submit]');
    await page.waitForSelector('[data-testid=intake-message].error');
    await screenshot(page, 'console-resync-offline');
    // ...and what happened elsewhere while it was away shows once it is back.
    const reported = await send(other, 'incident:report', {
      idempotencyKey: key(),
      category: 'public_health',
      subtype: 'food_poisoning',
      level: 'III',
      location: { lat: 38.95, lon: 121.56 },
      description: '学校食堂多人腹痛',
    });
    if (!reported.ok) throw new Error(reported.error.message);
    const incidentId = reported.data.createdIds[0]!;
    await page.waitForSelector('[data-testid=connection][data-state=online]', { timeout: 10_000 });
    await page.locator(`[data-testid=incident-row][data-incident-id="${incidentId}"]`).waitFor();
    // The report that failed offline was kept in the form, so it can simply be sent again.
    expect(await form.locator('[name=description]').inputValue()).toBe('燃气泄漏');
    await page.click('[data-testid=intake-submit]');
    await page.waitForSelector('[data-testid=intake-message].success');
    expect(server.app.registry.get('live')!.incidents.size).toBe(2);
    await context.close();
  });
});
