import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot } from '../support/browser.js';
import { openConsole } from '../support/console-page.js';
import { SERVE_CLIENT } from '../support/field-page.js';
import { key, send, startTestServer, type TestServer } from '../support/test-server.js';

describe('the console without internet, at 1280×720, in two languages', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer(SERVE_CLIENT);
    browser = await launchBrowser();
    const dispatcher = await server.connect('disp2');
    // A long description and address must wrap, not push the layout sideways.
    const reported = await send(dispatcher, 'incident:report', {
      idempotencyKey: key(),
      category: 'natural',
      subtype: 'storm_surge',
      level: 'I',
      location: { lat: 38.87, lon: 121.66 },
      address: '中山区滨海路老虎滩渔人码头以东约三百米海堤段'.repeat(2),
      description: '风暴潮漫过海堤，沿线低洼地带进水，多辆汽车被困，需要立即疏散沿海居民。'.repeat(6),
      caller: { name: '滨海路巡查员', phone: '0411-8888 6666' },
      casualties: 0,
    });
    if (!reported.ok) throw new Error(reported.error.message);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws the packaged land, fits the screen, and switches to English', async () => {
    const { page, context, errors } = await openConsole(browser, server, 'disp1');
    await page.waitForSelector('#map[data-basemap=offline]', { timeout: 10_000 });
    // The packaged land is drawn on canvas: count its fill colour (#e9e4d4) on the map's canvases.
    await expect
      .poll(() =>
        page.evaluate(() => {
          let land = 0;
          for (const canvas of document.querySelectorAll<HTMLCanvasElement>('#map canvas')) {
            const context = canvas.getContext('2d');
            if (!context || canvas.width === 0) continue;
            const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
            for (let index = 0; index < pixels.length; index += 16)
              if (Math.abs(pixels[index]! - 233) < 4 && Math.abs(pixels[index + 1]! - 228) < 4 && Math.abs(pixels[index + 2]! - 212) < 4) land += 1;
          }
          return land;
        }),
      )
      .toBeGreaterThan(5000);

    const row = page.locator('[data-testid=incident-row]').first();
    await row.click();
    await page.locator('[data-testid=incident-detail]').waitFor();
    const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(overflow.scroll).toBeLessThanOrEqual(1280);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(720);
    await screenshot(page, 'console-offline-basemap');

    expect(await page.textContent('[data-testid=queue-heading]')).toBe('事件队列');
    await page.click('[data-testid=language]');
    await expect.poll(() => page.textContent('[data-testid=queue-heading]')).toBe('Incident queue');
    expect(await page.textContent('[data-testid=tab-intake]')).toBe('Intake');
    expect(await page.textContent('[data-testid=incident-detail] .detail-kind')).toContain('Storm surge');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // The open incident and the map survive the switch.
    expect(await page.locator('[data-testid=incident-detail]').count()).toBe(1);
    expect(await page.getAttribute('#map', 'data-basemap')).toBe('offline');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await screenshot(page, 'console-offline-english');
    // The legend starts folded on a map this small; opened, it explains every symbol.
    await page.click('[data-testid=map-legend] summary');
    expect(await page.textContent('[data-testid=map-legend]')).toContain('Unit status');
    await screenshot(page, 'console-offline-legend');
    expect(errors).toEqual([]);
    await context.close();
  });
});
