import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { FIXTURE_PASSWORD, key, send, type TestClient, type TestServer } from './test-server.js';
import type { FieldTestHandle } from '../../client/field/field-context.js';
import { CLIENT_DIST } from './browser.js';

/** The field page's window with its test handle (a type only: page.evaluate callbacks run in the browser). */
export type FieldWindow = { __liandong: FieldTestHandle };

/** A phone: the viewport the field app is designed for (390×844, a common modern handset). */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

/** Test-server options that serve the built client. */
export const SERVE_CLIENT = { config: { staticDir: path.resolve(CLIENT_DIST) } };

/** Opens the field app on a phone-sized page and logs in through the form. */
export async function openFieldApp(browser: Browser, server: TestServer, username: string, options: BrowserContextOptions = {}) {
  const context: BrowserContext = await browser.newContext({ ...PHONE, ...options });
  await context.addInitScript(recordAlerts);
  const page: Page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[field page] ${error.message}`));
  await page.goto(`${server.url}/field.html`);
  await page.fill('#login-username', username);
  await page.fill('#login-password', FIXTURE_PASSWORD);
  await page.click('#login-submit');
  await page.waitForSelector('[data-testid=connection][data-state=online]');
  await page.waitForSelector('[data-testid=unit-status]');
  return { context, page };
}

/** A dispatcher reports a fire near the unit's station and dispatches the unit; returns the ids. */
export async function reportAndDispatch(dispatcher: TestClient, unitId: string) {
  const reported = await send(dispatcher, 'incident:report', {
    idempotencyKey: key(),
    category: 'accident',
    subtype: 'building_fire',
    level: 'III',
    location: { lat: 38.9235, lon: 121.6552 },
    address: '中山区人民路 56 号',
    description: '商铺起火，浓烟 shop on fire, heavy smoke',
  });
  if (!reported.ok) throw new Error(reported.error.message);
  const incidentId = reported.data.createdIds[0]!;
  const dispatched = await send(dispatcher, 'incident:dispatch', { idempotencyKey: key(), incidentId, unitIds: [unitId] });
  if (!dispatched.ok) throw new Error(dispatched.error.message);
  return { incidentId, assignmentId: dispatched.data.createdIds[0]! };
}

/** The progress buttons a person can see, by status. */
export function visibleStatusButtons(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid^="status-"]', (buttons) =>
    buttons.filter((button) => (button as HTMLElement).offsetParent !== null).map((button) => button.getAttribute('data-testid')!.slice('status-'.length)),
  );
}

export async function isVisible(page: Page, selector: string): Promise<boolean> {
  const element = await page.$(selector);
  return element ? element.isVisible() : false;
}

/** Like `eventually`, for an assertion that must await something (the server's store, its sockets). */
export async function eventuallyAsync(assertion: () => Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Counts vibrations and tones the page makes (headless Chromium has no speaker or motor to check). */
function recordAlerts() {
  const alerts = { vibrations: 0, tones: 0 };
  (window as unknown as { __alerts: typeof alerts }).__alerts = alerts;
  const vibrate = typeof navigator.vibrate === 'function' ? navigator.vibrate.bind(navigator) : null;
  navigator.vibrate = ((pattern: VibratePattern) => {
    alerts.vibrations += 1;
    return vibrate ? vibrate(pattern) : true;
  }) as Navigator['vibrate'];
  const prototype = AudioContext.prototype;
  const createOscillator = Object.getOwnPropertyDescriptor(BaseAudioContext.prototype, 'createOscillator')!.value as (this: BaseAudioContext) => OscillatorNode;
  prototype.createOscillator = function (this: AudioContext) {
    alerts.tones += 1;
    return createOscillator.call(this);
  };
}

/** What `recordAlerts` has counted so far. */
export function recordedAlerts(page: Page): Promise<{ vibrations: number; tones: number }> {
  return page.evaluate(() => (window as unknown as { __alerts: { vibrations: number; tones: number } }).__alerts);
}
