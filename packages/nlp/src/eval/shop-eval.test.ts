import { describe, expect, it } from 'vitest';
import { readShopReviews } from '../train/shop-data.js';
import { alertRates, predictShop, shopClassScores } from './shop-eval.js';

describe('shop evaluation on the held part (regression guard for the shipped calibration)', () => {
  const held = predictShop(readShopReviews().filter((r) => r.part === 'held' && r.lang === 'ko'));

  it('beats the movie-trained scorer on the 3-class label', () => {
    const s = shopClassScores(held);
    expect(s.text.macroF1).toBeGreaterThan(0.75);
    expect(s.text.macroF1).toBeGreaterThan(s.beforeBand.macroF1 + 0.2);
    expect(s.rated.rows).toBe(held.length);
  });

  it('sends more plainly negative reviews, and fewer lukewarm ones, below the alert line', () => {
    const neg = alertRates(held, 0);
    expect(neg.text).toBeGreaterThan(0.8);
    expect(neg.text).toBeGreaterThan(neg.before + 0.3);
    const neutral = alertRates(held, 1);
    expect(neutral.text).toBeLessThanOrEqual(neutral.before);
  });
});
