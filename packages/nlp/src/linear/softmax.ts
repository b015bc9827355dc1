/** A multinomial logistic regression over dense, already-scaled features. */
export interface SoftmaxModel {
  /** classes x dims */
  weights: number[][];
  bias: number[];
}

/** Per-feature mean and standard deviation used to scale inputs. */
export interface Scaler {
  mean: number[];
  std: number[];
}

/** Fits a z-score scaler (std floored to avoid division by ~0). */
export function fitScaler(rows: number[][]): Scaler {
  const dims = rows[0]?.length ?? 0;
  const mean = new Array<number>(dims).fill(0);
  const std = new Array<number>(dims).fill(0);
  for (const r of rows)
    for (let j = 0; j < dims; j++) mean[j] = (mean[j] as number) + (r[j] as number) / rows.length;
  for (const r of rows) {
    for (let j = 0; j < dims; j++)
      std[j] = (std[j] as number) + ((r[j] as number) - (mean[j] as number)) ** 2;
  }
  for (let j = 0; j < dims; j++)
    std[j] = Math.max(1e-6, Math.sqrt((std[j] as number) / Math.max(1, rows.length)));
  return { mean, std };
}

/** Applies a scaler; non-finite inputs become the mean (0 after scaling). */
export function scale(row: number[], scaler: Scaler): number[] {
  return row.map((v, j) => (Number.isFinite(v) ? (v - (scaler.mean[j] ?? 0)) / (scaler.std[j] ?? 1) : 0));
}

/** Class probabilities for one scaled row. */
export function softmaxProbs(model: SoftmaxModel, x: number[]): number[] {
  const z = model.weights.map((w, k) => {
    let s = model.bias[k] ?? 0;
    for (let j = 0; j < w.length; j++) s += (w[j] as number) * (x[j] ?? 0);
    return s;
  });
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Options for {@link trainSoftmax}. */
export interface SoftmaxOptions {
  iterations: number;
  learningRate: number;
  l2: number;
  /** Per-class loss weights (default 1). */
  classWeights?: number[];
}

/**
 * Trains multinomial logistic regression with full-batch Adam. `targets` are per-row class
 * distributions (one-hot or soft labels), so annotator disagreement can be kept.
 */
export function trainSoftmax(rows: number[][], targets: number[][], options: SoftmaxOptions): SoftmaxModel {
  const k = targets[0]?.length ?? 0;
  const d = rows[0]?.length ?? 0;
  const n = rows.length;
  const size = k * (d + 1);
  const theta = new Float64Array(size);
  const m1 = new Float64Array(size);
  const m2 = new Float64Array(size);
  const grad = new Float64Array(size);
  const probs = new Float64Array(k);
  const b1 = 0.9;
  const b2 = 0.999;
  for (let it = 1; it <= options.iterations; it++) {
    grad.fill(0);
    for (let r = 0; r < n; r++) {
      const x = rows[r] as number[];
      const t = targets[r] as number[];
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        let s = theta[c * (d + 1) + d] as number;
        for (let j = 0; j < d; j++) s += (theta[c * (d + 1) + j] as number) * (x[j] as number);
        probs[c] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let c = 0; c < k; c++) {
        probs[c] = Math.exp((probs[c] as number) - max);
        sum += probs[c] as number;
      }
      let rowWeight = 0;
      for (let c = 0; c < k; c++) rowWeight += (t[c] as number) * (options.classWeights?.[c] ?? 1);
      for (let c = 0; c < k; c++) {
        const err = (((probs[c] as number) / sum) * 1 - (t[c] as number)) * rowWeight;
        const base = c * (d + 1);
        for (let j = 0; j < d; j++) grad[base + j] = (grad[base + j] as number) + err * (x[j] as number);
        grad[base + d] = (grad[base + d] as number) + err;
      }
    }
    for (let i = 0; i < size; i++) {
      const isBias = i % (d + 1) === d;
      const g = (grad[i] as number) / n + (isBias ? 0 : options.l2 * (theta[i] as number));
      m1[i] = b1 * (m1[i] as number) + (1 - b1) * g;
      m2[i] = b2 * (m2[i] as number) + (1 - b2) * g * g;
      const mh = (m1[i] as number) / (1 - b1 ** it);
      const vh = (m2[i] as number) / (1 - b2 ** it);
      theta[i] = (theta[i] as number) - (options.learningRate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  const weights: number[][] = [];
  const bias: number[] = [];
  for (let c = 0; c < k; c++) {
    weights.push(Array.from(theta.subarray(c * (d + 1), c * (d + 1) + d)));
    bias.push(theta[c * (d + 1) + d] as number);
  }
  return { weights, bias };
}
