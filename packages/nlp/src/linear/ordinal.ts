import { sigmoid } from './logreg.js';

/**
 * A proportional-odds (ordinal logistic) model over three ordered classes 0 < 1 < 2:
 * z = bias + Σ weights·x, P(y ≤ 0) = σ(−cut − z), P(y ≤ 1) = σ(cut − z), cut > 0.
 * (The usual two free thresholds are −cut − bias and cut − bias.) z = 0 is the point where
 * classes 0 and 2 are equally likely, so evidence added to z from elsewhere (tags, a rating)
 * keeps its meaning. With non-negative weights every class probability moves monotonically
 * with each feature.
 */
export interface OrdinalModel {
  weights: number[];
  bias: number;
  cut: number;
}

/** Class probabilities [P(0), P(1), P(2)] at a given z. */
export function ordinalProbs(cut: number, z: number): [number, number, number] {
  const c0 = sigmoid(-cut - z);
  const c1 = sigmoid(cut - z);
  return [c0, Math.max(0, c1 - c0), 1 - c1];
}

/** z = bias + Σ weights·x. */
export function ordinalZ(model: OrdinalModel, x: readonly number[]): number {
  let z = model.bias;
  for (let j = 0; j < model.weights.length; j++) z += (model.weights[j] as number) * (x[j] ?? 0);
  return z;
}

/** Options for {@link fitOrdinal}. */
export interface OrdinalFitOptions {
  /** L2 penalty on the weights (not the thresholds), per example. */
  l2: number;
  iterations: number;
  learningRate: number;
}

const DEFAULTS: OrdinalFitOptions = { l2: 0.01, iterations: 4000, learningRate: 0.05 };

/** Mean negative log-likelihood of labelled rows under a model. */
export function ordinalLogLoss(model: OrdinalModel, xs: readonly number[][], ys: readonly number[]): number {
  let loss = 0;
  xs.forEach((x, i) => {
    const p = ordinalProbs(model.cut, ordinalZ(model, x))[ys[i] as 0 | 1 | 2];
    loss -= Math.log(Math.max(p, 1e-12));
  });
  return loss / Math.max(1, xs.length);
}

/**
 * Fits an {@link OrdinalModel} by full-batch gradient descent with momentum (deterministic).
 * Weights are kept non-negative (projected after each step), so the fitted map is monotone in
 * every feature; the cut is parameterized as e^d to stay positive.
 */
export function fitOrdinal(
  xs: readonly number[][],
  ys: readonly number[],
  options: Partial<OrdinalFitOptions> = {},
): OrdinalModel {
  const o = { ...DEFAULTS, ...options };
  const dims = xs[0]?.length ?? 0;
  const n = Math.max(1, xs.length);
  const w = new Array<number>(dims).fill(0.5);
  let bias = 0;
  let d = 0;
  const vw = new Array<number>(dims).fill(0);
  let vb = 0;
  let vd = 0;
  const f = (t: number): number => {
    const s = sigmoid(t);
    return s * (1 - s);
  };
  for (let it = 0; it < o.iterations; it++) {
    const gw = w.map((wj) => o.l2 * wj);
    let gz0 = 0; // dL/dbias
    let gcut = 0;
    const cut = Math.exp(d);
    xs.forEach((x, i) => {
      let z = bias;
      for (let j = 0; j < dims; j++) z += (w[j] as number) * (x[j] as number);
      const y = ys[i];
      const lo = -cut - z;
      const hi = cut - z;
      let gz: number;
      if (y === 0) {
        // L = -log σ(lo)
        const g = 1 - sigmoid(lo); // = -dL/dlo
        gz = g;
        gcut += g;
      } else if (y === 2) {
        // L = -log(1 - σ(hi))
        const g = sigmoid(hi); // = dL/dhi
        gz = -g;
        gcut += g;
      } else {
        // L = -log(σ(hi) - σ(lo))
        const p = Math.max(1e-12, sigmoid(hi) - sigmoid(lo));
        gz = (f(hi) - f(lo)) / p;
        gcut += -(f(hi) + f(lo)) / p;
      }
      gz0 += gz / n;
      for (let j = 0; j < dims; j++) gw[j] = (gw[j] as number) + (gz * (x[j] as number)) / n;
    });
    const gD = (gcut / n) * cut;
    for (let j = 0; j < dims; j++) {
      vw[j] = 0.9 * (vw[j] as number) - o.learningRate * (gw[j] as number);
      w[j] = Math.max(0, (w[j] as number) + (vw[j] as number));
    }
    vb = 0.9 * vb - o.learningRate * gz0;
    vd = 0.9 * vd - o.learningRate * gD;
    bias += vb;
    d += vd;
  }
  return { weights: w, bias, cut: Math.exp(d) };
}
