import { existsSync } from 'node:fs';
import type { App } from '@app/platform';
import { createTestDatabase, listenTestApp, makePerson, type TestDatabase } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Collector } from '../collection/collector.js';
import { CollectionRuns } from '../collection/runs.js';
import { shDb } from '../db.js';
import type { StorehelperDeps } from '../deps.js';
import { storehelper } from '../index.js';
import { storehelperPolicy } from '../policies.js';
import { checkCrawlerHealth } from './health.js';
import { CrawlDisabledError } from './politeness.js';
import { type CrawlerDeps, crawlerDeps, crawlerSources } from './source.js';
import { type FixtureSite, fixtureCrawlerConfig, startFixtureSite, virtualClock } from './testing.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) process.stdout.write(`SKIPPED: crawler collection tests (${CHROMIUM} is not installed)\n`);

let database: TestDatabase;
let app: App;
let site: FixtureSite;
let deps: StorehelperDeps;
const crawlers: CrawlerDeps[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  database = await createTestDatabase();
  ({ app } = await listenTestApp(database.url, {}, { apps: [storehelper] }));
  const db = shDb(app.platform);
  deps = { platform: app.platform, db, policy: storehelperPolicy(app.platform, db) };
  site = await startFixtureSite();
});

afterAll(async () => {
  await Promise.all(crawlers.map((crawler) => crawler.pool.close()));
  await site?.close();
  await app?.close();
  await database?.drop();
});

/** A collector with the crawler sources on the fixture site (`env`: extra crawler variables). */
function collectorFor(env: Record<string, string> = {}) {
  const config = fixtureCrawlerConfig(site, env);
  const crawler = crawlerDeps(config, { clock: virtualClock() });
  crawlers.push(crawler);
  const sources = crawlerSources(crawler, config);
  return { collector: new Collector(deps, new CollectionRuns(deps), sources), sources, crawler, config };
}

async function makeStore(ids: { naver?: string; kakao?: string }) {
  const owner = await makePerson(app);
  return deps.db
    .insertInto('storehelper.stores')
    .values({
      owner_id: owner.id,
      name: '성수 김치찌개',
      naver_place_id: ids.naver ?? null,
      kakao_place_id: ids.kakao ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const reviewsOf = (storeId: string) =>
  deps.db
    .selectFrom('storehelper.reviews')
    .select(['platform', 'author', 'rating', 'tags', 'text', 'photos', 'owner_reply'])
    .where('store_id', '=', storeId)
    .orderBy('reviewed_at', 'desc')
    .execute();

const alertsOf = (storeId: string) =>
  deps.db
    .selectFrom('storehelper.alerts')
    .select(['kind', 'detail'])
    .where('store_id', '=', storeId)
    .execute();

describe.skipIf(!hasChromium)('crawler sources through the collector', { timeout: 60_000 }, () => {
  it('collects both platforms into one run each, and a second collection adds nothing', async () => {
    const { collector } = collectorFor();
    const store = await makeStore({ naver: '1001', kakao: '2001' });
    const logger = app.platform.logger;
    const runs = await collector.collect(store.id, 'manual', { logger });
    expect(runs.map((r) => [r.source, r.status, r.found, r.added, r.error])).toEqual([
      ['naver', 'succeeded', 9, 9, null],
      ['kakao', 'succeeded', 8, 8, null],
    ]);
    const stored = await reviewsOf(store.id);
    expect(stored).toHaveLength(17);
    expect(stored.find((r) => r.author === '서울먹보')).toMatchObject({
      platform: 'naver',
      rating: null,
      text: '',
      tags: ['음식이 맛있어요', '양이 많아요'],
    });
    expect(stored.find((r) => r.author === 'mintchoco')).toMatchObject({
      platform: 'kakao',
      rating: 1,
      photos: 1,
      owner_reply: '불편을 드려 죄송합니다. 직원 교육을 다시 하겠습니다.',
    });
    const again = await collector.collect(store.id, 'schedule', { logger });
    expect(again.map((r) => [r.source, r.status, r.found, r.added, r.updated])).toEqual([
      ['naver', 'succeeded', 9, 0, 0],
      ['kakao', 'succeeded', 8, 0, 0],
    ]);
  });

  it('fails the run on a changed layout, stores nothing and alerts the owner once', async () => {
    const { collector } = collectorFor();
    const store = await makeStore({ naver: '1002', kakao: '2002' });
    const runs = await collector.collect(store.id, 'manual', { logger: app.platform.logger });
    expect(runs.map((r) => [r.source, r.status, r.found])).toEqual([
      ['naver', 'failed', 0],
      ['kakao', 'failed', 0],
    ]);
    expect(runs[0]?.error).toMatch(/naver: the review list has 5 entries but none is a review/);
    expect(runs[1]?.error).toMatch(/kakao: review 1 has no star rating/);
    expect(await reviewsOf(store.id)).toEqual([]);
    const alerts = await alertsOf(store.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'parser-broken', detail: { platform: 'naver' } });
  });

  it('leaves a switched-off platform out, and its source refuses to collect with a clear error', async () => {
    const { collector, sources } = collectorFor({ STOREHELPER_CRAWL_ENABLED: 'kakao' });
    const store = await makeStore({ naver: '1001', kakao: '2001' });
    expect((await collector.sourcesOf(store)).map((s) => s.platform)).toEqual(['kakao']);
    const runs = await collector.collect(store.id, 'manual', { logger: app.platform.logger });
    expect(runs.map((r) => [r.source, r.status])).toEqual([['kakao', 'succeeded']]);
    expect((await reviewsOf(store.id)).every((r) => r.platform === 'kakao')).toBe(true);
    const naver = sources.find((s) => s.platform === 'naver');
    const attempt = async () => {
      for await (const _ of naver?.collect(store, { logger: app.platform.logger }) ?? []) break;
    };
    await expect(attempt()).rejects.toBeInstanceOf(CrawlDisabledError);
    await expect(attempt()).rejects.toThrow(/Naver Place collection is switched off by the operator/);
  });

  it('only offers a platform for stores with its place id', async () => {
    const { collector } = collectorFor();
    const store = await makeStore({ kakao: '2001' });
    expect((await collector.sourcesOf(store)).map((s) => s.platform)).toEqual(['kakao']);
  });
});

describe.skipIf(!hasChromium)('checkCrawlerHealth', { timeout: 60_000 }, () => {
  it('reads the canary places, and alerts the stores of a platform whose layout changed', async () => {
    const { crawler, config } = collectorFor({
      STOREHELPER_CRAWL_CANARY_NAVER: '1002',
      STOREHELPER_CRAWL_CANARY_KAKAO: '2001',
    });
    const naverStore = await makeStore({ naver: '5555' });
    const kakaoStore = await makeStore({ kakao: '6666' });
    const results = await checkCrawlerHealth(deps, crawler, config, app.platform.logger);
    expect(results.map((r) => [r.platform, r.outcome, r.reviews])).toEqual([
      ['naver', 'layout', 0],
      ['kakao', 'ok', 5],
    ]);
    expect(results[0]?.alerted).toBeGreaterThanOrEqual(1);
    expect(await alertsOf(naverStore.id)).toEqual([
      { kind: 'parser-broken', detail: expect.objectContaining({ platform: 'naver', source: 'canary' }) },
    ]);
    expect(await alertsOf(kakaoStore.id)).toEqual([]);
    // Not again while the first alert is unacknowledged.
    await checkCrawlerHealth(deps, crawler, config, app.platform.logger);
    expect(await alertsOf(naverStore.id)).toHaveLength(1);
  });

  it('skips platforms without a canary or switched off', async () => {
    const { crawler, config } = collectorFor({
      STOREHELPER_CRAWL_CANARY_KAKAO: '2001',
      STOREHELPER_CRAWL_ENABLED: 'naver',
    });
    expect(await checkCrawlerHealth(deps, crawler, config, app.platform.logger)).toEqual([]);
  });
});
