import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeRng } from '../text/random.js';
import { fitOrdinal, ordinalLogLoss, ordinalProbs, ordinalZ } from './ordinal.js';

describe('ordinal logistic model', () => {
  it('gives probabilities that sum to 1 and move monotonically with z', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (cut, z, dz) => {
          const [a, b, c] = ordinalProbs(cut, z);
          expect(a + b + c).toBeCloseTo(1, 9);
          const [a2, , c2] = ordinalProbs(cut, z + dz);
          expect(a2).toBeLessThanOrEqual(a + 1e-12);
          expect(c2).toBeGreaterThanOrEqual(c - 1e-12);
        },
      ),
    );
  });

  it('recovers a known three-class ordering from noisy data', () => {
    const rng = makeRng(7);
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 300; i++) {
      const y = i % 3;
      xs.push([(y - 1) * 2 + (rng() - 0.5) * 2, rng() - 0.5]);
      ys.push(y);
    }
    const model = fitOrdinal(xs, ys);
    expect(model.weights[0]).toBeGreaterThan(1);
    expect(model.weights[1]).toBeLessThan(model.weights[0] as number);
    expect(model.cut).toBeGreaterThan(0);
    const pred = xs.map((x) => {
      const p = ordinalProbs(model.cut, ordinalZ(model, x));
      return p.indexOf(Math.max(...p));
    });
    expect(pred.filter((p, i) => p === ys[i]).length / xs.length).toBeGreaterThan(0.8);
    const flat = { weights: [0, 0], bias: 0, cut: 1 };
    expect(ordinalLogLoss(model, xs, ys)).toBeLessThan(ordinalLogLoss(flat, xs, ys));
  });

  it('keeps weights non-negative even when a feature points the wrong way', () => {
    const xs = [[1], [0], [-1], [1], [0], [-1]];
    const ys = [0, 1, 2, 0, 1, 2];
    expect(fitOrdinal(xs, ys).weights[0]).toBe(0);
  });
});
