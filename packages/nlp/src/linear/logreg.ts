import { makeRng, shuffleInPlace } from '../text/random.js';

/** One training example: sorted unique feature indices and a 0/1 label. */
export interface BinaryExample {
  idx: Uint32Array;
  y: number;
}

/** Hyper-parameters for {@link trainBinaryLogReg}. */
export interface LogRegOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Optional per-feature scale (e.g. NB log-count ratios); the trained weights already include it. */
  featureScale?: Float32Array;
}

/** A trained binary linear model over presence features scaled by 1/sqrt(#features). */
export interface BinaryLinearModel {
  weights: Float32Array;
  bias: number;
}

/** Raw margin of a binary linear model for one feature set. */
export function binaryMargin(model: BinaryLinearModel, idx: Uint32Array): number {
  if (idx.length === 0) return model.bias;
  let s = 0;
  for (let i = 0; i < idx.length; i++) s += model.weights[idx[i] as number] as number;
  return model.bias + s / Math.sqrt(idx.length);
}

/** Logistic function, clamped to avoid overflow. */
export function sigmoid(z: number): number {
  if (z > 35) return 1;
  if (z < -35) return 0;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Naive-Bayes log-count ratios r_f = log((p_f/|p|) / (q_f/|q|)) with smoothing alpha
 * (Wang & Manning 2012, NBSVM); used as feature scales.
 */
export function nbRatios(examples: BinaryExample[], dims: number, alpha = 1): Float32Array {
  const p = new Float64Array(dims).fill(alpha);
  const q = new Float64Array(dims).fill(alpha);
  for (const ex of examples) {
    const target = ex.y === 1 ? p : q;
    for (const i of ex.idx) target[i] = (target[i] as number) + 1;
  }
  let ps = 0;
  let qs = 0;
  for (let i = 0; i < dims; i++) {
    ps += p[i] as number;
    qs += q[i] as number;
  }
  const r = new Float32Array(dims);
  for (let i = 0; i < dims; i++) r[i] = Math.log((p[i] as number) / ps / ((q[i] as number) / qs));
  return r;
}

/**
 * Trains L2-regularised logistic regression with AdaGrad over shuffled epochs.
 * Deterministic for a given seed. Returned weights have `featureScale` folded in.
 */
export function trainBinaryLogReg(
  examples: BinaryExample[],
  dims: number,
  options: LogRegOptions,
): BinaryLinearModel {
  const rng = makeRng(options.seed);
  const w = new Float32Array(dims);
  const g2 = new Float32Array(dims).fill(1e-8);
  const scale = options.featureScale;
  let bias = 0;
  let biasG2 = 1e-8;
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, rng);
    for (const k of order) {
      const ex = examples[k] as BinaryExample;
      const n = ex.idx.length;
      if (n === 0) continue;
      const v = 1 / Math.sqrt(n);
      let z = bias;
      for (const i of ex.idx) z += (w[i] as number) * v * (scale ? (scale[i] as number) : 1);
      const err = sigmoid(z) - ex.y;
      for (const i of ex.idx) {
        const x = v * (scale ? (scale[i] as number) : 1);
        const g = err * x + options.l2 * (w[i] as number);
        g2[i] = (g2[i] as number) + g * g;
        w[i] = (w[i] as number) - (options.learningRate * g) / Math.sqrt(g2[i] as number);
      }
      biasG2 += err * err;
      bias -= (options.learningRate * err) / Math.sqrt(biasG2);
    }
  }
  if (scale) for (let i = 0; i < dims; i++) w[i] = (w[i] as number) * (scale[i] as number);
  return { weights: w, bias };
}
