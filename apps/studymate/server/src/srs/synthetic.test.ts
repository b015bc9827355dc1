import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { trainingItems } from './fsrs-items.js';
import { SYNTHETIC_TRUE_PARAMETERS, syntheticReviewLog } from './synthetic.js';

describe('syntheticReviewLog', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    const a = syntheticReviewLog({ seed: 7, reviews: 500 });
    const b = syntheticReviewLog({ seed: 7, reviews: 500 });
    const c = syntheticReviewLog({ seed: 8, reviews: 500 });
    expect(a).toEqual(b);
    expect(c.reviews).not.toEqual(a.reviews);
  });

  it('gives the asked number of reviews, in time order, with valid grades', () => {
    const { reviews, cards, trueParameters } = syntheticReviewLog({ seed: 1, reviews: 2000 });
    expect(reviews).toHaveLength(2000);
    expect(cards).toBeGreaterThan(50);
    expect(trueParameters).toEqual(SYNTHETIC_TRUE_PARAMETERS);
    for (let i = 1; i < reviews.length; i++) {
      expect(reviews[i]?.reviewedAt.getTime()).toBeGreaterThanOrEqual(
        reviews[i - 1]?.reviewedAt.getTime() ?? 0,
      );
    }
    expect(new Set(reviews.map((r) => r.grade))).toEqual(new Set([1, 2, 3, 4]));
  });

  it('uses true parameters different from the defaults', () => {
    expect(SYNTHETIC_TRUE_PARAMETERS).toHaveLength(default_w.length);
    expect(SYNTHETIC_TRUE_PARAMETERS).not.toEqual([...default_w]);
  });

  // When the truth IS the scheduler's model, answers on the due day should pass about as often as
  // the desired retention: this checks that recall is drawn from the forgetting curve.
  it.each([0.8, 0.95])(
    'recalls about %s of later-day reviews when truth and scheduler agree',
    (retention) => {
      const { reviews } = syntheticReviewLog({
        seed: 3,
        reviews: 6000,
        trueParameters: default_w,
        scheduler: { desiredRetention: retention, maximumIntervalDays: 36_500 },
      });
      const targets = trainingItems(reviews).map((item) => item.current?.rating);
      const passed = targets.filter((rating) => rating !== 1).length / targets.length;
      expect(passed).toBeGreaterThan(retention - 0.05);
      expect(passed).toBeLessThan(retention + 0.03);
    },
  );
});
