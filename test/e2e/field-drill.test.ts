import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshot } from '../support/browser.js';
import { PHONE, type FieldWindow } from '../support/field-page.js';
import { FIXTURE_PASSWORD, type TestServer } from '../support/test-server.js';
import { withServerAndBrowser } from '../support/browser-fixture.js';

describe('field app in a drill world', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((started) => ({ server, browser } = started));

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

