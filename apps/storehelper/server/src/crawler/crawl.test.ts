import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceLayoutError } from '../collection/source.js';
import type { CollectedReview } from '../collection/types.js';
import type { CrawlerConfig, CrawlPlatform } from './config.js';
import { kstDate } from './dates.js';
import { PlaceNotFoundError } from './navigate.js';
import { type CrawlerDeps, crawlerDeps, crawlPlace } from './source.js';
import {
  type FixtureSite,
  fixtureCrawlerConfig,
  startFixtureSite,
  type VirtualClock,
  virtualClock,
} from './testing.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) process.stdout.write(`SKIPPED: crawler browser tests (${CHROMIUM} is not installed)\n`);

let site: FixtureSite;
let config: CrawlerConfig;
let clock: VirtualClock;
let deps: CrawlerDeps;

beforeAll(async () => {
  site = await startFixtureSite({ generatedPages: 3 });
  // One second between loads (virtual: the clock records the waits instead of waiting).
  config = fixtureCrawlerConfig(site, {
    STOREHELPER_CRAWL_INTERVAL_MS: '1000',
    STOREHELPER_CRAWL_PAGE_TIMEOUT_MS: '5000',
  });
  clock = virtualClock();
  deps = crawlerDeps(config, { clock });
});

afterAll(async () => {
  await deps?.pool.close();
  await site?.close();
});

async function crawl(
  platform: CrawlPlatform,
  placeId: string,
  maxPages?: number,
): Promise<CollectedReview[][]> {
  const batches: CollectedReview[][] = [];
  for await (const batch of crawlPlace(deps, config, platform, placeId, undefined, maxPages))
    batches.push(batch);
  return batches;
}

const sleepsDuring = async <T>(work: () => Promise<T>): Promise<{ result: T; sleeps: number[] }> => {
  const before = clock.sleeps.length;
  const result = await work();
  return { result, sleeps: clock.sleeps.slice(before) };
};

describe.skipIf(!hasChromium)('Naver Place crawler on the fixture pages', { timeout: 60_000 }, () => {
  it('reads the first page and the "more" page: authors, visit dates, text, keywords, photos, replies', async () => {
    const { result: batches, sleeps } = await sleepsDuring(() => crawl('naver', '1001'));
    expect(batches.map((b) => b.length)).toEqual([5, 4]);
    // Two page loads (the page, one "more"): the second waited its turn.
    expect(sleeps).toHaveLength(1);
    const reviews = batches.flat();
    expect(reviews.map((r) => r.author)).toEqual([
      '맛집탐방러',
      '서울먹보',
      'jiwoo_k',
      '동네주민',
      '냠냠',
      '먹깨비',
      '하루한끼',
      '점심헌터',
      '카페인중독',
    ]);
    expect(reviews.every((r) => r.platform === 'naver' && r.rating === null)).toBe(true);
    const [first, keywordOnly, negative] = reviews;
    expect(first).toMatchObject({
      text: '점심에 갔는데 김치찌개가 정말 진하고 맛있었어요.\n반찬도 계속 리필해 주시고 사장님이 친절하셨어요.',
      // The hidden ones behind "+2" count; the "+2" chip does not.
      tags: ['음식이 맛있어요', '반찬이 잘 나와요', '친절해요', '가성비가 좋아요', '매장이 청결해요'],
      photos: 3,
      ownerReply: '방문해 주셔서 감사합니다!\n다음에도 맛있게 준비하겠습니다 :)',
    });
    expect(kstDate(first?.reviewedAt ?? new Date(0))).toBe('2024-11-03');
    expect(kstDate(first?.ownerRepliedAt ?? new Date(0))).toBe('2024-11-04');
    // A keyword review: no text, no stars, its keywords as tags; "11.2.토" is this year.
    expect(keywordOnly).toMatchObject({
      text: '',
      rating: null,
      tags: ['음식이 맛있어요', '양이 많아요'],
      photos: 0,
    });
    expect(keywordOnly?.ownerReply).toBeNull();
    expect(kstDate(keywordOnly?.reviewedAt ?? new Date(0))).toBe('2024-11-02');
    expect(negative).toMatchObject({ tags: [], photos: 1 });
    expect(reviews.map((r) => kstDate(r.reviewedAt))).toEqual([
      '2024-11-03',
      '2024-11-02',
      '2024-10-28',
      '2024-10-27',
      '2024-10-20',
      '2024-10-15',
      '2024-10-12',
      '2024-10-09',
      '2024-10-03',
    ]);
    expect(reviews.filter((r) => r.text === '').map((r) => r.author)).toEqual([
      '서울먹보',
      '냠냠',
      '먹깨비',
      '점심헌터',
    ]);
  });

  it('gives the same ids on every run (hash of author, day, text, keywords) and distinct ones within a page', async () => {
    const once = (await crawl('naver', '1001')).flat().map((r) => r.platformReviewId);
    const twice = (await crawl('naver', '1001')).flat().map((r) => r.platformReviewId);
    expect(twice).toEqual(once);
    expect(new Set(once).size).toBe(once.length);
    expect(once.every((id) => /^h:[\w-]{27}$/.test(id))).toBe(true);
  });

  it('stops at the page cap', async () => {
    const batches = await crawl('naver', '1001', 1);
    expect(batches.map((b) => b.length)).toEqual([5]);
  });

  it('reads a place without reviews as nothing, not as a changed layout', async () => {
    expect(await crawl('naver', '1003')).toEqual([]);
  });

  it('reports a changed layout naming what it no longer finds, and yields nothing', async () => {
    const batches: CollectedReview[][] = [];
    const error = await (async () => {
      try {
        for await (const batch of crawlPlace(deps, config, 'naver', '1002')) batches.push(batch);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(SourceLayoutError);
    expect((error as Error).message).toMatch(
      /review list has 5 entries but none is a review \(li\.pui__X35jYm\)/,
    );
    expect(batches).toEqual([]);
  });

  it('reads every page of a generated place (the benchmark pages) to the cap', async () => {
    const batches = await crawl('naver', '90001');
    expect(batches.map((b) => b.length)).toEqual([10, 10, 10]);
    const reviews = batches.flat();
    expect(new Set(reviews.map((r) => r.platformReviewId)).size).toBe(30);
    expect(reviews.some((r) => r.text === '' && r.tags.length > 0)).toBe(true);
  });

  it('tells a wrong place id (404) from a refusal (429, not retried) from a failing site (500, retried on later turns)', async () => {
    await expect(crawl('naver', '1234')).rejects.toBeInstanceOf(PlaceNotFoundError);
    const refusedFrom = site.requests.length;
    await expect(crawl('naver', '1005')).rejects.toThrow(/refused the page \(429\)/);
    expect(site.requests.slice(refusedFrom)).toEqual(['naver /place/1005/review/visitor?reviewSort=recent']);
    const failingFrom = site.requests.length;
    const { result, sleeps } = await sleepsDuring(() =>
      crawl('naver', '1004').then(
        () => 'resolved',
        (error: Error) => error.message,
      ),
    );
    expect(result).toBe(
      'naver: place 1004 could not be loaded after 3 attempts: naver: the site answered 500',
    );
    expect(site.requests.slice(failingFrom)).toHaveLength(3);
    // Each attempt waited for a turn of its own.
    expect(sleeps).toHaveLength(3);
  });
});

describe.skipIf(!hasChromium)('Kakao Map crawler on the fixture pages', { timeout: 60_000 }, () => {
  it('reads page 1 and page link 2: stars, dates, text, photos, owner replies, ids', async () => {
    const batches = await crawl('kakao', '2001');
    expect(batches.map((b) => b.length)).toEqual([5, 3]);
    const reviews = batches.flat();
    expect(reviews.map((r) => r.rating)).toEqual([5, 4, 1, 3, 5, 2, 4, 5]);
    expect(reviews.map((r) => r.platformReviewId)).toEqual([
      '7330121',
      '7329854',
      '7328110',
      '7327001',
      '7326555',
      '7325012',
      '7324890',
      '7323777',
    ]);
    expect(reviews.map((r) => r.photos)).toEqual([2, 0, 1, 0, 0, 0, 0, 3]);
    expect(reviews[0]).toMatchObject({
      platform: 'kakao',
      author: '라면요정',
      text: '국물이 끝내줘요. 매장도 깨끗하고 좋아요',
      tags: [],
      ownerReply: '소중한 후기 감사합니다!',
    });
    expect(kstDate(reviews[0]?.reviewedAt ?? new Date(0))).toBe('2024-11-05');
    expect(kstDate(reviews[0]?.ownerRepliedAt ?? new Date(0))).toBe('2024-11-06');
    expect(reviews[2]?.ownerReply).toBe('불편을 드려 죄송합니다. 직원 교육을 다시 하겠습니다.');
    // A star-only review.
    expect(reviews[3]).toMatchObject({ author: '여행자', text: '', rating: 3, ownerReply: null });
    expect(kstDate(reviews[7]?.reviewedAt ?? new Date(0))).toBe('2024-10-02');
  });

  it('reports the redrawn stars as a changed layout naming the star rating', async () => {
    await expect(crawl('kakao', '2002')).rejects.toThrow(
      /kakao: review 1 has no star rating \(\.star_info \.inner_star\); the page layout changed/,
    );
    await expect(crawl('kakao', '2002')).rejects.toBeInstanceOf(SourceLayoutError);
  });

  it('follows the page links of a generated place to the cap', async () => {
    const batches = await crawl('kakao', '90002');
    expect(batches.map((b) => b.length)).toEqual([5, 5, 5]);
    expect(new Set(batches.flat().map((r) => r.platformReviewId)).size).toBe(15);
  });
});
