import { type CrawlerConfig, crawlerConfig } from './config.js';
import type { FixtureSite } from './fixture-site.js';
import type { Clock } from './politeness.js';

export { type FixtureSite, type FixtureSiteOptions, startFixtureSite } from './fixture-site.js';

/** A clock that never waits: `now` stands still (until `advance`), sleeps are recorded and return at once. */
export interface VirtualClock extends Clock {
  /** Every sleep asked for, in ms, in order. */
  readonly sleeps: number[];
  advance(ms: number): void;
}

/** The fixture pages' "today": 2024-11-20, noon in Korea. */
export const FIXTURE_NOW = Date.parse('2024-11-20T03:00:00Z');

export function virtualClock(start = FIXTURE_NOW): VirtualClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: (ms, signal) => {
      sleeps.push(ms);
      return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

/** The crawler's config pointed at a fixture site (no real site is ever contacted), plus `env`. */
export function fixtureCrawlerConfig(site: FixtureSite, env: Record<string, string> = {}): CrawlerConfig {
  return crawlerConfig({
    NAVER_PLACE_BASE_URL: site.naverBaseUrl,
    KAKAO_PLACE_BASE_URL: site.kakaoBaseUrl,
    STOREHELPER_CRAWL_INTERVAL_MS: '0',
    STOREHELPER_CRAWL_JITTER_MS: '0',
    STOREHELPER_CRAWL_ENABLED: 'naver,kakao',
    ...env,
  });
}
