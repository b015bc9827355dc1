import type { Browser, Page } from 'playwright-core';
import type { CollectContext, ReviewSource } from '../collection/source.js';
import type { CollectedReview } from '../collection/types.js';
import type { StoreRow } from '../stores/mapper.js';
import { BrowserPool } from './browser-pool.js';
import { type CrawlerConfig, type CrawlPlatform, hostAllowed } from './config.js';
import { crawlKakao } from './kakao.js';
import { crawlNaver } from './naver.js';
import type { CrawlOptions } from './navigate.js';
import { type Clock, Politeness, systemClock } from './politeness.js';

/** The crawler's shared parts in one process: its browsers and its manners. */
export interface CrawlerDeps {
  readonly pool: BrowserPool;
  readonly politeness: Politeness;
  /** "Now" for dates without a year. */
  readonly now: () => Date;
}

/** Builds the crawler's parts from its config (the browser starts on first use); `pool.close()` on shutdown. */
export function crawlerDeps(
  config: CrawlerConfig,
  overrides: { clock?: Clock; random?: () => number; launch?: (path: string) => Promise<Browser> } = {},
): CrawlerDeps {
  const clock = overrides.clock ?? systemClock;
  return {
    pool: new BrowserPool({
      size: config.browsers,
      executablePath: config.chromiumPath,
      pageTimeoutMs: config.pageTimeoutMs,
      ...(overrides.launch ? { launch: overrides.launch } : {}),
    }),
    politeness: new Politeness(
      { minIntervalMs: config.minIntervalMs, jitterMs: config.jitterMs, disabled: config.disabled },
      clock,
      overrides.random,
    ),
    now: () => new Date(clock.now()),
  };
}

type Crawl = (
  page: Page,
  baseUrl: string,
  placeId: string,
  options: CrawlOptions,
) => AsyncGenerator<CollectedReview[]>;

const CRAWLS: Record<CrawlPlatform, { crawl: Crawl; placeId: (store: StoreRow) => string | null }> = {
  naver: { crawl: crawlNaver, placeId: (store) => store.naver_place_id },
  kakao: { crawl: crawlKakao, placeId: (store) => store.kakao_place_id },
};

/**
 * One place's reviews from a platform, batch by batch, in a browser page of the pool that is
 * closed when the crawl ends, fails or is abandoned (or the worker's signal aborts).
 */
export async function* crawlPlace(
  deps: CrawlerDeps,
  config: CrawlerConfig,
  platform: CrawlPlatform,
  placeId: string,
  signal?: AbortSignal,
  maxPages = config.maxPages,
): AsyncGenerator<CollectedReview[]> {
  deps.politeness.assertEnabled(platform);
  const allowed = config.allowedHosts[platform];
  const lease = await deps.pool.open((url) => hostAllowed(allowed, url), signal);
  // Aborting closes the page, which ends whatever the crawl is waiting for.
  const onAbort = () => void lease.close();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    yield* CRAWLS[platform].crawl(lease.page, config.baseUrl[platform], placeId, {
      politeness: deps.politeness,
      maxPages,
      signal,
      now: deps.now,
    });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await lease.close();
  }
}

/**
 * The Naver Place and Kakao Map review sources: a store is collected from a platform when it has
 * that platform's place id and the operator has not switched the platform off. A switched-off
 * platform is not offered to the collector; called anyway, `collect` throws `CrawlDisabledError`.
 */
export function crawlerSources(deps: CrawlerDeps, config: CrawlerConfig): ReviewSource[] {
  return (['naver', 'kakao'] as const).map(
    (platform): ReviewSource => ({
      platform,
      configured: (store) => CRAWLS[platform].placeId(store) !== null && deps.politeness.enabled(platform),
      async *collect(store: StoreRow, context: CollectContext) {
        deps.politeness.assertEnabled(platform);
        const placeId = CRAWLS[platform].placeId(store);
        if (placeId === null) return;
        yield* crawlPlace(deps, config, platform, placeId, context.signal);
      },
    }),
  );
}
