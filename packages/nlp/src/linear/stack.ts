import { sigmoid } from './logreg.js';

/**
 * Fits a tiny dense logistic regression (full-batch gradient descent, mild L2) on a few
 * features; used to blend a model's out-of-fold margin with other scores.
 * Returns [bias, w1, w2, ...].
 */
export function fitDenseLogReg(
  rows: number[][],
  ys: number[],
  iterations = 3000,
  lr = 0.1,
  l2 = 1e-4,
): number[] {
  const dims = rows[0]?.length ?? 0;
  const w = new Array<number>(dims + 1).fill(0);
  const n = rows.length;
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(dims + 1).fill(0);
    for (let r = 0; r < n; r++) {
      const x = rows[r] as number[];
      let z = w[0] as number;
      for (let j = 0; j < dims; j++) z += (w[j + 1] as number) * (x[j] as number);
      const err = sigmoid(z) - (ys[r] as number);
      grad[0] = (grad[0] as number) + err;
      for (let j = 0; j < dims; j++) grad[j + 1] = (grad[j + 1] as number) + err * (x[j] as number);
    }
    for (let j = 0; j <= dims; j++) {
      const reg = j === 0 ? 0 : l2 * (w[j] as number);
      w[j] = (w[j] as number) - lr * ((grad[j] as number) / n + reg);
    }
  }
  return w;
}
