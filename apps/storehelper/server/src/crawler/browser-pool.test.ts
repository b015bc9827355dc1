import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool, launchChromium } from './browser-pool.js';
import { hostAllowed } from './config.js';
import { type FixtureSite, fixtureCrawlerConfig, startFixtureSite } from './testing.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) process.stdout.write(`SKIPPED: browser pool tests (${CHROMIUM} is not installed)\n`);

let site: FixtureSite;
let allowNaver: (url: string) => boolean;
const pools: BrowserPool[] = [];

beforeAll(async () => {
  site = await startFixtureSite();
  const config = fixtureCrawlerConfig(site);
  allowNaver = (url) => hostAllowed(config.allowedHosts.naver, url);
});

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
  await site?.close();
});

/** A pool whose browsers the test can reach (to crash them). */
function makePool(size: number, pageTimeoutMs = 10_000) {
  const browsers: Browser[] = [];
  const pool = new BrowserPool({
    size,
    executablePath: CHROMIUM,
    pageTimeoutMs,
    launch: async (path) => {
      const browser = await launchChromium(path);
      browsers.push(browser);
      return browser;
    },
  });
  pools.push(pool);
  return { pool, browsers };
}

const naverPage = () => `${site.naverBaseUrl}/place/1001/review/visitor`;

describe.skipIf(!hasChromium)('BrowserPool', { timeout: 60_000 }, () => {
  it('launches one browser on first use and shares it between pages', async () => {
    const { pool } = makePool(2);
    expect(pool.launches).toBe(0);
    const [a, b] = await Promise.all([pool.open(allowNaver), pool.open(allowNaver)]);
    expect(pool.launches).toBe(1);
    // Fresh contexts: what one page stores, the other does not see.
    await a.page.goto(naverPage());
    await b.page.goto(naverPage());
    await a.page.evaluate(() => {
      (
        globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
      ).localStorage.setItem('k', 'v');
    });
    const seen = await b.page.evaluate(() =>
      (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem(
        'k',
      ),
    );
    expect(seen).toBeNull();
    await Promise.all([a.close(), b.close()]);
  });

  it('opens no more pages than its size: the next waits until one closes', async () => {
    const { pool } = makePool(1);
    const first = await pool.open(allowNaver);
    let firstClosed = false;
    const second = pool.open(allowNaver).then((lease) => ({ lease, firstClosedBefore: firstClosed }));
    // Real work on the first page meanwhile: time enough for the second to open, were it not held back.
    await first.page.goto(naverPage());
    await first.page.locator('#_review_list li').first().waitFor();
    firstClosed = true;
    await first.close();
    const { lease, firstClosedBefore } = await second;
    expect(firstClosedBefore).toBe(true);
    await lease.close();
  });

  it('replaces a browser that crashed; the page that was in it fails', async () => {
    const { pool, browsers } = makePool(2);
    const lease = await pool.open(allowNaver);
    await lease.page.goto(naverPage());
    const crashed = browsers[0];
    if (!crashed) throw new Error('no browser');
    const gone = new Promise((resolve) => crashed.once('disconnected', resolve));
    const cdp = await crashed.newBrowserCDPSession();
    await cdp.send('Browser.crash').catch(() => {});
    await gone;
    await expect(lease.page.goto(naverPage())).rejects.toThrow();
    await lease.close();
    const next = await pool.open(allowNaver);
    expect(pool.launches).toBe(2);
    await next.page.goto(naverPage());
    expect(await next.page.locator('#_review_list li').count()).toBe(5);
    await next.close();
  });

  it('times a page out instead of waiting for ever', async () => {
    const { pool } = makePool(1, 1_500);
    const lease = await pool.open(allowNaver);
    const error = await lease.page
      .goto(`${site.naverBaseUrl}/place/1009/review/visitor`)
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('TimeoutError');
    await lease.close();
  });

  it('lets a page load only from the allowed hosts, and never images, fonts or media', async () => {
    const { pool } = makePool(1);
    const lease = await pool.open(allowNaver);
    const blocked: string[] = [];
    lease.page.on('requestfailed', (request) => blocked.push(request.url()));
    const from = site.requests.length;
    await lease.page.goto(naverPage(), { waitUntil: 'load' });
    // The tracker on another host never left the browser; the review photos and the profile
    // picture were not even requested (images are off, and the route would abort them).
    expect(blocked).toEqual(['https://wcs.naver.net/wcslog.js']);
    expect(site.requests.slice(from)).toEqual(['naver /place/1001/review/visitor']);
    // Another platform's host is refused too.
    const kakao = await lease.page.evaluate(
      (url) =>
        fetch(url).then(
          () => 'loaded',
          () => 'blocked',
        ),
      site.kakaoBaseUrl,
    );
    expect(kakao).toBe('blocked');
    await lease.close();
  });

  it('closes its browser on close() and refuses new pages', async () => {
    const { pool, browsers } = makePool(1);
    const lease = await pool.open(allowNaver);
    await pool.close();
    expect(browsers[0]?.isConnected()).toBe(false);
    await expect(lease.page.goto(naverPage())).rejects.toThrow();
    await lease.close();
    await expect(pool.open(allowNaver)).rejects.toThrow(/browser pool is closed/);
  });
});
