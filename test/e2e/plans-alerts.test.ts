import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CLIENT_DIST, launchBrowser, screenshot } from '../support/browser.js';
import { openConsole } from '../support/console-page.js';
import { key, send, startTestServer, type TestServer } from '../support/test-server.js';

describe('console alerts: a crew that never answers', () => {
  let server: TestServer;
  let browser: Browser;
  let now = Date.now();
  beforeAll(async () => {
    // A clock the test moves by hand; the deadline watch looks only when ticked.
    server = await startTestServer({ config: { staticDir: CLIENT_DIST, clock: () => new Date(now), ackTimeoutMs: 60_000, deadlineWatchMs: 0 } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const live = () => server.app.registry.get('live')!;

  it('a timed-out assignment raises an alert whose "dispatch U-E2 instead" sends the next-best engine', async () => {
    const dispatcher = await server.connect('disp2');
    const reported = await send(dispatcher, 'incident:report', {
      idempotencyKey: key(),
      category: 'accident',
      subtype: 'building_fire',
      level: 'III',
      location: { lat: 38.916, lon: 121.64 },
      description: '仓库起火',
    });
    if (!reported.ok) throw new Error(reported.error.message);
    const incidentId = reported.data.createdIds[0]!;
    expect((await send(dispatcher, 'incident:verify', { idempotencyKey: key(), incidentId })).ok).toBe(true);
    const dispatched = await send(dispatcher, 'incident:dispatch', { idempotencyKey: key(), incidentId, unitIds: ['U-E1'] });
    if (!dispatched.ok) throw new Error(dispatched.error.message);
    const assignmentId = dispatched.data.createdIds[0]!;

    const { page, context, errors } = await openConsole(browser, server, 'sup');
    // Supervisors keep the plan library: the console links to it.
    expect(await page.locator('[data-testid=plans-link]').isVisible()).toBe(true);
    const button = page.locator('[data-testid=alerts-button]');
    expect(await button.getAttribute('data-count')).toBe('0');

    // A minute passes without an acknowledgement; the first checklist action (due at 1 min) is late too.
    now += 61_000;
    await server.app.deadlineWatch.tick();
    expect(live().assignments.get(assignmentId)!.status).toBe('timed_out');
    const kinds = live().alerts.map((alert) => alert.kind).sort();
    expect(kinds).toEqual(['action_overdue', 'assignment_unacknowledged']);

    // New alerts draw the eye: a highlighted badge counting them.
    await page.locator('[data-testid=alerts-button].has-new[data-new="2"]').waitFor();
    expect(await page.locator('[data-testid=alerts-badge]').textContent()).toBe('2 新');
    await screenshot(page, 'plans-alerts-badge');

    await button.click();
    const panel = page.locator('[data-testid=alerts-panel]');
    await panel.waitFor();
    // Opening it marks them seen.
    await page.locator('[data-testid=alerts-button]:not(.has-new)').waitFor();
    const rows = panel.locator('[data-testid=alert]');
    expect(await rows.count()).toBe(2);
    const unacknowledged = panel.locator('[data-testid=alert][data-kind=assignment_unacknowledged]');
    expect(await unacknowledged.locator('.alert-message').textContent()).toContain('U-E1 未在规定时间内确认');
    expect(await panel.locator('[data-testid=alert][data-kind=action_overdue] .alert-message').textContent()).toContain('调派第一出动力量');
    const instead = unacknowledged.locator('[data-testid=alert-dispatch-suggested]');
    expect(await instead.textContent()).toBe('改派 U-E2');
    await screenshot(page, 'plans-alerts-panel');

    await instead.click();
    await unacknowledged.locator('[data-testid=alert-suggestion-done]').waitFor();
    const onIncident = [...live().assignments.values()].filter((assignment) => assignment.incidentId === incidentId);
    expect(onIncident.map((assignment) => [assignment.unitId, assignment.status])).toEqual([
      ['U-E1', 'timed_out'],
      ['U-E2', 'dispatched'],
    ]);
    expect(await unacknowledged.locator('[data-testid=alert-suggestion-done]').textContent()).toBe('已改派 U-E2 ✓');
    // Taking it in hand is shared: the server records who, and the row says so.
    await unacknowledged.locator('[data-testid=alert-acknowledge]').click();
    await panel.locator('[data-testid=alert][data-kind=assignment_unacknowledged][data-acknowledged=true] [data-testid=alert-acknowledged]').waitFor();
    expect(live().alerts.find((alert) => alert.kind === 'assignment_unacknowledged')!.acknowledgedAt).not.toBeNull();
    expect(await panel.locator('[data-testid=alert][data-kind=action_overdue][data-acknowledged=false]').count()).toBe(1);
    await screenshot(page, 'plans-alerts-dispatched-instead');

    // The incident code opens the incident.
    await unacknowledged.locator('[data-testid=alert-incident]').click();
    await page.locator(`[data-testid=incident-detail][data-incident-id="${incidentId}"]`).waitFor();
    expect(await panel.isHidden()).toBe(true);
    expect(await page.locator('[data-testid=assignment-row][data-unit-id=U-E2][data-status=dispatched]').count()).toBe(1);

    // In English, the panel and the plan read in English too.
    await page.click('[data-testid=language]');
    await expect.poll(() => button.textContent()).toMatch(/^Alerts/);
    await button.click();
    expect(await unacknowledged.locator('.alert-message').textContent()).toBe('U-E1 did not acknowledge its assignment to DL-00001 in time; it timed out.');
    expect(await unacknowledged.locator('[data-testid=alert-suggestion-done]').textContent()).toBe('U-E2 dispatched instead ✓');
    expect(await page.locator('[data-testid=plan-name]').textContent()).toBe('Building fire (levels III–IV)');
    await screenshot(page, 'plans-alerts-english');

    // A fresh load takes the server's (moved) clock: the late checklist action shows as overdue.
    await page.reload();
    await page.waitForSelector('[data-testid=connection][data-state=online]');
    await page.click(`[data-testid=incident-row][data-incident-id="${incidentId}"]`);
    const late = page.locator('[data-testid=checklist-item][data-action-id=dispatch-first-alarm]');
    await expect.poll(() => late.getAttribute('data-status')).toBe('overdue');
    expect(await page.locator('[data-testid=checklist-overdue-count]').textContent()).toBe('1 overdue');
    await page.locator('[data-testid=plan-checklist]').scrollIntoViewIfNeeded();
    await screenshot(page, 'plans-checklist-overdue');
    expect(errors).toEqual([]);
    await context.close();
  });
});
