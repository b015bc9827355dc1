import type { Logger } from '@app/platform';
import { sql } from 'kysely';
import { SourceLayoutError } from '../collection/source.js';
import type { StorehelperDeps } from '../deps.js';
import { CRAWL_PLATFORMS, type CrawlerConfig, type CrawlPlatform } from './config.js';
import { type CrawlerDeps, crawlPlace } from './source.js';

/** What the canary check found on one platform. */
export interface CanaryResult {
  readonly platform: CrawlPlatform;
  readonly placeId: string;
  /** `ok`: the first page parsed; `layout`: the parser no longer knows the page; `error`: anything else. */
  readonly outcome: 'ok' | 'layout' | 'error';
  readonly reviews: number;
  readonly message?: string;
  /** Stores that got a `parser-broken` alert from this check. */
  readonly alerted: number;
}

/**
 * The daily parser health check (schedule it, e.g. `30 6 * * *`): for each platform with a canary
 * place (STOREHELPER_CRAWL_CANARY_NAVER / _KAKAO) that is not switched off, reads the first page of its
 * reviews. A layout the parser no longer knows raises a `parser-broken` alert on every store collected
 * from that platform (once: not while an earlier one is unacknowledged), before their own hourly
 * runs fail one by one; other failures (network, refusals) are only logged.
 */
export async function checkCrawlerHealth(
  deps: StorehelperDeps,
  crawler: CrawlerDeps,
  config: CrawlerConfig,
  logger: Logger,
  signal?: AbortSignal,
): Promise<CanaryResult[]> {
  const results: CanaryResult[] = [];
  for (const platform of CRAWL_PLATFORMS) {
    const placeId = config.canary[platform];
    if (!placeId || !crawler.politeness.enabled(platform)) continue;
    let reviews = 0;
    try {
      for await (const batch of crawlPlace(crawler, config, platform, placeId, signal, 1))
        reviews += batch.length;
      results.push({ platform, placeId, outcome: 'ok', reviews, alerted: 0 });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!(error instanceof SourceLayoutError)) {
        logger.warn({ platform, placeId, err: error }, 'storehelper: crawler canary failed');
        results.push({ platform, placeId, outcome: 'error', reviews, message, alerted: 0 });
        continue;
      }
      logger.error({ platform, placeId, err: error }, 'storehelper: crawler canary found a changed layout');
      const alerted = await alertStores(deps, platform, message);
      results.push({ platform, placeId, outcome: 'layout', reviews, message, alerted });
    }
  }
  return results;
}

/** A `parser-broken` alert on each store collected from `platform` that has none unacknowledged. */
async function alertStores(deps: StorehelperDeps, platform: CrawlPlatform, message: string): Promise<number> {
  const column = platform === 'naver' ? sql.ref('s.naver_place_id') : sql.ref('s.kakao_place_id');
  const detail = JSON.stringify({ platform, message: message.slice(0, 300), source: 'canary' });
  const { rows } = await sql<{ id: string }>`
    insert into storehelper.alerts (store_id, kind, detail)
    select s.id, 'parser-broken', ${detail}::jsonb
    from storehelper.stores s
    where ${column} is not null
      and not exists (
        select 1 from storehelper.alerts a
        where a.store_id = s.id and a.kind = 'parser-broken' and a.acknowledged_at is null)
    returning id`.execute(deps.db);
  return rows.length;
}
