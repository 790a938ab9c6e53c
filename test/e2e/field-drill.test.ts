import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot } from '../support/browser.js';
import { PHONE, SERVE_CLIENT, type FieldWindow } from '../support/field-page.js';
import { FIXTURE_PASSWORD, startTestServer, type TestServer } from '../support/test-server.js';

describe('field app in a drill world', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer(SERVE_CLIENT);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('?world=drill:<id> asks for that world and says DRILL unmistakably', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${server.url}/field.html?world=drill:harbour-fire`);
    await page.fill('#login-username', 'field-e1');
    await page.fill('#login-password', FIXTURE_PASSWORD);
    await page.click('#login-submit');
    await page.waitForSelector('[data-testid=drill-banner]');
    expect(await page.textContent('[data-testid=drill-banner]')).toContain('演练');
    expect(await page.getAttribute('.field-app', 'data-world')).toBe('drill:harbour-fire');
    // The socket asked for the drill, never for live operations.
    const asked = await page.evaluate(() => ((window as unknown as FieldWindow).__liandong.client.socket.auth as { world: string }).world);
    expect(asked).toBe('drill:harbour-fire');
    // This drill does not exist on the server: the refusal is shown, not a silent empty screen.
    await page.waitForSelector('[data-testid=connection][data-state=refused]');
    expect(await page.textContent('[data-testid=offline-banner]')).toContain('演练');
    await screenshot(page, 'field-drill');
    await context.close();
  });
});

