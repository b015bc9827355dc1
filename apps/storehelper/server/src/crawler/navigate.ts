import type { Page } from 'playwright-core';
import type { CrawlPlatform } from './config.js';
import type { Politeness } from './politeness.js';

/** What a platform crawler needs besides the page. */
export interface CrawlOptions {
  readonly politeness: Politeness;
  /** Pages read at most ("more" clicks or page links, the first page included). */
  readonly maxPages: number;
  readonly signal?: AbortSignal | undefined;
  /** "Now", for dates printed without a year or relative to today. */
  readonly now: () => Date;
}

/** Attempts of a page load that failed on the way (network, 5xx); each waits for its own turn. */
const LOAD_ATTEMPTS = 3;

/** The place does not exist on the platform (a wrong id): the run fails with this message. */
export class PlaceNotFoundError extends Error {
  constructor(platform: CrawlPlatform, placeId: string) {
    super(`${platform}: place ${placeId} was not found (404); check the store's place id`);
    this.name = 'PlaceNotFoundError';
  }
}

/**
 * Opens `url` after waiting for the platform's turn. A network error or a 5xx is tried again (on
 * later turns, up to three times in all); 404 means a wrong place id; 403 and 429 mean the site
 * refuses us, which is not retried within the run (the next scheduled run tries again).
 */
export async function loadPage(
  page: Page,
  url: string,
  platform: CrawlPlatform,
  placeId: string,
  options: CrawlOptions,
): Promise<void> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= LOAD_ATTEMPTS; attempt++) {
    await options.politeness.turn(platform, options.signal);
    let status: number;
    try {
      const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
      status = response?.status() ?? 200;
    } catch (error) {
      lastError = error;
      continue;
    }
    if (status === 404) throw new PlaceNotFoundError(platform, placeId);
    if (status === 403 || status === 429)
      throw new Error(
        `${platform}: the site refused the page (${status}); collection waits for the next run`,
      );
    if (status >= 500) {
      lastError = new Error(`${platform}: the site answered ${status}`);
      continue;
    }
    if (status >= 400) throw new Error(`${platform}: the site answered ${status} for place ${placeId}`);
    return;
  }
  const reason = lastError instanceof Error ? lastError.message.split('\n')[0] : String(lastError);
  throw new Error(
    `${platform}: place ${placeId} could not be loaded after ${LOAD_ATTEMPTS} attempts: ${reason}`,
  );
}
