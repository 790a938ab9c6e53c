import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { SERVE_CLIENT } from './field-page.js';
import { startTestServer, type TestServer } from './test-server.js';

/**
 * For a browser test file: a real server on port 0 serving the built client, and one Chromium, started
 * before the file's tests and stopped after them. `onStart` receives both.
 */
export function withServerAndBrowser(onStart: (started: { server: TestServer; browser: Browser }) => void) {
  let started: { server: TestServer; browser: Browser } | undefined;
  beforeAll(async () => {
    started = { server: await startTestServer(SERVE_CLIENT), browser: await launchBrowser() };
    onStart(started);
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.server.close();
  });
}
