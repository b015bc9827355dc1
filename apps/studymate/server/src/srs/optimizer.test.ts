import { default_w } from 'ts-fsrs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SrsInputError } from './errors.js';
import { trainingItems } from './fsrs-items.js';
import { evaluate, MIN_REVIEWS_FOR_OPTIMIZE, type OptimizeResult, optimize } from './optimizer.js';
import { schedule } from './scheduler.js';
import { syntheticReviewLog } from './synthetic.js';

describe('optimize on a synthetic log drawn from known memory parameters', () => {
  const log = syntheticReviewLog({ seed: 11, reviews: 4000 });
  let result: OptimizeResult;

  beforeAll(async () => {
    result = await optimize(log.reviews);
  });

  it('lowers the log loss (and RMSE) against the default parameters, measured on the same items', () => {
    expect(result.reviewCount).toBe(trainingItems(log.reviews).length);
    expect(result.logLossAfter).toBeLessThan(result.logLossBefore);
    expect(result.rmseAfter).toBeLessThan(result.rmseBefore);
    expect(result.improved).toBe(true);
    expect(result.logLossBefore).toBeCloseTo(evaluate(default_w, trainingItems(log.reviews)).logLoss, 6);
  });

  it('comes close to the log loss of the true parameters', () => {
    const truth = evaluate(log.trueParameters, trainingItems(log.reviews)).logLoss;
    expect(result.logLossAfter - truth).toBeLessThan((result.logLossBefore - truth) / 2);
  });

  it('also fits better on another learner log drawn from the same memory (out of sample)', () => {
    const other = trainingItems(syntheticReviewLog({ seed: 12, reviews: 3000 }).reviews);
    expect(evaluate(result.parameters, other).logLoss).toBeLessThan(evaluate(default_w, other).logLoss);
  });

  it('gives 21 weights the scheduler accepts', () => {
    expect(result.parameters).toHaveLength(21);
    const next = schedule(null, 3, new Date('2026-03-02T09:00:00Z'), {
      desiredRetention: 0.9,
      maximumIntervalDays: 36_500,
      parameters: result.parameters,
    }).next;
    expect(next.stability).toBeCloseTo(result.parameters[2] ?? 0, 5);
  });
});

describe('optimize refuses', () => {
  it(`a log with fewer than ${MIN_REVIEWS_FOR_OPTIMIZE} training reviews`, async () => {
    const { reviews } = syntheticReviewLog({ seed: 5, reviews: 500 });
    const usable = trainingItems(reviews).length;
    expect(usable).toBeLessThan(MIN_REVIEWS_FOR_OPTIMIZE);
    const refusal = optimize(reviews);
    await expect(refusal).rejects.toBeInstanceOf(SrsInputError);
    await expect(refusal).rejects.toMatchObject({ code: 'NOT_ENOUGH_REVIEWS' });
    await expect(refusal).rejects.toThrow(new RegExp(`at least 400 .* has ${usable}`));
  });

  it('to start when its signal is already aborted', async () => {
    const { reviews } = syntheticReviewLog({ seed: 5, reviews: 1000 });
    await expect(optimize(reviews, { signal: AbortSignal.abort() })).rejects.toThrow(/abort/i);
  });
});
