/** Confusion matrix counts[gold][pred] for labels 0..classes-1. */
export function confusion(gold: number[], pred: number[], classes: number): number[][] {
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  gold.forEach((g, i) => {
    const p = pred[i] as number;
    const row = m[g];
    if (row && p >= 0 && p < classes) row[p] = (row[p] as number) + 1;
  });
  return m;
}

/** Share of exact matches. */
export function accuracy(gold: number[], pred: number[]): number {
  if (gold.length === 0) return 0;
  return gold.filter((g, i) => g === pred[i]).length / gold.length;
}

/** Share of predictions at most `tolerance` classes away (ordinal labels). */
export function withinAccuracy(gold: number[], pred: number[], tolerance = 1): number {
  if (gold.length === 0) return 0;
  return gold.filter((g, i) => Math.abs(g - (pred[i] as number)) <= tolerance).length / gold.length;
}

/** Per-class F1 from a confusion matrix (0 for a class never predicted nor present). */
export function perClassF1(m: number[][]): number[] {
  return m.map((row, c) => {
    const tp = row[c] as number;
    const fn = row.reduce((s, v) => s + v, 0) - tp;
    const fp = m.reduce((s, r) => s + (r[c] as number), 0) - tp;
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
}

/** Unweighted mean of per-class F1 over classes present in gold or predictions. */
export function macroF1(gold: number[], pred: number[], classes: number): number {
  const m = confusion(gold, pred, classes);
  const present = m.map(
    (row, c) => row.reduce((s, v) => s + v, 0) + m.reduce((s, r) => s + (r[c] as number), 0) > 0,
  );
  const f1 = perClassF1(m).filter((_, c) => present[c]);
  return f1.length === 0 ? 0 : f1.reduce((s, v) => s + v, 0) / f1.length;
}

/** Precision, recall and F1 of one class. */
export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Per-class precision/recall/F1 from a confusion matrix counts[gold][pred] (0 where undefined). */
export function perClassScores(m: number[][]): ClassScores[] {
  return m.map((row, c) => {
    const tp = row[c] as number;
    const support = row.reduce((s, v) => s + v, 0);
    const predicted = m.reduce((s, r) => s + (r[c] as number), 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = tp === 0 ? 0 : (2 * tp) / (support + predicted);
    return { precision, recall, f1, support };
  });
}
