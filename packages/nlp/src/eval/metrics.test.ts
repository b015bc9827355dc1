import { describe, expect, it } from 'vitest';
import { accuracy, confusion, macroF1, perClassScores, withinAccuracy } from './metrics.js';

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

  it('computes per-class precision, recall and F1', () => {
    const s = perClassScores(confusion(gold, pred, 3));
    expect(s[0]).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(s[1]).toMatchObject({ precision: 2 / 3, recall: 1, support: 2 });
    expect(s[1]?.f1).toBeCloseTo(0.8);
    expect(s[2]).toMatchObject({ precision: 1, recall: 0.5, support: 2 });
    expect(
      perClassScores([
        [0, 0],
        [0, 0],
      ])[0],
    ).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
  });
});
