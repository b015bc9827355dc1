import { describe, expect, it } from 'vitest';
import { decodeWeights, encodeWeights } from '../models/codec.js';
import { binaryMargin, nbRatios, trainBinaryLogReg } from './logreg.js';
import { fitScaler, scale, softmaxProbs, trainSoftmax } from './softmax.js';
import { sparseSoftmaxProbs, trainSparseSoftmax } from './sparse-softmax.js';
import { fitDenseLogReg } from './stack.js';

const examples = [
  { idx: Uint32Array.from([1, 2]), y: 1 },
  { idx: Uint32Array.from([1, 3]), y: 1 },
  { idx: Uint32Array.from([4, 5]), y: 0 },
  { idx: Uint32Array.from([4, 6]), y: 0 },
];

describe('binary logistic regression', () => {
  it('separates a linearly separable toy set, with and without NB scaling', () => {
    for (const featureScale of [undefined, nbRatios(examples, 8)]) {
      const m = trainBinaryLogReg(examples, 8, {
        epochs: 30,
        learningRate: 0.5,
        l2: 0,
        seed: 1,
        featureScale,
      });
      expect(binaryMargin(m, Uint32Array.from([1]))).toBeGreaterThan(0);
      expect(binaryMargin(m, Uint32Array.from([4]))).toBeLessThan(0);
    }
  });

  it('is deterministic for a seed', () => {
    const a = trainBinaryLogReg(examples, 8, { epochs: 3, learningRate: 0.5, l2: 0, seed: 9 });
    const b = trainBinaryLogReg(examples, 8, { epochs: 3, learningRate: 0.5, l2: 0, seed: 9 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
  });
});

describe('softmax regressions', () => {
  it('dense: learns three separable clusters', () => {
    const rows = [
      [0, 0],
      [0.1, 0],
      [5, 5],
      [5, 5.1],
      [0, 5],
      [0.1, 5],
    ];
    const t = [0, 0, 1, 1, 2, 2].map((k) => [0, 1, 2].map((i) => (i === k ? 1 : 0)));
    const scaler = fitScaler(rows);
    const m = trainSoftmax(
      rows.map((r) => scale(r, scaler)),
      t,
      { iterations: 300, learningRate: 0.1, l2: 0 },
    );
    rows.forEach((r, i) => {
      const p = softmaxProbs(m, scale(r, scaler));
      expect(p.indexOf(Math.max(...p))).toBe(Math.floor(i / 2));
    });
  });

  it('sparse: learns feature -> class', () => {
    const ex = [0, 1, 2].map((k) => ({
      idx: Uint32Array.from([k]),
      target: [0, 1, 2].map((i) => (i === k ? 1 : 0)),
    }));
    const m = trainSparseSoftmax(ex, 3, 4, { epochs: 50, learningRate: 0.5, l2: 0, seed: 3 });
    for (const k of [0, 1, 2]) {
      const p = sparseSoftmaxProbs(m, Uint32Array.from([k]));
      expect(p.indexOf(Math.max(...p))).toBe(k);
    }
  });

  it('stack: fits a positive weight on an informative feature', () => {
    const w = fitDenseLogReg([[-2], [-1], [1], [2]], [0, 0, 1, 1], 500, 0.5, 0);
    expect(w[1]).toBeGreaterThan(0.5);
  });
});

describe('weight codec', () => {
  it('round-trips within quantization error', () => {
    const w = Float32Array.from([0, 1.5, -3, 0.001, 2.25]);
    for (const bits of [8, 16] as const) {
      const back = decodeWeights(encodeWeights(w, bits));
      const step = 3 / (bits === 8 ? 127 : 32767);
      w.forEach((v, i) => {
        expect(Math.abs((back[i] as number) - v)).toBeLessThanOrEqual(step / 2 + 1e-9);
      });
    }
  });

  it('rejects a length mismatch', () => {
    const enc = encodeWeights(Float32Array.from([1, 2]), 8);
    expect(() => decodeWeights({ ...enc, length: 3 })).toThrow();
  });
});
