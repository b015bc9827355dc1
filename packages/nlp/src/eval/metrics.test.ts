import { describe, expect, it } from 'vitest';
import { accuracy, confusion, macroF1, withinAccuracy } from './metrics.js';

describe('metrics', () => {
  const gold = [0, 0, 1, 1, 2, 2];
  const pred = [0, 1, 1, 1, 0, 2];

  it('computes accuracy and within-one accuracy', () => {
    expect(accuracy(gold, pred)).toBeCloseTo(4 / 6);
    expect(withinAccuracy(gold, pred)).toBeCloseTo(5 / 6);
    expect(accuracy([], [])).toBe(0);
  });

  it('computes a confusion matrix and macro-F1', () => {
    expect(confusion(gold, pred, 3)).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 1],
    ]);
    // F1: class0 = 2/4, class1 = 4/5, class2 = 2/3
    expect(macroF1(gold, pred, 3)).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 3);
  });
});
