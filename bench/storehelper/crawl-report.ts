import type { AnalysisSpeed } from './analysis-speed.js';

/** What the collection part of the crawl benchmark measured. */
export interface CrawlRun {
  stores: number;
  pages: number;
  concurrency: number;
  intervalMs: number;
  jitterMs: number;
  seconds: number;
  /** This process and Chromium (reaped when the pool closed); PostgreSQL is not included. */
  cpuSeconds: number;
  reviews: number;
  analyzed: number;
  runs: { ok: number; failed: { status: string; error: string | null }[] };
  /** When each page load of a platform got its turn (ms, wall clock). */
  turns: Record<'naver' | 'kakao', number[]>;
}

const TARGET_PER_HOUR = 3_000;
const NAVER_PER_PAGE = 10;
const KAKAO_PER_PAGE = 5;

const int = (value: number) => Math.round(value).toLocaleString('en');

function gaps(turns: readonly number[]): { min: number; mean: number } {
  const between = turns.slice(1).map((at, i) => at - (turns[i] ?? at));
  if (between.length === 0) return { min: 0, mean: 0 };
  return { min: Math.min(...between), mean: between.reduce((a, b) => a + b, 0) / between.length };
}

/** bench/results/storehelper-crawl.md */
export function crawlReport(input: {
  run: CrawlRun;
  speed: AnalysisSpeed;
  machine: string;
  load: string;
  date: string;
}): string {
  const { run, speed } = input;
  const perHour = (run.analyzed / run.seconds) * 3600;
  const mean = run.intervalMs + run.jitterMs / 2;
  // What the rate limit alone allows per platform, both platforms busy all the time.
  const ceiling = (3_600_000 / mean) * (NAVER_PER_PAGE + KAKAO_PER_PAGE);
  const naver = gaps(run.turns.naver);
  const kakao = gaps(run.turns.kakao);
  const met = perHour >= TARGET_PER_HOUR;
  return [
    '# storehelper: crawl collection + analysis',
    '',
    `- Date: ${input.date}; machine: ${input.machine}; load average (1 min) ${input.load} at the start`,
    '- Command: `npm run bench:storehelper:crawl` (needs DATABASE_URL or starts an embedded PostgreSQL, and /usr/bin/chromium)',
    `- One worker process: ${run.stores} stores, each with a Naver Place and a Kakao Map place on the loopback stand-ins`,
    `  (\`startFixtureSite\`, generated pages: ${NAVER_PER_PAGE} Naver reviews per "more", ${KAKAO_PER_PAGE} Kakao reviews per page link,`,
    `  ${run.pages} pages per platform and store = the run's page cap). ${run.concurrency} stores collected at once (browser pool of`,
    `  ${run.concurrency}); each store: \`Collector.collect\` (one run per platform, upserts, analysis job queued) then`,
    '  `ReviewAnalysis.run` until nothing is pending (what the analysis job does).',
    `- Politeness as in production: ${int(run.intervalMs)} ms + 0..${int(run.jitterMs)} ms random between two page loads of one`,
    '  platform, shared by every collection of the process.',
    '',
    '| measure | value |',
    '|---|---|',
    `| reviews collected / analysed | ${int(run.reviews)} / ${int(run.analyzed)} |`,
    `| runs succeeded / failed | ${run.runs.ok} / ${run.runs.failed.length} |`,
    `| wall time | ${run.seconds.toFixed(1)} s |`,
    `| **collection + analysis, reviews/hour per worker** | **${int(perHour)}** (target >= ${int(TARGET_PER_HOUR)}: ${met ? 'met' : 'NOT met'}) |`,
    `| rate-limit ceiling (both platforms busy, ${NAVER_PER_PAGE}+${KAKAO_PER_PAGE} reviews per load pair) | ${int(ceiling)} reviews/hour |`,
    `| Naver page loads, gap between loads min / mean | ${run.turns.naver.length}, ${int(naver.min)} / ${int(naver.mean)} ms |`,
    `| Kakao page loads, gap between loads min / mean | ${run.turns.kakao.length}, ${int(kakao.min)} / ${int(kakao.mean)} ms |`,
    `| CPU (worker + Chromium, not PostgreSQL) | ${run.cpuSeconds.toFixed(1)} s = ${((run.cpuSeconds / run.seconds) * 100).toFixed(0)}% of one core |`,
    `| analysis alone, Korean shop reviews/s on one core: per CPU second; wall clock | ${int(speed.korean.cpu)}; ${int(speed.korean.wall)} (${speed.rows.korean} reviews x ${speed.rounds}) |`,
    `| analysis alone, all shop reviews/s (ko + en) on one core: per CPU second; wall clock | ${int(speed.all.cpu)}; ${int(speed.all.wall)} (${speed.rows.all} reviews x ${speed.rounds}) |`,
    '',
    ...(run.runs.failed.length > 0
      ? ['Failed runs:', '', ...run.runs.failed.map((r) => `- ${r.error ?? r.status}`), '']
      : []),
    '- The throughput is set by the rate limit, not by the machine: the minimum gap between two loads of a',
    '  platform never falls below the interval, and the worker sits mostly idle (CPU row). More stores per',
    '  hour need a shorter interval (less polite) or more worker processes, each keeping its own turns, so',
    '  the sites see the sum (see src/crawler/README.md); more stores at once in one process only close the gap to the ceiling.',
    `- Analysis alone would handle ${int(speed.korean.cpu * 3600)} Korean reviews an hour on one core, ${int((speed.korean.cpu * 3600) / Math.max(perHour, 1))} times`,
    '  what collection delivers: it is not the bottleneck. Its figure is `analyzeShopReview` over',
    '  packages/nlp/data/shop-reviews.tsv (the hand-written shop set), single thread, after a warm-up;',
    "  the job's database writes are in the collection figure, not in this one. Per CPU second counts only",
    '  the time this process ran; the wall-clock rate is lower when other processes share the cores (see the',
    '  load average above).',
    '- Stand-in pages are served from loopback with no network latency; real pages take longer to load and',
    '  render (their own scripts), which lengthens each run but not the rate, as long as a load takes less',
    '  than the interval.',
    '',
  ].join('\n');
}
