import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { ConsoleHandle } from '../../client/console/main.js';
import { FIXTURE_PASSWORD, type TestServer } from './test-server.js';

/** The console page's window with its test handle (a type only: page.evaluate callbacks run in the browser). */
export type ConsoleWindow = { __liandong: ConsoleHandle };

/** The smallest desktop the console is designed for. */
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 720 }, locale: 'zh-CN' };

/**
 * Opens the dispatcher console in its own browser context (its own storage: a second dispatcher is a
 * second context) and logs in through the form. Requests that leave the test server fail at once,
 * as they would at a centre without internet, so the map falls back to its packaged basemap.
 */
export async function openConsole(
  browser: Browser,
  server: TestServer,
  username: string,
  options: { query?: string; context?: BrowserContextOptions; waitFor?: 'online' | 'refused' } = {},
) {
  const context: BrowserContext = await browser.newContext({ ...DESKTOP, ...options.context });
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => {
    errors.push(error.message);
    console.error(`[console page ${username}] ${error.message}`);
  });
  await page.route((url) => !url.href.startsWith(server.url), (route) => route.abort('internetdisconnected'));
  await page.goto(`${server.url}/${options.query ?? ''}`);
  await page.fill('#login-username', username);
  await page.fill('#login-password', FIXTURE_PASSWORD);
  await page.click('#login-submit');
  await page.waitForSelector(`[data-testid=connection][data-state=${options.waitFor ?? 'online'}]`);
  return { context, page, errors };
}

/** The id of the first incident in the page's store that matches a description. */
export function incidentIdByDescription(page: Page, description: string): Promise<string | null> {
  return page.evaluate((text) => {
    const incidents = (window as unknown as ConsoleWindow).__liandong.store.state.incidents;
    for (const incident of incidents.values()) if (incident.description === text) return incident.id;
    return null;
  }, description);
}
