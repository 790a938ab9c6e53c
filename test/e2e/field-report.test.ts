import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshot } from '../support/browser.js';
import { eventuallyAsync, openFieldApp } from '../support/field-page.js';
import { type TestServer } from '../support/test-server.js';
import { withServerAndBrowser } from '../support/browser-fixture.js';

describe('field app: reporting a new incident from the field', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((started) => ({ server, browser } = started));

  it('category → sub-type → level and a description, placed at the phone position', async () => {
    const { context, page } = await openFieldApp(browser, server, 'field-a1', {
      permissions: ['geolocation'],
      geolocation: { latitude: 38.9102, longitude: 121.6013, accuracy: 20 },
    });
    await page.click('[data-testid=report-panel] summary');
    // Sub-types follow the category: none before one is chosen, only that category's after.
    expect(await page.isDisabled('[data-testid=report-subtype]')).toBe(true);
    await page.selectOption('[data-testid=report-category]', 'public_health');
    const subtypes = await page.$$eval('[data-testid=report-subtype] option', (options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
    expect(subtypes).toContain('food_poisoning');
    expect(subtypes).not.toContain('building_fire');
    await page.selectOption('[data-testid=report-subtype]', 'food_poisoning');
    await page.selectOption('[data-testid=report-level]', 'III');
    await page.fill('[data-testid=report-description]', '学校食堂多人呕吐 vomiting after school lunch');
    await page.fill('[data-testid=report-casualties]', '12');
    await page.locator('[data-testid=report-submit]').scrollIntoViewIfNeeded();
    await screenshot(page, 'field-report-form');
    await page.click('[data-testid=report-submit]');

    const reports = async () =>
      (await server.app.store.readAfter(0, 10_000)).filter((event) => event.type === 'incident:reported' && event.actor.userId === 'USR-field-a1');
    await eventuallyAsync(async () => expect(await reports()).toHaveLength(1));
    const [reported] = await reports();
    expect(reported!.data).toMatchObject({
      category: 'public_health',
      subtype: 'food_poisoning',
      level: 'III',
      casualties: 12,
      location: { lat: 38.9102, lon: 121.6013 },
      description: '学校食堂多人呕吐 vomiting after school lunch',
    });
    await page.waitForSelector('[data-testid=outbox-item][data-command="incident:report"][data-status=confirmed]');
    expect(await page.inputValue('[data-testid=report-description]')).toBe('');
    await page.locator('[data-testid=outbox]').scrollIntoViewIfNeeded();
    await screenshot(page, 'field-report-sent');
    await context.close();
  });

  it('refuses an incomplete report without queueing anything', async () => {
    const { context, page } = await openFieldApp(browser, server, 'field-e2');
    await page.click('[data-testid=report-panel] summary');
    await page.selectOption('[data-testid=report-category]', 'accident');
    await page.click('[data-testid=report-submit]');
    await page.waitForSelector('[data-testid=report-message].problem');
    expect(await page.$$('[data-testid=outbox-item]')).toHaveLength(0);
    await context.close();
  });
});
