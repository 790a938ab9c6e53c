import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { WorldId } from '../../shared/index.js';
import { launchBrowser, screenshot } from '../support/browser.js';
import { incidentIdByDescription, openConsole } from '../support/console-page.js';
import { SERVE_CLIENT } from '../support/field-page.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const DRILL: WorldId = 'drill:console-e2e';

describe('the console in a drill world', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer(SERVE_CLIENT);
    // A minimal drill: everyone takes part as themselves, on the real clock (the drill module decides more).
    server.app.worlds.addProvider({ owns: (world) => world === DRILL, userInWorld: (user) => user, clockOf: () => () => new Date() });
    server.app.registry.ensure(DRILL);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says DRILL, and what is reported there stays there', async () => {
    const { page, context } = await openConsole(browser, server, 'disp1', { query: `?world=${DRILL}` });
    expect(await page.textContent('[data-testid=drill-banner]')).toContain('演练');
    const form = page.locator('[data-testid=intake-form]');
    await form.locator('[name=category]').selectOption('natural');
    await form.locator('[name=subtype]').selectOption('earthquake');
    await form.locator('[name=level]').selectOption('I');
    await form.locator('[name=lat]').fill('39.05');
    await form.locator('[name=lon]').fill('121.78');
    await form.locator('[name=description]').fill('演练：金州区 5.8 级地震');
    await page.click('[data-testid=intake-submit]');
    await page.click('[data-testid=intake-open-incident]');
    const incidentId = await incidentIdByDescription(page, '演练：金州区 5.8 级地震');
    // The timeline is read from the drill's log (REST with ?world=), not the live one.
    await page.locator(`[data-testid=incident-detail][data-incident-id="${incidentId}"] [data-testid=incident-timeline] li[data-event-type="incident:reported"]`).waitFor();
    // The drill has no units yet: the dispatch list says so (and not that the incident has ended).
    expect(await page.textContent('[data-testid=dispatch-panel]')).toContain('没有可派的力量');
    expect(server.app.registry.get(DRILL)!.incidents.has(incidentId!)).toBe(true);
    expect(server.app.registry.get('live')!.incidents.has(incidentId!)).toBe(false);
    await screenshot(page, 'console-drill-world');
    await context.close();
  });

  it('explains a refused world instead of spinning', async () => {
    const { page, context } = await openConsole(browser, server, 'disp1', { query: '?world=drill:no-such-drill', waitFor: 'refused' });
    expect(await page.textContent('[data-testid=connection-refusal]')).toContain('该演练不存在或不可进入');
    await context.close();
  });
});
