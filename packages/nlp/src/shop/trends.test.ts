import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keywordTrends } from './trends.js';

describe('keywordTrends', () => {
  it('counts each keyword once per review and names the direction', () => {
    const now = [['웨이팅', '국물', '웨이팅'], ['웨이팅'], ['주차']];
    const before = [['국물'], ['주차'], ['주차'], ['친절']];
    expect(keywordTrends(now, before)).toEqual([
      { keyword: '웨이팅', current: 2, previous: 0, change: 2, trend: 'new' },
      { keyword: '주차', current: 1, previous: 2, change: -1, trend: 'down' },
      { keyword: '친절', current: 0, previous: 1, change: -1, trend: 'gone' },
      { keyword: '국물', current: 1, previous: 1, change: 0, trend: 'steady' },
    ]);
  });

  it('compares case-insensitively and honours minCount and limit', () => {
    const t = keywordTrends([['Parking'], ['parking'], ['view']], [['PARKING']], { minCount: 2 });
    expect(t).toEqual([{ keyword: 'parking', current: 2, previous: 1, change: 1, trend: 'up' }]);
    expect(keywordTrends([['a'], ['b'], ['c']], [], { limit: 2 })).toHaveLength(2);
  });

  it('keeps counts consistent for arbitrary periods', () => {
    const period = fc.array(
      fc.array(fc.constantFrom('맛', '친절', '주차', '가격', 'view'), { maxLength: 4 }),
      {
        maxLength: 12,
      },
    );
    fc.assert(
      fc.property(period, period, (now, before) => {
        const t = keywordTrends(now, before);
        for (const k of t) {
          expect(k.current).toBe(now.filter((r) => r.map((x) => x.toLowerCase()).includes(k.keyword)).length);
          expect(k.previous).toBe(
            before.filter((r) => r.map((x) => x.toLowerCase()).includes(k.keyword)).length,
          );
          expect(k.change).toBe(k.current - k.previous);
        }
        for (let i = 1; i < t.length; i++) {
          expect(Math.abs((t[i] as { change: number }).change)).toBeLessThanOrEqual(
            Math.abs((t[i - 1] as { change: number }).change),
          );
        }
      }),
    );
  });
});
