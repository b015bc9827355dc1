/** How one keyword moved between two periods. */
export interface KeywordTrend {
  keyword: string;
  /** Reviews of the current period that have the keyword. */
  current: number;
  /** Reviews of the previous period that have the keyword. */
  previous: number;
  /** current − previous. */
  change: number;
  /** `new`: absent before; `gone`: absent now; otherwise by the sign of `change`. */
  trend: 'new' | 'up' | 'down' | 'gone' | 'steady';
}

/** Options for {@link keywordTrends}. */
export interface KeywordTrendOptions {
  /** Drop keywords seen in fewer than this many reviews in both periods (default 1: keep all). */
  minCount?: number | undefined;
  /** Keep at most this many trends (default: all). */
  limit?: number | undefined;
}

function documentCounts(period: readonly (readonly string[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const keywords of period) {
    const seen = new Set(keywords.map((k) => k.trim().toLowerCase()).filter((k) => k.length > 0));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/**
 * Keyword trends between two periods (e.g. this week and last week). Each period is a list of
 * reviews, each review its keywords (such as `analyzeShopReview(text).keywords`); a keyword
 * counts once per review, compared case-insensitively. Sorted by the size of the change, then
 * by the current count, then alphabetically, so the biggest movers come first.
 *
 * ```ts
 * keywordTrends([['웨이팅', '국물'], ['웨이팅']], [['국물']])
 * // [{ keyword: '웨이팅', current: 2, previous: 0, change: 2, trend: 'new' },
 * //  { keyword: '국물', current: 1, previous: 1, change: 0, trend: 'steady' }]
 * ```
 */
export function keywordTrends(
  current: readonly (readonly string[])[],
  previous: readonly (readonly string[])[],
  options: KeywordTrendOptions = {},
): KeywordTrend[] {
  return rankKeywordTrends(documentCounts(current), documentCounts(previous), options);
}

/**
 * The same trends from counts already made (keyword -> reviews that have it, e.g. counted by the
 * database): keywords compared as given, so normalise them (trimmed, lower-case) as
 * {@link keywordTrends} does.
 */
export function rankKeywordTrends(
  now: ReadonlyMap<string, number>,
  before: ReadonlyMap<string, number>,
  options: KeywordTrendOptions = {},
): KeywordTrend[] {
  const minCount = options.minCount ?? 1;
  const out: KeywordTrend[] = [];
  for (const keyword of new Set([...now.keys(), ...before.keys()])) {
    const c = now.get(keyword) ?? 0;
    const p = before.get(keyword) ?? 0;
    if (Math.max(c, p) < minCount) continue;
    const change = c - p;
    const trend = p === 0 ? 'new' : c === 0 ? 'gone' : change > 0 ? 'up' : change < 0 ? 'down' : 'steady';
    out.push({ keyword, current: c, previous: p, change, trend });
  }
  out.sort(
    (a, b) =>
      Math.abs(b.change) - Math.abs(a.change) ||
      b.current - a.current ||
      (a.keyword < b.keyword ? -1 : a.keyword > b.keyword ? 1 : 0),
  );
  return options.limit === undefined ? out : out.slice(0, Math.max(0, options.limit));
}
