/**
 * TextRank over a sentence graph (Mihalcea & Tarau 2004): sentences are nodes, edge weights are
 * the word overlap normalised by log lengths, scores come from weighted PageRank.
 */

/** Overlap similarity from the TextRank paper: |A ∩ B| / (log|A| + log|B|). */
export function overlapSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  if (shared === 0) return 0;
  const denom = Math.log(a.size + 1) + Math.log(b.size + 1);
  return shared / denom;
}

/** Weighted PageRank over a symmetric similarity matrix; returns one score per node (sum = n). */
export function pageRank(weights: number[][], damping = 0.85, iterations = 100, tolerance = 1e-8): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const outSum = weights.map((row) => row.reduce((s, v) => s + v, 0));
  let score = new Array<number>(n).fill(1);
  for (let it = 0; it < iterations; it++) {
    const next = new Array<number>(n).fill(1 - damping);
    for (let j = 0; j < n; j++) {
      const out = outSum[j] as number;
      const row = weights[j] as number[];
      if (out === 0) {
        // dangling node: spread evenly so the total is preserved
        for (let i = 0; i < n; i++) next[i] = (next[i] as number) + (damping * (score[j] as number)) / n;
        continue;
      }
      for (let i = 0; i < n; i++) {
        const w = row[i] as number;
        if (w > 0) next[i] = (next[i] as number) + (damping * w * (score[j] as number)) / out;
      }
    }
    const delta = next.reduce((s, v, i) => s + Math.abs(v - (score[i] as number)), 0);
    score = next;
    if (delta < tolerance) break;
  }
  return score;
}

/** Scores sentences given their term sets; ties keep document order. */
export function rankSentenceSets(sets: Array<Set<string>>): number[] {
  const weights = sets.map((a, i) => sets.map((b, j) => (i === j ? 0 : overlapSimilarity(a, b))));
  return pageRank(weights);
}
