import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshot } from '../support/browser.js';
import { eventuallyAsync, isVisible, openFieldApp, recordedAlerts, reportAndDispatch, visibleStatusButtons } from '../support/field-page.js';
import { eventually, recordEvents, type TestServer } from '../support/test-server.js';
import { withServerAndBrowser } from '../support/browser-fixture.js';

describe('field app: answering an assignment and moving it on', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((started) => ({ server, browser } = started));

  const assignmentStatus = (assignmentId: string) => server.app.registry.get('live')!.assignments.get(assignmentId)?.status;

  it('shows a new assignment prominently, then acknowledge → en route → on scene reach the server in order', async () => {
    const { context, page } = await openFieldApp(browser, server, 'field-e1');
    await page.waitForSelector('[data-testid=assignment-empty]');
    await screenshot(page, 'field-assignment-idle');
    expect(await recordedAlerts(page)).toEqual({ vibrations: 0, tones: 0 });
    const dispatcher = await server.connect('disp1');
    const otherDesk = recordEvents(await server.connect('disp2'));

    const { assignmentId } = await reportAndDispatch(dispatcher, 'U-E1');
    const card = `[data-testid=assignment-card][data-assignment-id="${assignmentId}"]`;
    await page.waitForSelector(`${card}[data-status=dispatched][data-attention=true]`);
    expect(await page.textContent(`${card} .card-banner`)).toContain('新任务');
    // It rings (the login tap unlocked audio) and vibrates.
    // The tones are scheduled one after another: wait for them rather than race them on a busy machine.
    await eventuallyAsync(async () => {
      const alerts = await recordedAlerts(page);
      expect(alerts.vibrations).toBe(1);
      expect(alerts.tones).toBeGreaterThanOrEqual(3);
    }, 5000);
    expect(await page.textContent('[data-testid=assignment-distance]')).toMatch(/距离 .*(公里|米)/);
    expect(await isVisible(page, '[data-testid=ack]')).toBe(true);
    expect(await isVisible(page, '[data-testid=decline]')).toBe(true);
    expect(await visibleStatusButtons(page)).toEqual([]);
    // The card sits inside the phone's width: nothing pushed off the side.
    const box = await page.locator(card).boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.waitForSelector('[data-testid=incident-map][data-basemap=tiles], [data-testid=incident-map][data-basemap=offline]');
    await page.waitForTimeout(300);
    await screenshot(page, 'field-assignment-new');

    const steps = [
      { button: 'ack', status: 'acknowledged', next: ['en_route'] },
      { button: 'status-en_route', status: 'en_route', next: ['on_scene'] },
      { button: 'status-on_scene', status: 'on_scene', next: ['transporting', 'cleared'] },
    ];
    for (const step of steps) {
      await page.click(`[data-testid=${step.button}]`);
      await eventually(() => expect(assignmentStatus(assignmentId)).toBe(step.status), 5000);
      await page.waitForSelector(`${card}[data-status=${step.status}][data-pending=false]`);
      expect(await visibleStatusButtons(page)).toEqual(step.next);
      expect(await isVisible(page, '[data-testid=ack]')).toBe(false);
      expect(await isVisible(page, '[data-testid=decline]')).toBe(false);
      await screenshot(page, `field-assignment-${step.status}`);
    }

    await eventually(() =>
      expect(otherDesk.filter((event) => event.type === 'assignment:status-changed' && event.data.assignmentId === assignmentId).map((event) => event.data.to)).toEqual([
        'acknowledged',
        'en_route',
        'on_scene',
      ]),
    );
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=outbox-item][data-status=confirmed]').length === 3);
    expect(await page.$$('[data-testid=outbox-item]:not([data-status=confirmed])')).toHaveLength(0);

    // A situation update from the field reaches the incident.
    await page.fill('[data-testid=note-text]', '二楼有人被困，需要登高车');
    await page.click('[data-testid=note-send]');
    await eventually(() => expect(server.app.registry.get('live')!.incidents.get(server.app.registry.get('live')!.assignments.get(assignmentId)!.incidentId)!.noteCount).toBe(1), 5000);
    await page.waitForSelector('[data-testid=note-list] .note.from-us:not([data-outbox-status])');
    await page.locator('[data-testid=note-list]').scrollIntoViewIfNeeded();
    await screenshot(page, 'field-assignment-note');

    // The language switch re-renders everything in English, the assignment included.
    await page.click('[data-testid=language]');
    await page.waitForSelector('[data-testid=connection]:has-text("Online")');
    expect(await page.textContent('[data-testid=assignment-status]')).toContain('On scene');
    expect(await page.textContent('[data-testid=status-cleared]')).toContain('Cleared');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'field-assignment-english');
    await context.close();
  });

  it('declining needs a reason, and the reason reaches the server', async () => {
    const { context, page } = await openFieldApp(browser, server, 'field-e2');
    const dispatcher = await server.connect('disp1');
    const { assignmentId } = await reportAndDispatch(dispatcher, 'U-E2');
    await page.waitForSelector(`[data-testid=assignment-card][data-assignment-id="${assignmentId}"][data-status=dispatched]`);
    await page.click('[data-testid=decline]');
    expect(await page.isDisabled('[data-testid=decline-confirm]')).toBe(true);
    await page.fill('[data-testid=decline-reason]', '车辆故障 pump failure');
    expect(await page.isDisabled('[data-testid=decline-confirm]')).toBe(false);
    await screenshot(page, 'field-assignment-decline');
    await page.click('[data-testid=decline-confirm]');
    await eventually(() => expect(server.app.registry.get('live')!.assignments.get(assignmentId)).toMatchObject({ status: 'declined', reason: '车辆故障 pump failure' }), 5000);
    await page.waitForSelector('[data-testid=assignment-empty]');
    expect(await isVisible(page, '[data-testid=assignment-card]')).toBe(false);
    expect(await page.textContent('[data-testid=last-outcome]')).toContain('已拒绝');
    await screenshot(page, 'field-assignment-declined');
    await context.close();
  });
});
