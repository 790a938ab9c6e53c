import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AfterActionReview, DrillSummary } from '../../shared/index.js';
import type { RunViewHandle } from '../../client/drill/drill-run.js';
import type { ReviewHandle } from '../../client/review/main.js';
import { CLIENT_DIST, launchBrowser, screenshot } from '../support/browser.js';
import { DESKTOP } from '../support/console-page.js';
import { advanceDrill, apiData } from '../support/drill-api.js';
import { FIXTURE_PASSWORD, key, send, startTestServer, type TestClient, type TestServer } from '../support/test-server.js';

type RunWindow = { __liandong: RunViewHandle };
type ReviewWindow = { __liandong: ReviewHandle };

/**
 * An instructor runs the school food-poisoning drill from drill.html on a manual drill clock: creates
 * it with disp1 as the trainee dispatcher, starts it, speeds it up, watches the scripted injects fire,
 * fires one of their own, ends it, reads the scored review and replays it on the map. The test moves
 * the drill clock (and plays the trainee over a socket) so every step is deterministic.
 */
describe('the drill instructor console and the after-action review', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let drillId = '';
  let trainee: TestClient;
  const pageErrors: string[] = [];

  /** Moves the drill clock on in 10 s steps, as the scheduler would, so simulated crews act on time. */
  const runFor = async (seconds: number) => {
    for (let step = 0; step < seconds; step += 10) await advanceDrill(server, drillId, 10);
  };
  const bannerText = () => page.textContent('[data-testid=drill-banner]');
  const summary = () => page.evaluate(() => (window as unknown as RunWindow).__liandong.summary());

  beforeAll(async () => {
    server = await startTestServer({ config: { staticDir: path.resolve(CLIENT_DIST), drillClock: 'manual', drillTickMs: 0, deadlineWatchMs: 0 } });
    browser = await launchBrowser();
    context = await browser.newContext(DESKTOP);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // No internet at a dispatch centre (nor here): the map falls back to its packaged basemap.
    await context.route((url) => !url.href.startsWith(server.url), (route) => route.abort('internetdisconnected'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('tells an account that is not an instructor that the page is not theirs', async () => {
    const other = await browser.newContext(DESKTOP);
    const dispatcher = await other.newPage();
    await dispatcher.goto(`${server.url}/drill.html`);
    await dispatcher.fill('#login-username', 'disp2');
    await dispatcher.fill('#login-password', FIXTURE_PASSWORD);
    await dispatcher.click('#login-submit');
    await dispatcher.waitForSelector('[data-testid=not-instructor]');
    expect(await dispatcher.textContent('[data-testid=not-instructor]')).toContain('仅供演练导调员和管理员使用');
    expect(await dispatcher.textContent('[data-testid=drill-banner]')).toContain('演练');
    await other.close();
  });

  it('logs in and creates a drill from the food-poisoning scenario, disp1 as the trainee dispatcher', async () => {
    await page.goto(`${server.url}/drill.html`);
    await page.fill('#login-username', 'instr');
    await page.fill('#login-password', FIXTURE_PASSWORD);
    await page.click('#login-submit');
    await page.waitForSelector('[data-testid=no-drills]');
    expect(await bannerText()).toContain('演练');
    await screenshot(page, 'drill-list-empty');

    await page.click('[data-testid=new-drill]');
    await page.click('[data-testid=scenario-school-food-poisoning]');
    expect(await page.textContent('[data-testid=scenario-duration]')).toContain('80');
    expect(await page.locator('[data-testid=scenario-injects] tbody tr').count()).toBe(8);
    expect(await bannerText()).toContain('演练');
    const rows = page.locator('[data-testid=trainee-row]');
    await rows.nth(0).locator('[name=username]').fill('disp1');
    // A second trainee plays a field unit, chosen from the live units.
    await page.click('[data-testid=add-trainee]');
    await rows.nth(1).locator('[name=username]').fill('field-e2');
    await rows.nth(1).locator('[name=playsAs]').selectOption('field');
    await rows.nth(1).locator('[name=unitId]').selectOption('U-E2');
    await screenshot(page, 'drill-create');
    await page.click('[data-testid=create-submit]');

    await page.waitForURL(/drill\.html\?drill=/);
    drillId = new URL(page.url()).searchParams.get('drill')!;
    await page.waitForSelector('[data-testid=connection][data-state=online]');
    expect(await page.getAttribute('[data-testid=drill-status]', 'data-status')).toBe('created');
    expect(await page.textContent('[data-testid=trainee-list]')).toContain('disp1');
    expect(await page.textContent('[data-testid=trainee-list]')).toContain('U-E2');
    expect(await page.textContent('[data-testid=inject-count]')).toContain('0 / 8');
    expect(await bannerText()).toContain('演练 DRILL');
  });

  it('starts it, speeds it up, and shows the injects firing and the incident on the drill map', async () => {
    await page.click('[data-testid=drill-start]');
    await page.waitForSelector('[data-testid=drill-status][data-status=running]');
    await page.click('[data-testid=speed-60]');
    await page.waitForSelector('[data-testid=drill-speed]:has-text("60×")');
    expect(server.app.drills.get(drillId)).toMatchObject({ status: 'running', speed: 60 });

    // Minute 0: the teacher's call comes in.
    await advanceDrill(server, drillId, 0);
    await page.waitForSelector('[data-testid=inject-teacher-call][data-fired=true]');
    await page.waitForSelector('[data-testid=feed-entry][data-type="drill:inject-fired"]');
    const incidentId = `INC-${drillId}-canteen`;
    await page.waitForFunction((id) => (window as unknown as RunWindow).__liandong.store.state.incidents.has(id), incidentId);

    // The trainee dispatcher verifies and sends an ambulance and an engine; simulated crews do the rest.
    trainee = await server.connect('disp1', { world: `drill:${drillId}` });
    await runFor(20);
    expect((await send(trainee, 'incident:verify', { idempotencyKey: key(), incidentId })).ok).toBe(true);
    await runFor(30);
    const dispatched = await send(trainee, 'incident:dispatch', { idempotencyKey: key(), incidentId, unitIds: [`D${drillId}-U-A1`, `D${drillId}-U-E1`] });
    expect(dispatched.ok).toBe(true);
    // To minute 9: the school nurse's call (minute 8) has fired, crews are on their way.
    await runFor(490);
    await page.waitForSelector('[data-testid=inject-more-pupils][data-fired=true]');
    await page.waitForSelector('[data-testid=drill-clock]:has-text("12:49:00")');
    expect(await page.textContent('[data-testid=inject-count]')).toContain('2 / 8');
    expect(await page.textContent('[data-testid=event-feed]')).toContain('校医报告又有20名学生出现症状');
    await page.click('[data-testid=tab-incidents]');
    await page.waitForSelector(`[data-testid=drill-incident][data-incident-id="${incidentId}"]`);
    expect(await page.textContent(`[data-testid=drill-incident][data-incident-id="${incidentId}"]`)).toContain('伤亡 35');
    // Drawn on the drill map: pointing at its position names it.
    await page.click('[data-testid=tab-feed]');
    const point = await page.evaluate((id) => {
      const { store, map } = (window as unknown as RunWindow).__liandong;
      const { lat, lon } = store.state.incidents.get(id)!.location;
      const at = map.latLngToContainerPoint([lat, lon]);
      const box = map.getContainer().getBoundingClientRect();
      return { x: box.left + at.x, y: box.top + at.y };
    }, incidentId);
    await page.mouse.move(point.x, point.y);
    await page.waitForSelector('.ld-map-tooltip:has-text("DR-00001")');
    await screenshot(page, 'drill-run-injects');
  });

  it('fires an ad-hoc inject from the form, placed by a click on the map', async () => {
    await page.click('[data-testid=tab-inject]');
    await page.selectOption('[data-testid=inject-form] [name=kind]', 'road-closed');
    const map = page.locator('[data-testid=drill-map]');
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.35, box.y + box.height * 0.6);
    expect(Number(await page.inputValue('[data-testid=inject-form] [name=lat]'))).toBeGreaterThan(38.8);
    expect(Number(await page.inputValue('[data-testid=inject-form] [name=lon]'))).toBeGreaterThan(121.4);
    await page.fill('[data-testid=inject-form] [name=description]', '中山路积水封闭 / Zhongshan Road flooded and closed');
    await screenshot(page, 'drill-run-inject-form');
    await page.click('[data-testid=inject-submit]');
    await page.waitForSelector('[data-testid=inject-result]:has-text("adhoc-1")');
    await page.waitForSelector('[data-testid=inject-adhoc-1][data-fired=true]');
    await page.waitForSelector('.drill-notice');
    await page.click('[data-testid=tab-feed]');
    await page.waitForSelector('[data-testid=feed-entry]:has-text("中山路积水封闭")');
    await screenshot(page, 'drill-run-adhoc');
  });

  it('runs on to minute 16 and ends the drill', async () => {
    await runFor(420);
    await page.waitForSelector('[data-testid=inject-level-three][data-fired=true]');
    await page.click('[data-testid=drill-end-ask]');
    await page.click('[data-testid=drill-end]');
    await page.waitForSelector('[data-testid=drill-status][data-status=ended]');
    expect((await summary()).status).toBe('ended');
    expect(await page.isDisabled('[data-testid=speed-60]')).toBe(true);
    await screenshot(page, 'drill-run-ended');
  });

  it('opens the review: DRILL, the score with its breakdown, interval rows and charts', async () => {
    await page.click('[data-testid=open-review]');
    await page.waitForURL(/review\.html\?drill=/);
    await page.waitForSelector('[data-testid=overall-score-total]');
    const review = await apiData<AfterActionReview>(server, await server.login('instr'), 'GET', `/api/drills/${drillId}/review`);
    expect(review.score).not.toBeNull();
    expect(await page.textContent('[data-testid=overall-score-total]')).toBe(String(review.score!.total));
    expect(await page.locator('[data-testid=overall-score-components] tbody tr').count()).toBe(review.score!.components.length);
    expect(await bannerText()).toContain('演练');
    expect(await page.textContent('.review-drill-mark')).toContain('DRILL');
    expect(await page.textContent('[data-testid=review-scenario]')).toContain('学校食堂群体性食物中毒');
    const canteen = page.locator(`[data-testid=incident-review][data-incident-id="INC-${drillId}-canteen"]`);
    expect(await canteen.locator('[data-testid=interval-row]').count()).toBe(8);
    expect(await canteen.locator('[data-testid=interval-row][data-interval=call-processing]').textContent()).toContain('达标');
    expect(await canteen.locator('svg[data-testid=interval-chart] g[data-interval]').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('svg[data-testid=score-chart]').count()).toBeGreaterThanOrEqual(2);
    expect(await canteen.locator('svg[data-testid=checklist-chart]').count()).toBe(1);
    expect(await canteen.locator('[data-testid=checklist-table] tbody tr').count()).toBeGreaterThan(0);
    expect(await canteen.locator('[data-testid=resources-table] tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=full-timeline] li').count()).toBe(review.timeline.length);
    expect(await page.textContent('[data-testid=full-timeline]')).toContain('中山路积水封闭');
    expect(await page.getAttribute('[data-testid=download-json]', 'href')).toMatch(/^blob:/);
    await screenshot(page, 'drill-review-top');
    await canteen.scrollIntoViewIfNeeded();
    await canteen.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'drill-review-incident');

    // Printed: black on white, no controls and no replay, but still unmistakably a drill.
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'drill-review-print');
    expect(await page.isVisible('[data-testid=replay]')).toBe(false);
    expect(await page.isVisible('[data-testid=print]')).toBe(false);
    expect(await page.isVisible('.review-drill-mark')).toBe(true);
    expect(await page.isVisible('[data-testid=drill-banner]')).toBe(true);
    await canteen.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'drill-review-print-incident');
    // Each incident and the full timeline start a page of their own: at least three A4 pages.
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    await page.emulateMedia({ media: 'screen' });
  });

  it('replays the drill on the map at the chosen speed', async () => {
    const replay = page.locator('[data-testid=replay]');
    await replay.scrollIntoViewIfNeeded();
    expect(await page.getAttribute('[data-testid=replay-counts]', 'data-incidents')).toBe('0');
    await page.selectOption('[data-testid=replay-speed]', '300');
    await page.click('[data-testid=replay-play]');
    await page.waitForSelector('[data-testid=replay-counts][data-incidents="1"]');
    const replayed = await page.evaluate(() => [...(window as unknown as ReviewWindow).__liandong.replay.store.state.incidents.keys()]);
    expect(replayed).toEqual([`INC-${drillId}-canteen`]);
    // On the replay map: pointing at the incident names it.
    await replay.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    const point = await page.evaluate((id) => {
      const { replay: player } = (window as unknown as ReviewWindow).__liandong;
      const map = player.leafletMap!;
      const { lat, lon } = player.store.state.incidents.get(id)!.location;
      const at = map.latLngToContainerPoint([lat, lon]);
      const box = map.getContainer().getBoundingClientRect();
      return { x: box.left + at.x, y: box.top + at.y };
    }, `INC-${drillId}-canteen`);
    await page.mouse.move(point.x, point.y);
    await page.waitForSelector('.ld-map-tooltip:has-text("DR-00001")');
    // Play on until the crews are moving, then look.
    await page.waitForFunction(() => Number((document.querySelector('[data-testid=replay-slider]') as HTMLInputElement).value) > 300);
    await screenshot(page, 'drill-review-replay');
    await page.waitForSelector('[data-testid=replay-play][aria-pressed=false]', { timeout: 10_000 });
    expect(await page.inputValue('[data-testid=replay-slider]')).toBe(await page.getAttribute('[data-testid=replay-slider]', 'max'));
  });

  it('leaves live operations untouched and lists the ended drill', async () => {
    const live = server.app.registry.get('live')!;
    expect([...live.incidents.keys()].filter((id) => id.includes(drillId))).toEqual([]);
    expect(live.incidents.size).toBe(0);
    expect([...live.units.values()].map((unit) => unit.status)).toEqual(['available', 'available', 'available', 'available']);
    const drills = await apiData<DrillSummary[]>(server, await server.login('instr'), 'GET', '/api/drills');
    expect(drills.map((drill) => [drill.drillId, drill.status])).toEqual([[drillId, 'ended']]);
    await page.goto(`${server.url}/drill.html`);
    await page.waitForSelector(`[data-testid=drill-row][data-drill-id="${drillId}"][data-status=ended]`);
    expect(await bannerText()).toContain('演练');
    await screenshot(page, 'drill-list');
    expect(pageErrors).toEqual([]);
  });
});
