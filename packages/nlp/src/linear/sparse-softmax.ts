import { makeRng, shuffleInPlace } from '../text/random.js';

/** Multinomial logistic regression over hashed presence features (scaled by 1/sqrt(n)). */
export interface SparseSoftmaxModel {
  classes: number;
  bits: number;
  /** (2^bits) x classes, row-major by feature */
  weights: Float32Array;
  bias: number[];
}

/** Class probabilities for sorted unique feature indices. */
export function sparseSoftmaxProbs(model: SparseSoftmaxModel, idx: Uint32Array): number[] {
  const k = model.classes;
  const z = model.bias.slice();
  const v = idx.length > 0 ? 1 / Math.sqrt(idx.length) : 0;
  for (const i of idx) {
    for (let c = 0; c < k; c++) z[c] = (z[c] as number) + (model.weights[i * k + c] as number) * v;
  }
  const max = Math.max(...z);
  const e = z.map((s) => Math.exp(s - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((s) => s / sum);
}

/** Hyper-parameters for {@link trainSparseSoftmax}. */
export interface SparseSoftmaxOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Per-class loss weights (default 1), e.g. to lift rare classes for macro-F1. */
  classWeights?: number[];
}

/** Trains a hashed multinomial model with AdaGrad; deterministic for a seed. */
export function trainSparseSoftmax(
  examples: Array<{ idx: Uint32Array; target: number[] }>,
  classes: number,
  bits: number,
  options: SparseSoftmaxOptions,
): SparseSoftmaxModel {
  const dims = 1 << bits;
  const model: SparseSoftmaxModel = {
    classes,
    bits,
    weights: new Float32Array(dims * classes),
    bias: new Array<number>(classes).fill(0),
  };
  const g2 = new Float32Array(dims * classes).fill(1e-8);
  const bg2 = new Array<number>(classes).fill(1e-8);
  const rng = makeRng(options.seed);
  const order = examples.map((_, i) => i);
  for (let e = 0; e < options.epochs; e++) {
    shuffleInPlace(order, rng);
    for (const r of order) {
      const ex = examples[r] as { idx: Uint32Array; target: number[] };
      const p = sparseSoftmaxProbs(model, ex.idx);
      const v = ex.idx.length > 0 ? 1 / Math.sqrt(ex.idx.length) : 0;
      let rowWeight = 1;
      if (options.classWeights) {
        rowWeight = 0;
        for (let c = 0; c < classes; c++)
          rowWeight += (ex.target[c] as number) * (options.classWeights[c] ?? 1);
      }
      for (let c = 0; c < classes; c++) {
        const err = ((p[c] as number) - (ex.target[c] as number)) * rowWeight;
        for (const i of ex.idx) {
          const at = i * classes + c;
          const g = err * v + options.l2 * (model.weights[at] as number);
          g2[at] = (g2[at] as number) + g * g;
          model.weights[at] =
            (model.weights[at] as number) - (options.learningRate * g) / Math.sqrt(g2[at] as number);
        }
        bg2[c] = (bg2[c] as number) + err * err;
        model.bias[c] =
          (model.bias[c] as number) - (options.learningRate * err) / Math.sqrt(bg2[c] as number);
      }
    }
  }
  return model;
}
