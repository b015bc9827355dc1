import { type AddressInfo, createServer } from 'node:net';
import { type App, type AppDefinition, buildApp } from '@app/platform';
import { createTestDatabase, type TestDatabase, testConfig } from '@app/platform/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { allApps, appNames } from '../../../host/src/apps.js';
import { sharedWebBuild } from '../../../host/src/testing/shared-web-build.js';
import { registerWebApps } from '../../../host/src/web-serve.js';
import { launchChromium } from '../browser.js';

/** A listening host serving this run's build of the web apps, and Chromium. */
export interface WebHarness {
  app: App;
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Serves the web apps (built once per test run, see sharedWebBuild) with the API and the given
 * apps (default: every app the host defines), and starts Chromium.
 */
export async function startWebHarness(
  options: {
    apps?: AppDefinition[];
    fakeMedia?: boolean;
    fakeAudioFile?: string;
    /** Extra configuration variables (e.g. a TURN server's `TURN_URLS`/`TURN_SECRET`). */
    env?: Record<string, string>;
    /**
     * Listen on a port chosen before the server is built and set `PUBLIC_URL` to it, for flows
     * where the server sends the browser an absolute address of its own (Stripe's return page).
     */
    publicUrl?: boolean;
  } = {},
): Promise<WebHarness> {
  const database: TestDatabase = await createTestDatabase();
  const port = options.publicUrl ? await freePort() : 0;
  const env = { ...options.env, ...(port ? { PUBLIC_URL: `http://127.0.0.1:${port}` } : {}) };
  const [{ apps }, app] = await Promise.all([
    sharedWebBuild(),
    buildApp(testConfig(database.url, env), { apps: options.apps ?? allApps }),
  ]);
  await registerWebApps(app, {
    apps: [...appNames],
    builds: apps,
  });
  await app.listen({ host: '127.0.0.1', port });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await launchChromium({
    fakeMedia: options.fakeMedia ?? false,
    ...(options.fakeAudioFile ? { fakeAudioFile: options.fakeAudioFile } : {}),
  });
  return {
    app,
    origin,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await database.drop();
    },
  };
}

/** A port free on loopback now (the kernel hands out another one next time). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Console errors, uncaught exceptions and failed requests of a page, for "no errors" checks. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A request the page itself gave up (it navigated away before the answer) is not a failure.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
  });
  return errors;
}

export const phone = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};
export const desktop = { viewport: { width: 1280, height: 800 } };

/** A browser context in one language and size. */
export function openContext(
  browser: Browser,
  options: { locale: 'ko-KR' | 'en-US'; size: typeof phone | typeof desktop },
): Promise<BrowserContext> {
  return browser.newContext({ locale: options.locale, ...options.size });
}

/** The link of the newest mail to `to` whose subject matches, pointed at the test server. */
export async function linkFromOutbox(app: App, origin: string, to: string, subject: RegExp): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const res = await app.inject({ method: 'GET', url: `/api/v1/dev/outbox?to=${encodeURIComponent(to)}` });
    const mail = (res.json().items as { subject: string; text: string }[]).find((m) =>
      subject.test(m.subject),
    );
    const link = mail && /https?:\/\/\S+?token=[A-Za-z0-9_%-]+/.exec(mail.text)?.[0];
    if (link) {
      const url = new URL(link);
      return `${origin}${url.pathname}${url.search}`;
    }
    // Mail is sent right after the response; poll the outbox API until it is there.
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no mail matching ${subject} for ${to}`);
}
