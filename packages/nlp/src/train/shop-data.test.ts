import { describe, expect, it } from 'vitest';
import { parseShopReviews, readShopReviews } from './shop-data.js';

describe('data/shop-reviews.tsv', () => {
  it('is a small labelled set in both languages with a 60/40 fit/held split', () => {
    const rows = readShopReviews();
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(rows.length).toBeLessThanOrEqual(300);
    for (const lang of ['ko', 'en'] as const) {
      for (const label of ['negative', 'neutral', 'positive'] as const) {
        for (const part of ['fit', 'held'] as const) {
          expect(
            rows.filter((r) => r.lang === lang && r.label === label && r.part === part).length,
          ).toBeGreaterThan(4);
        }
      }
    }
    const held = rows.filter((r) => r.part === 'held').length / rows.length;
    expect(held).toBeGreaterThan(0.35);
    expect(held).toBeLessThan(0.45);
    for (const domain of ['food', 'cafe', 'salon', 'delivery']) {
      expect(rows.filter((r) => r.domain === domain).length).toBeGreaterThan(20);
    }
    expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length);
    expect(rows.filter((r) => r.rating !== undefined).length / rows.length).toBeGreaterThan(0.5);
  });

  it('rejects a malformed file', () => {
    expect(() => parseShopReviews('label\ttext\n')).toThrow(/header/);
    const header = 'label\trating\tdomain\tlang\tpart\ttext\n';
    expect(() => parseShopReviews(`${header}good\t5\tfood\tko\tfit\t맛있어요\n`)).toThrow(/line 2/);
    expect(() => parseShopReviews(`${header}positive\t7\tfood\tko\tfit\t맛있어요\n`)).toThrow(/line 2/);
    expect(parseShopReviews(`${header}neutral\t-\tcafe\ten\theld\tokay\n`)[0]).toEqual({
      label: 'neutral',
      y: 1,
      rating: undefined,
      domain: 'cafe',
      lang: 'en',
      part: 'held',
      text: 'okay',
    });
  });
});
