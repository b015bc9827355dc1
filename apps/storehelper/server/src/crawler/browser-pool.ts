import { type Browser, type BrowserContext, chromium, type Page, type Route } from 'playwright-core';

/** What the browser never downloads: the crawler reads text, so pictures and fonts are wasted traffic. */
const BLOCKED_TYPES = new Set(['image', 'media', 'font', 'manifest', 'texttrack']);

export interface BrowserPoolOptions {
  /** Contexts open at once; further callers wait for one to close. */
  readonly size: number;
  readonly executablePath: string;
  /** Default timeout of every navigation, click and wait on a page. */
  readonly pageTimeoutMs: number;
  /** Starts the browser; tests inject their own to watch launches or break the browser. */
  readonly launch?: (executablePath: string) => Promise<Browser>;
}

/** A page in a fresh browser context, held until `close()`. */
export interface PageLease {
  readonly page: Page;
  /** Closes the context and gives its place back (safe to call twice). */
  close(): Promise<void>;
}

/** Headless Debian Chromium as a server may run it (no GPU, no background traffic). */
export function launchChromium(executablePath: string): Promise<Browser> {
  const root = process.getuid?.() === 0;
  return chromium.launch({
    executablePath,
    headless: true,
    timeout: 60_000,
    args: [
      // Chromium refuses to start its sandbox as root (containers): only then go without it.
      ...(root ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--blink-settings=imagesEnabled=false',
    ],
  });
}

/**
 * Chromium for the crawler: one browser, launched on first use, and up to `size` browser contexts at
 * a time, each fresh (no cookies or storage carried from one collection to the next) and closed after
 * use. A browser that crashed or was killed is noticed ("disconnected") and a new one is launched on
 * the next `open`; what was running in the dead one fails (its run is recorded as failed). Every
 * request of a context goes through `allow`: anything else, and every image, font and media file,
 * is aborted. `close()` on shutdown closes the browser and refuses new pages.
 */
export class BrowserPool {
  private browser: Promise<Browser> | undefined;
  private active = 0;
  private readonly queue: Array<() => void> = [];
  private closed = false;
  private launchCount = 0;

  constructor(private readonly options: BrowserPoolOptions) {}

  /** How many browsers were started so far (crash recovery is visible here). */
  get launches(): number {
    return this.launchCount;
  }

  /** A page whose requests are limited to what `allow` accepts; waits while `size` pages are open. */
  async open(allow: (url: string) => boolean, signal?: AbortSignal): Promise<PageLease> {
    await this.slot(signal);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.active--;
      this.queue.shift()?.();
    };
    try {
      const context = await this.newContext();
      await context.route('**/*', (route) => filter(route, allow));
      const page = await context.newPage();
      page.setDefaultTimeout(this.options.pageTimeoutMs);
      page.setDefaultNavigationTimeout(this.options.pageTimeoutMs);
      return {
        page,
        close: async () => {
          try {
            await context.close();
          } catch {
            // The browser is already gone.
          } finally {
            release();
          }
        },
      };
    } catch (error) {
      release();
      throw error;
    }
  }

  /** Closes the browser; pages still open fail, later `open` calls throw. */
  async close(): Promise<void> {
    this.closed = true;
    for (const wake of this.queue.splice(0)) wake();
    const browser = this.browser;
    this.browser = undefined;
    if (!browser) return;
    try {
      await (await browser).close();
    } catch {
      // It never started, or it is already gone.
    }
  }

  private async slot(signal?: AbortSignal): Promise<void> {
    while (true) {
      if (this.closed) throw new Error('storehelper crawler: the browser pool is closed');
      signal?.throwIfAborted();
      if (this.active < this.options.size) {
        this.active++;
        return;
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          signal?.removeEventListener('abort', wake);
          const at = this.queue.indexOf(wake);
          if (at >= 0) this.queue.splice(at, 1);
          resolve();
        };
        this.queue.push(wake);
        signal?.addEventListener('abort', wake, { once: true });
      });
    }
  }

  /** A context in the running browser; launches one when there is none or the last one died. */
  private async newContext(): Promise<BrowserContext> {
    for (let attempt = 0; ; attempt++) {
      const browser = await this.running();
      try {
        return await browser.newContext({
          locale: 'ko-KR',
          timezoneId: 'Asia/Seoul',
          serviceWorkers: 'block',
          viewport: { width: 412, height: 915 },
          isMobile: true,
        });
      } catch (error) {
        // Died between the check and the call: once more with a new browser.
        if (browser.isConnected() || attempt > 0) throw error;
      }
    }
  }

  private running(): Promise<Browser> {
    if (this.closed) return Promise.reject(new Error('storehelper crawler: the browser pool is closed'));
    const current = this.browser;
    if (current) return current;
    const launch = this.options.launch ?? launchChromium;
    this.launchCount++;
    const started = launch(this.options.executablePath).then((browser) => {
      browser.on('disconnected', () => {
        if (this.browser === started) this.browser = undefined;
      });
      if (this.closed) void browser.close();
      return browser;
    });
    this.browser = started;
    started.catch(() => {
      if (this.browser === started) this.browser = undefined;
    });
    return started;
  }
}

function filter(route: Route, allow: (url: string) => boolean): Promise<void> {
  const request = route.request();
  if (BLOCKED_TYPES.has(request.resourceType()) || !allow(request.url()))
    return route.abort('blockedbyclient').catch(() => {});
  return route.continue().catch(() => {});
}
