import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from '../support/browser.js';
import { DESKTOP } from '../support/console-page.js';
import { FIXTURE_PASSWORD, key, recordEvents, send, settle, type TestServer } from '../support/test-server.js';
import { withServerAndBrowser } from '../support/browser-fixture.js';

describe('the plan library page', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((started) => ({ server, browser } = started));

  const template = (id: string) => server.app.registry.get('live')!.templates.get(id)!;

  async function openPlans(username: string, query = '') {
    const context = await browser.newContext(DESKTOP);
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route((url) => !url.href.startsWith(server.url), (route) => route.abort('internetdisconnected'));
    await page.goto(`${server.url}/plans.html${query}`);
    await page.fill('#login-username', username);
    await page.fill('#login-password', FIXTURE_PASSWORD);
    await page.click('#login-submit');
    await page.waitForSelector('[data-testid=connection][data-state=online]');
    await page.waitForSelector('[data-testid=template-item]');
    return { context, page, errors };
  }

  const input = (page: Page, path: string) => page.locator(`[data-testid="input-${path}"]`);
  const error = (page: Page, path: string) => page.locator(`[data-testid="error-${path}"]`);

  it('a supervisor revises a template: invalid values are caught beside their fields before anything is sent', async () => {
    const before = template('PLAN-BUILDING-FIRE');
    expect(before.revision).toBe(1);
    const { page, context, errors } = await openPlans('sup');
    const library = server.app.registry.get('live')!.templates;
    expect(await page.locator('[data-testid=template-item]').count()).toBe(library.size);
    // Filtering by category keeps that category's plans only.
    await page.selectOption('[data-testid=filter-category]', 'accident');
    const accidentIds = [...library.values()].filter((candidate) => candidate.match.category === 'accident').map((candidate) => candidate.id).sort();
    expect((await page.locator('[data-testid=template-item]').evaluateAll((items) => items.map((item) => item.getAttribute('data-template-id')))).sort()).toEqual(accidentIds);

    await page.click('[data-testid=template-item][data-template-id=PLAN-BUILDING-FIRE]');
    await expect.poll(() => page.locator('[data-testid=editor-title]').textContent()).toBe('建筑火灾处置预案（较大、一般）');
    expect(await input(page, 'evacuationRadiusM').inputValue()).toBe('100');
    expect(await page.locator('[data-testid=revision]').count()).toBe(1);
    // Sub-types are limited to the category; capabilities to the unit type.
    expect(await page.locator('[data-testid^="check-match.subtypes-"]').count()).toBe(12);
    const capabilities = await input(page, 'requirements.1.capability').locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(capabilities).toEqual(['', 'aerial_32m', 'aerial_53m']);
    await screenshot(page, 'plans-editor-open');

    // Two mistakes: an evacuation radius inside the cordon, and an action due before the one above it.
    const watcher = recordEvents(await server.connect('disp2'));
    await input(page, 'evacuationRadiusM').fill('20');
    await input(page, 'actions.2.deadlineMinutes').fill('3');
    await page.click('[data-testid=template-save]');
    await expect.poll(() => error(page, 'evacuationRadiusM').textContent()).toContain('疏散半径不能小于警戒半径');
    expect(await error(page, 'actions.2.deadlineMinutes').textContent()).toContain('时限早于上一项');
    expect(await input(page, 'evacuationRadiusM').getAttribute('aria-invalid')).toBe('true');
    expect(await input(page, 'actions.2.deadlineMinutes').getAttribute('aria-invalid')).toBe('true');
    expect(await error(page, 'cordonRadiusM').textContent()).toBe('');
    expect(await page.locator('[data-testid=editor-message]').textContent()).toContain('未发送');
    await settle(300);
    expect(watcher.filter((event) => event.type.startsWith('plan-template:'))).toEqual([]);
    expect(template('PLAN-BUILDING-FIRE').revision).toBe(1);
    await input(page, 'evacuationRadiusM').scrollIntoViewIfNeeded();
    await screenshot(page, 'plans-editor-errors');

    // Fixed, it is saved as the next revision.
    await input(page, 'evacuationRadiusM').fill('200');
    await input(page, 'actions.2.deadlineMinutes').fill('15');
    expect(await page.locator('[data-testid=template-save]').textContent()).toBe('保存为第 2 版');
    await page.click('[data-testid=template-save]');
    await expect.poll(() => page.locator('[data-testid=editor-message]').textContent()).toBe('已保存：PLAN-BUILDING-FIRE 第 2 版');
    const after = template('PLAN-BUILDING-FIRE');
    expect(after).toMatchObject({ revision: 2, evacuationRadiusM: 200, cordonRadiusM: 50 });
    expect(after.actions).toEqual(before.actions);
    expect(await page.locator('[data-testid=revision]').count()).toBe(2);
    expect(await error(page, 'evacuationRadiusM').textContent()).toBe('');

    // The earlier revision can still be read, read-only.
    await page.click('[data-testid=revision][data-revision="1"]');
    await page.locator('[data-testid=viewing-revision]').waitFor();
    expect(await input(page, 'evacuationRadiusM').inputValue()).toBe('100');
    expect(await input(page, 'evacuationRadiusM').isDisabled()).toBe(true);
    await page.click('[data-testid=back-to-latest]');
    expect(await input(page, 'evacuationRadiusM').inputValue()).toBe('200');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a server refusal lands beside the field it is about', async () => {
    const { page, context } = await openPlans('sup', '?id=PLAN-TYPHOON-CHANGHAI');
    await expect.poll(() => input(page, 'id').inputValue()).not.toBe('');
    // A new template under an id that exists: the schema accepts it, the server refuses it (CONFLICT).
    await page.click('[data-testid=template-new]');
    await input(page, 'id').fill('PLAN-BUILDING-FIRE');
    await input(page, 'name.zh').fill('测试预案');
    await input(page, 'name.en').fill('Test plan');
    await input(page, 'match.category').selectOption('accident');
    await page.check('[data-testid="check-match.subtypes-gas"]');
    await page.check('[data-testid="check-match.levels-IV"]');
    await input(page, 'leadAgency').selectOption('utilities');
    await input(page, 'requirements.0.unitType').selectOption('utility_repair');
    await input(page, 'requirements.0.capability').selectOption('gas');
    await input(page, 'actions.0.id').fill('shut-off-gas');
    await input(page, 'actions.0.title.zh').fill('关闭燃气阀门');
    await input(page, 'actions.0.title.en').fill('Shut off the gas');
    await input(page, 'actions.0.responsible').selectOption('utilities');
    await input(page, 'actions.0.deadlineMinutes').fill('15');
    await input(page, 'publicWarning.zh').fill('燃气泄漏，请远离');
    await input(page, 'publicWarning.en').fill('Gas leak: keep away');
    await input(page, 'terminationConditions.0.zh').fill('泄漏已止住');
    await input(page, 'terminationConditions.0.en').fill('The leak is stopped');
    await page.click('[data-testid=template-save]');
    await expect.poll(() => error(page, 'id').textContent()).toContain('已有同编号的预案');
    expect(await input(page, 'id').getAttribute('aria-invalid')).toBe('true');
    expect(template('PLAN-BUILDING-FIRE').name.zh).not.toBe('测试预案');
    await screenshot(page, 'plans-editor-server-error');

    // With a fresh id it is created as revision 1.
    await input(page, 'id').fill('PLAN-GAS-LEAK');
    await page.click('[data-testid=template-save]');
    await expect.poll(() => page.locator('[data-testid=editor-message]').textContent()).toBe('已保存：PLAN-GAS-LEAK 第 1 版');
    expect(template('PLAN-GAS-LEAK')).toMatchObject({ revision: 1, leadAgency: 'utilities', requirements: [{ unitType: 'utility_repair', count: 1, capability: 'gas' }] });
    await context.close();
  });

  it('a save over someone else\'s newer revision is refused and offers the current one', async () => {
    const { page, context } = await openPlans('sup', '?id=PLAN-OIL-SPILL');
    await expect.poll(() => input(page, 'cordonRadiusM').inputValue()).not.toBe('');
    // Meanwhile another supervisor revises the same plan.
    const { revision, ...body } = template('PLAN-OIL-SPILL');
    const other = await server.connect('sup');
    expect((await send(other, 'plan-template:revise', { idempotencyKey: key(), template: { ...body, evacuationRadiusM: body.evacuationRadiusM + 500, expectedRevision: revision } })).ok).toBe(true);
    await input(page, 'publicWarning.en').fill('Oil on the water: keep boats clear.');
    await page.click('[data-testid=template-save]');
    await expect.poll(() => page.locator('[data-testid=editor-message]').textContent()).toContain('已被他人修订');
    expect(template('PLAN-OIL-SPILL').revision).toBe(revision + 1);
    expect(template('PLAN-OIL-SPILL').publicWarning.en).not.toBe('Oil on the water: keep boats clear.');
    await screenshot(page, 'plans-editor-stale');
    await page.click('[data-testid=editor-reload]');
    await expect.poll(() => input(page, 'evacuationRadiusM').inputValue()).toBe(String(body.evacuationRadiusM + 500));
    expect(await page.locator('[data-testid=template-save]').textContent()).toBe(`保存为第 ${revision + 2} 版`);
    await context.close();
  });

  it('a dispatcher reads the library but cannot change it', async () => {
    const { page, context, errors } = await openPlans('disp1', '?id=PLAN-BUILDING-FIRE');
    await page.locator('[data-testid=read-only]').waitFor();
    await expect.poll(() => input(page, 'evacuationRadiusM').inputValue()).not.toBe('');
    expect(await input(page, 'evacuationRadiusM').isDisabled()).toBe(true);
    expect(await input(page, 'actions.0.title.zh').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid=template-save]').count()).toBe(0);
    expect(await page.locator('[data-testid=template-new]').count()).toBe(0);
    expect(await page.locator('[data-testid=add-action]').count()).toBe(0);
    await screenshot(page, 'plans-editor-read-only');
    await page.click('[data-testid=language]');
    await expect.poll(() => page.locator('[data-testid=read-only]').textContent()).toBe('Read-only: only supervisors and administrators change plans.');
    expect(await page.locator('[data-testid=editor-title]').textContent()).toBe('Building fire (levels III–IV)');
    await screenshot(page, 'plans-editor-english');
    expect(errors).toEqual([]);
    await context.close();
  });
});
