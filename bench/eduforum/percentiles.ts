/** Percentiles of a list of milliseconds (rounded to 0.01 ms); non-finite values are left out. */
export interface Percentiles {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of `values`. */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(
      (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN) * 100,
    ) / 100;
  return { count: sorted.length, p50: at(50), p90: at(90), p99: at(99), max: at(100) };
}
