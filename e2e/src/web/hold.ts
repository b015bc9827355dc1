import type { Page } from 'playwright-core';

/** Requests held back like a slow network would: `arrived` once the first one is asked for. */
export interface Held {
  arrived: Promise<void>;
  /** Lets the held requests (and every later one) through. */
  release(): void;
}

/**
 * Holds the page's requests to `url` (with `method`) until `release()`: the test decides when the
 * answer lands (after some typing, say) instead of hoping the timing works out.
 */
export async function holdRequests(page: Page, url: RegExp, method = 'GET'): Promise<Held> {
  let reached: () => void = () => {};
  const arrived = new Promise<void>((resolve) => {
    reached = resolve;
  });
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(url, async (route) => {
    if (route.request().method() !== method) return route.fallback();
    reached();
    await released;
    await route.continue();
  });
  return { arrived, release };
}
