import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshot } from '../support/browser.js';
import { incidentIdByDescription, openConsole, type ConsoleWindow } from '../support/console-page.js';
import { eventually, type TestServer } from '../support/test-server.js';
import { withServerAndBrowser } from '../support/browser-fixture.js';

describe('reporting an incident from the dispatcher console', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((started) => ({ server, browser } = started));

  it("reaches the other dispatcher's queue and map", async () => {
    const a = await openConsole(browser, server, 'disp1');
    const b = await openConsole(browser, server, 'disp2');

    // Clicking the map places the report; the dispatcher then corrects the position by typing.
    const box = (await a.page.locator('#map').boundingBox())!;
    await a.page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.6);
    await expect.poll(() => a.page.inputValue('[data-testid=intake-form] [name=lat]')).not.toBe('');
    const form = a.page.locator('[data-testid=intake-form]');
    await form.locator('[name=category]').selectOption('accident');
    // Only the chosen category's sub-types are offered.
    const subtypes = await form.locator('[name=subtype] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(subtypes).toContain('building_fire');
    expect(subtypes).not.toContain('typhoon');
    await form.locator('[name=subtype]').selectOption('building_fire');
    await form.locator('[name=level]').selectOption('II');
    await form.locator('[name=lat]').fill('38.9160');
    await form.locator('[name=lon]').fill('121.6400');
    await form.locator('[name=address]').fill('中山区人民路 56 号');
    await form.locator('[name=description]').fill('商场三楼起火，有人被困');
    await form.locator('[name=callerName]').fill('王先生');
    await form.locator('[name=callerPhone]').fill('139 0411 2233');
    await form.locator('[name=casualties]').fill('2');
    await screenshot(a.page, 'console-report-form');
    await a.page.click('[data-testid=intake-submit]');
    await a.page.waitForSelector('[data-testid=intake-message].success');

    const incidentId = await incidentIdByDescription(a.page, '商场三楼起火，有人被困');
    expect(incidentId).toBeTruthy();
    const row = b.page.locator(`[data-testid=incident-row][data-incident-id="${incidentId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-level')).toBe('II');
    const seenByB = await b.page.evaluate(
      (id) => (window as unknown as ConsoleWindow).__liandong.store.state.incidents.get(id),
      incidentId!,
    );
    expect(seenByB).toMatchObject({
      category: 'accident',
      subtype: 'building_fire',
      level: 'II',
      status: 'reported',
      location: { lat: 38.916, lon: 121.64 },
      caller: { name: '王先生', phone: '139 0411 2233' },
      casualties: 2,
    });
    // Clicking its marker on B's map opens it (incidents are picked before the units beneath them).
    const marker = await b.page.evaluate((id) => {
      const { store, map } = (window as unknown as ConsoleWindow).__liandong;
      const location = store.state.incidents.get(id)!.location;
      const point = map.latLngToContainerPoint([location.lat, location.lon]);
      return { x: point.x, y: point.y };
    }, incidentId!);
    const mapBox = (await b.page.locator('#map').boundingBox())!;
    await b.page.mouse.click(mapBox.x + marker.x, mapBox.y + marker.y);
    await b.page.locator(`[data-testid=incident-detail][data-incident-id="${incidentId}"]`).waitFor();
    await screenshot(a.page, 'console-report-sent');
    await screenshot(b.page, 'console-report-received');
    expect([...a.errors, ...b.errors]).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  it("shows the server's validation issues next to their fields", async () => {
    const { page, context } = await openConsole(browser, server, 'disp1');
    const form = page.locator('[data-testid=intake-form]');
    await form.locator('[name=category]').selectOption('natural');
    await form.locator('[name=subtype]').selectOption('rainstorm');
    await form.locator('[name=lat]').fill('38.95');
    await form.locator('[name=lon]').fill('121.55');
    await form.locator('[name=callerPhone]').fill('call me maybe');
    // Enter in a one-line field submits the form.
    await form.locator('[name=callerPhone]').press('Enter');
    await page.waitForSelector('[data-testid=intake-error-description]:not(:empty)');
    expect(await page.textContent('[data-testid=intake-error-callerPhone]')).not.toBe('');
    expect(await form.locator('[name=description]').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('[name=lat]').getAttribute('aria-invalid')).toBeNull();
    await screenshot(page, 'console-report-validation');
    await context.close();
  });

  it('warns of a similar open incident nearby and adds the call to it as a note', async () => {
    const { page, context } = await openConsole(browser, server, 'disp2');
    const existing = await incidentIdByDescription(page, '商场三楼起火，有人被困');
    expect(existing).toBeTruthy();
    const form = page.locator('[data-testid=intake-form]');
    await form.locator('[name=category]').selectOption('accident');
    await form.locator('[name=lat]').fill('38.9170');
    await form.locator('[name=lon]').fill('121.6405');
    const warning = page.locator('[data-testid=similar-warning]');
    await warning.waitFor();
    expect(await warning.locator(`[data-testid=similar-add-note][data-incident-id="${existing}"]`).count()).toBe(1);
    await form.locator('[name=description]').fill('又一位市民报告商场冒烟');
    await screenshot(page, 'console-report-similar');
    await warning.locator('[data-testid=similar-add-note]').first().click();
    await page.waitForSelector('[data-testid=intake-message].success');
    await eventually(() => expect(server.app.registry.get('live')!.incidents.get(existing!)!.noteCount).toBe(1));
    // No duplicate was created.
    expect(await incidentIdByDescription(page, '又一位市民报告商场冒烟')).toBeNull();
    await context.close();
  });
});
