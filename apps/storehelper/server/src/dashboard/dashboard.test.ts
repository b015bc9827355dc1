import { makePerson } from '@app/platform/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStore, startWorld, type World } from '../test/world.js';

let world: World;
let db: pg.Pool;
beforeAll(async () => {
  world = await startWorld();
  db = new pg.Pool({ connectionString: world.database.url, max: 2 });
});
afterAll(async () => {
  await db?.end();
  await world?.close();
});

interface Row {
  at: string;
  keywords?: string[];
  /** Hours until the owner answered; none: unanswered. */
  answeredAfter?: number;
  rating?: number;
}

/** Reviews at exact instants, already analysed (the analysis job leaves them alone). */
async function insert(storeId: string, rows: Row[]): Promise<void> {
  for (const [i, row] of rows.entries()) {
    const at = new Date(row.at);
    const replied =
      row.answeredAfter === undefined ? null : new Date(at.getTime() + row.answeredAfter * 3_600_000);
    await db.query(
      `insert into storehelper.reviews (store_id, platform, platform_review_id, rating, text, reviewed_at,
         sentiment, sentiment_label, keywords, analyzed_at, owner_reply, owner_replied_at)
       values ($1, 'google', $2, $3, '맛있어요', $4, 0.5, 'positive', $5, now(), $6, $7)`,
      [storeId, `r${i}`, row.rating ?? 5, at, row.keywords ?? [], replied ? '감사합니다' : null, replied],
    );
  }
}

describe('storehelper dashboard numbers', () => {
  it("puts each review in the week of the store's own calendar, and counts keywords once per review", async () => {
    const owner = await makePerson(world.app);
    const storeId = await makeStore(world, owner, { timeZone: 'Asia/Seoul' });
    await insert(storeId, [
      { at: '2026-11-01T14:59:00Z' }, // Sunday 23:59 in Seoul, the day before the range
      { at: '2026-11-08T14:30:00Z', keywords: ['웨이팅', '국물'], answeredAfter: 2 }, // Sunday 23:30
      { at: '2026-11-08T15:30:00Z', keywords: ['웨이팅', ' 웨이팅 '], answeredAfter: 4 }, // Monday 00:30
      { at: '2026-11-15T14:59:00Z', keywords: ['웨이팅'] }, // Sunday 23:59, the last minute of the range
      { at: '2026-11-15T15:00:00Z', keywords: ['웨이팅'] }, // Monday 00:00: after the range
    ]);
    const res = await world.call(owner, 'GET', `/stores/${storeId}/dashboard?from=2026-11-04&to=2026-11-15`);
    expect(res.statusCode, res.body).toBe(200);
    const dashboard = res.json();
    expect(dashboard.range).toEqual({ from: '2026-11-04', to: '2026-11-15' });
    // Wednesday 4 to Sunday 15: the first review falls in the week of Monday 2 (the week it belongs to).
    expect(dashboard.weeks.map((w: { week: string; reviews: number }) => [w.week, w.reviews])).toEqual([
      ['2026-11-02', 1],
      ['2026-11-09', 2],
    ]);
    expect(dashboard.totals).toMatchObject({ reviews: 3, unanswered: 1, averageRating: 5 });
    expect(dashboard.response).toEqual({ rate: 0.67, medianHours: 3 });
    expect(dashboard.platforms).toEqual([{ platform: 'google', reviews: 3, averageRating: 5 }]);
    expect(dashboard.keywords).toEqual([
      { keyword: '웨이팅', count: 2, previous: 1, trend: 'up' },
      { keyword: '국물', count: 0, previous: 1, trend: 'gone' },
    ]);
  });

  it('follows daylight saving time in the store’s zone', async () => {
    const owner = await makePerson(world.app);
    const storeId = await makeStore(world, owner, { timeZone: 'America/New_York' });
    // New York leaves daylight saving time on Sunday 1 November 2026: midnight is 05:00Z after it.
    await insert(storeId, [
      { at: '2026-11-02T04:30:00Z' }, // Sunday 23:30 EST: the week of Monday 26 October
      { at: '2026-11-02T05:30:00Z' }, // Monday 00:30 EST
    ]);
    const dashboard = (
      await world.call(owner, 'GET', `/stores/${storeId}/dashboard?from=2026-10-26&to=2026-11-08`)
    ).json();
    expect(dashboard.weeks.map((w: { week: string; reviews: number }) => [w.week, w.reviews])).toEqual([
      ['2026-10-26', 1],
      ['2026-11-02', 1],
    ]);
    expect(dashboard.response.medianHours).toBeNull();
    expect(dashboard.keywords).toEqual([]);
  });
});
