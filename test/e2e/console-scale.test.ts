import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { UNIT_TYPES, UNIT_TYPE_INFO, decide, streamOf, type Command, type GeoPoint, type NewEvent } from '../../shared/index.js';
import { isOnLand } from '../../shared/geo/land.js';
import { loadDalianLand } from '../../server/geo/land-data.js';
import { SYSTEM_ACTOR, newId } from '../../server/commands/command-service.js';
import { rankDispatchCandidates } from '../../client/console/dispatch-ranking.js';
import { launchBrowser, screenshot } from '../support/browser.js';
import { DESKTOP, type ConsoleWindow } from '../support/console-page.js';
import { SERVE_CLIENT } from '../support/field-page.js';
import { FIXTURE_PASSWORD, startTestServer, type TestServer } from '../support/test-server.js';

const UNITS = 5000;
const INCIDENTS = 2000;
const DISPATCHED = 300;
const MOVES = 200;

/** A fixed pseudo-random sequence (mulberry32), so every run draws the same city. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let value = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Land points between Lüshunkou and Jinzhou (a unit or incident in the sea would be a defect). */
function landPoints(count: number, next: () => number): GeoPoint[] {
  const land = loadDalianLand();
  const points: GeoPoint[] = [];
  while (points.length < count) {
    const point = { lat: 38.8 + next() * 0.3, lon: 121.25 + next() * 0.6 };
    if (isOnLand(land, point)) points.push({ lat: Math.round(point.lat * 1e5) / 1e5, lon: Math.round(point.lon * 1e5) / 1e5 });
  }
  return points;
}

/** Writes the big world straight through the server's command service (no sockets): units, incidents, some dispatches. */
async function seedLargeWorld(server: TestServer) {
  const next = random(2024);
  const landTypes = UNIT_TYPES.filter((type) => UNIT_TYPE_INFO[type].medium === 'land');
  const unitPlaces = landPoints(UNITS, next);
  const unitIds = unitPlaces.map((_, index) => `U-S${String(index).padStart(4, '0')}`);
  for (let start = 0; start < UNITS; start += 1000) {
    const events: NewEvent[] = unitIds.slice(start, start + 1000).map((unitId, offset) => {
      const type = landTypes[(start + offset) % landTypes.length]!;
      return {
        type: 'unit:registered',
        stream: streamOf.unit(unitId),
        data: {
          unitId,
          callSign: `S${start + offset}`,
          name: `Scale unit ${start + offset}`,
          type,
          agency: UNIT_TYPE_INFO[type].agency,
          district: 'Zhongshan',
          stationName: 'Scale station',
          home: unitPlaces[start + offset]!,
          capabilities: [],
        },
      };
    });
    await server.app.commands.system('live', () => ({ ok: true, createdIds: [], events }));
  }
  const run = (command: Command) => server.app.commands.system('live', (state) => decide(state, command, { actor: SYSTEM_ACTOR, newId }));
  const incidentPlaces = landPoints(INCIDENTS, next);
  const subtypes = ['building_fire', 'road_traffic', 'gas', 'chemical_leak', 'work_safety'] as const;
  const incidentIds: string[] = [];
  for (let index = 0; index < INCIDENTS; index += 1) {
    const answer = await run({
      type: 'incident:report',
      payload: {
        idempotencyKey: `scale-${index}`,
        category: 'accident',
        subtype: subtypes[index % subtypes.length]!,
        level: (['I', 'II', 'III', 'IV', 'IV', 'III'] as const)[index % 6]!,
        location: incidentPlaces[index]!,
        address: '',
        description: `scale incident ${index}`,
        caller: { name: '', phone: '' },
        casualties: 0,
      },
    });
    if (!answer.ok) throw new Error(answer.error.message);
    incidentIds.push(answer.data.createdIds[0]!);
  }
  // Each of the first incidents gets the unit nearest to it, as a dispatcher would send.
  for (let index = 0; index < DISPATCHED; index += 1) {
    const state = server.app.registry.get('live')!;
    const incidentId = incidentIds[index]!;
    const nearest = rankDispatchCandidates(state.units.values(), state.incidents.get(incidentId)!.location, { limit: 1 })[0]!;
    const answer = await run({ type: 'incident:dispatch', payload: { idempotencyKey: `scale-d-${index}`, incidentId, unitIds: [nearest.unit.id] } });
    if (!answer.ok) throw new Error(answer.error.message);
  }
  return { unitIds, next };
}

describe('the console with 5,000 units and 2,000 incidents', () => {
  let server: TestServer;
  let browser: Browser;
  let world: Awaited<ReturnType<typeof seedLargeWorld>>;
  beforeAll(async () => {
    server = await startTestServer(SERVE_CLIENT);
    const seeding = Date.now();
    world = await seedLargeWorld(server);
    console.log(`[scale] seeded ${UNITS} units, ${INCIDENTS} incidents, ${DISPATCHED} dispatches in ${Date.now() - seeding} ms`);
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders the whole picture and keeps frames flowing while units move', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route((url) => !url.href.startsWith(server.url), (route) => route.abort('internetdisconnected'));
    await page.goto(server.url);
    await page.fill('#login-username', 'disp1');
    await page.fill('#login-password', FIXTURE_PASSWORD);

    // Time to first full picture: from pressing log-in to the frame after the snapshot was painted.
    const started = Date.now();
    await page.click('#login-submit');
    await page.waitForFunction(
      ([units, incidents]) => {
        const handle = (window as unknown as Partial<ConsoleWindow>).__liandong;
        return handle !== undefined && handle.store.state.units.size === units && handle.store.state.incidents.size === incidents;
      },
      [UNITS + 4, INCIDENTS] as const,
      { polling: 'raf', timeout: 60_000 },
    );
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const firstRenderMs = Date.now() - started;
    const queueRows = await page.locator('[data-testid=incident-row]').count();
    console.log(`[scale] first full render ${firstRenderMs} ms; queue rows in the DOM: ${queueRows}`);
    expect(queueRows).toBeGreaterThan(0);
    expect(queueRows).toBeLessThan(100); // the queue is virtual: 2,000 incidents, a screenful of rows
    await screenshot(page, 'console-scale-city');

    const measure = async (label: string) => {
      await page.evaluate(() => {
        const gaps: number[] = [];
        let last = performance.now();
        const probe = { gaps, running: true };
        (window as unknown as { __frameProbe: typeof probe }).__frameProbe = probe;
        const frame = (now: number) => {
          gaps.push(now - last);
          last = now;
          if (probe.running) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      // 200 GPS fixes spread over about two seconds, as a busy city's units report them.
      let lastSeq = 0;
      for (let move = 0; move < MOVES; move += 1) {
        const unitId = world.unitIds[Math.floor(world.next() * world.unitIds.length)]!;
        const unit = server.app.registry.get('live')!.units.get(unitId)!;
        const location = { lat: unit.location.lat + (world.next() - 0.5) * 0.004, lon: unit.location.lon + (world.next() - 0.5) * 0.004 };
        const answer = await server.app.commands.system('live', () => ({
          ok: true,
          createdIds: [],
          events: [{ type: 'unit:moved', stream: streamOf.unit(unitId), data: { unitId, location } }],
        }));
        if (answer.ok) lastSeq = answer.data.lastSeq;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await page.waitForFunction((seq) => (window as unknown as ConsoleWindow).__liandong.store.state.seq >= seq, lastSeq, { timeout: 30_000 });
      const gaps = await page.evaluate(() => {
        const probe = (window as unknown as { __frameProbe: { gaps: number[]; running: boolean } }).__frameProbe;
        probe.running = false;
        return probe.gaps.slice(1);
      });
      const sorted = [...gaps].sort((a, b) => a - b);
      const stats = {
        frames: gaps.length,
        meanMs: Math.round((gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length) * 10) / 10,
        p95Ms: Math.round(sorted[Math.floor(sorted.length * 0.95)]! * 10) / 10,
        maxMs: Math.round(sorted.at(-1)! * 10) / 10,
      };
      console.log(`[scale] ${label}: ${MOVES} unit:moved events → ${JSON.stringify(stats)}`);
      return stats;
    };

    const clustered = await measure('city view, idle units clustered');
    expect(clustered.maxMs).toBeLessThan(2000);
    // Worst case for painting: every one of the 5,000 units drawn on its own.
    await page.click('[data-testid=layer-toggle-clusters]');
    const unclustered = await measure('city view, all units drawn');
    expect(unclustered.maxMs).toBeLessThan(2000);
    await screenshot(page, 'console-scale-unclustered');
    await page.click('[data-testid=layer-toggle-clusters]');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
