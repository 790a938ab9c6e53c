import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshot } from '../support/browser.js';
import { eventuallyAsync, openFieldApp, reportAndDispatch, type FieldWindow } from '../support/field-page.js';
import { eventually, settle, type TestServer } from '../support/test-server.js';
import { withServerAndBrowser } from '../support/browser-fixture.js';

describe('field app without coverage', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((started) => ({ server, browser } = started));

  /** Sockets the server holds in the unit's room: the truth about whether the phone is connected. */
  const unitSockets = async (unitId: string) => (await server.app.io.in(`unit:${unitId}`).fetchSockets()).length;
  const enRouteEvents = async (assignmentId: string) =>
    (await server.app.store.readAfter(0, 10_000)).filter(
      (event) => event.type === 'assignment:status-changed' && event.data.assignmentId === assignmentId && event.data.to === 'en_route',
    ).length;
  const advanceItem = '[data-testid=outbox-item][data-command="assignment:advance"]';

  it('queues a status change offline, keeps it across a reload, and delivers it exactly once on reconnect', async () => {
    const { context, page } = await openFieldApp(browser, server, 'field-e1');
    // The page must be able to open without a network: wait until its files are cached.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const dispatcher = await server.connect('disp1');
    const { assignmentId } = await reportAndDispatch(dispatcher, 'U-E1');
    const card = `[data-testid=assignment-card][data-assignment-id="${assignmentId}"]`;
    await page.click(`${card} [data-testid=ack]`);
    await page.waitForSelector(`${card}[data-status=acknowledged][data-pending=false]`);
    await eventuallyAsync(async () => expect(await unitSockets('U-E1')).toBe(1));

    // Offline: the browser's network and the already-open websocket, which setOffline alone may spare.
    await context.setOffline(true);
    await page.evaluate(() => (window as unknown as FieldWindow).__liandong.client.socket.io.engine.close());
    await page.waitForSelector('[data-testid=connection][data-state=offline]');
    await page.waitForSelector('[data-testid=offline-banner]:not([hidden])');
    expect(await page.evaluate(() => (window as unknown as FieldWindow).__liandong.client.socket.connected)).toBe(false);
    await eventuallyAsync(async () => expect(await unitSockets('U-E1')).toBe(0));

    await page.click('[data-testid=status-en_route]');
    await page.waitForSelector(`${advanceItem}[data-status=pending]`);
    await page.waitForSelector(`${card}[data-status=acknowledged][data-expected-status=en_route][data-pending=true]`);
    expect(await page.textContent('[data-testid=assignment-status]')).toContain('出动途中（待发送）');
    // From the expected status the next step is offered, so the team can keep working offline.
    expect(await page.isVisible('[data-testid=status-on_scene]')).toBe(true);
    await screenshot(page, 'field-offline-pending');
    await page.locator('[data-testid=outbox]').scrollIntoViewIfNeeded();
    await screenshot(page, 'field-offline-pending-outbox');
    await settle(1000);
    expect(server.app.registry.get('live')!.assignments.get(assignmentId)!.status).toBe('acknowledged');
    expect(await enRouteEvents(assignmentId)).toBe(0);

    // A reload without coverage: the page comes from the service worker, the queue from IndexedDB.
    await page.reload();
    await page.waitForSelector(`${advanceItem}[data-status=pending]`);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await page.evaluate(() => fetch('/api/health').then(() => 'reached', () => 'failed'))).toBe('failed');
    await page.waitForSelector(`${card}[data-expected-status=en_route][data-pending=true]`);
    await page.waitForSelector('[data-testid=connection][data-state=offline]');
    await settle(1000);
    expect(await unitSockets('U-E1')).toBe(0);
    expect(await enRouteEvents(assignmentId)).toBe(0);
    await screenshot(page, 'field-offline-reloaded');

    await context.setOffline(false);
    await page.waitForSelector('[data-testid=connection][data-state=online]', { timeout: 15_000 });
    await page.waitForSelector(`${advanceItem}[data-status=confirmed]`);
    await eventually(() => expect(server.app.registry.get('live')!.assignments.get(assignmentId)!.status).toBe('en_route'), 5000);
    await page.waitForSelector(`${card}[data-status=en_route][data-pending=false]`);
    await settle(1500);
    expect(await enRouteEvents(assignmentId)).toBe(1);
    expect(await page.$$(advanceItem)).toHaveLength(1);
    await screenshot(page, 'field-offline-delivered');
    await context.close();
  }, 60_000);

  it('shares the position from the Geolocation API, at most once per interval', async () => {
    const { context, page } = await openFieldApp(browser, server, 'field-e2', {
      permissions: ['geolocation'],
      geolocation: { latitude: 38.9211, longitude: 121.6318, accuracy: 12 },
    });
    const moves = async () =>
      (await server.app.store.readAfter(0, 10_000)).flatMap((event) => (event.type === 'unit:moved' && event.data.unitId === 'U-E2' ? [event.data] : []));
    await page.waitForSelector('[data-testid=location-toggle][data-state=off]');
    await page.selectOption('[data-testid=location-interval]', '10');
    await page.click('[data-testid=location-toggle]');
    await page.waitForSelector('[data-testid=location-toggle][data-state=on]');
    await eventuallyAsync(async () => expect(await moves()).toEqual([{ unitId: 'U-E2', location: { lat: 38.9211, lon: 121.6318 }, accuracyM: 12, observedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]), 5000);
    await page.waitForSelector('[data-testid=outbox-item][data-command="unit:update-location"][data-status=confirmed]');
    await screenshot(page, 'field-location-on');

    // A new fix inside the interval waits; once the interval has passed, the newest fix goes.
    await context.setGeolocation({ latitude: 38.9302, longitude: 121.6401, accuracy: 8 });
    await settle(2000);
    expect(await moves()).toHaveLength(1);
    await eventuallyAsync(async () => expect((await moves()).at(-1)).toMatchObject({ location: { lat: 38.9302, lon: 121.6401 } }), 12_000);
    expect(await moves()).toHaveLength(2);
    expect(server.app.registry.get('live')!.units.get('U-E2')!.location).toEqual({ lat: 38.9302, lon: 121.6401 });

    await page.click('[data-testid=location-toggle]');
    await page.waitForSelector('[data-testid=location-toggle][data-state=off]');
    await context.close();
  }, 60_000);
});

