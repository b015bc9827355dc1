import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Latency figures in ms (nearest rank), as the matching bench reports them. */
export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of `values` (ms, rounded to 0.01). */
export function latency(values: readonly number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(
      (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN) * 100,
    ) / 100;
  return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: at(100) };
}

/** What bench/languagemate/matching.ts measured (also written as JSON). */
export interface MatchingRun {
  machine: string;
  postgres: string;
  date: string;
  command: string;
  profiles: number;
  discoverable: number;
  seeded: { hidden: number; pendingRequests: number; partners: number; blocks: number; suspensions: number };
  seedSeconds: number;
  candidatesPerViewer: { mean: number; max: number };
  index: { loadMs: number; people: number; heapMiB: number | null };
  writesPerSecond: number;
  /** The machine's 1-minute load average before and after the main measurement (2 cores). */
  loadAverage: { before: number; after: number };
  suggestions: Latency;
  deepPage: Latency & { cursor: number };
  rankOnly: Latency;
  /** Each statement of a request alone: context (viewer, hidden, changes), blocks, page. */
  statements: Record<string, Latency>;
  http: Latency;
  /** `GET /overview`: the same sign-in check and policy, no work. */
  httpBaseline: Latency;
  sqlAlternative: Latency;
  target: { p99Ms: number; met: boolean };
}

const row = (name: string, l: Latency) =>
  `| ${name} | ${l.count} | ${l.p50} ms | ${l.p95} ms | ${l.p99} ms | ${l.max} ms |`;

function section(run: MatchingRun): string[] {
  return [
    '## Matching (`npm run bench:languagemate:matching`)',
    '',
    `- Date: ${run.date}; machine: ${run.machine}; ${run.postgres}`,
    `- Command: \`${run.command}\``,
    '- Taken on a BUSY machine: 2 cores shared with other sessions building and testing; figures are noisy.',
    `- Data: ${run.profiles.toLocaleString('en')} synthetic learners (${run.discoverable.toLocaleString('en')} discoverable) seeded by`,
    '  bench/languagemate/seed-profiles.ts: 44% Korean natives (mostly learning English), 30% English natives',
    '  (mostly learning Korean; US, UK, Australia, expats in Seoul), Japanese, Chinese and Spanish natives; ten',
    '  time zones; evenings on 2-5 weekdays and weekend afternoons, converted to UTC slots with `weekSlots`;',
    `  interests, tags, modes, levels. Around them: ${run.seeded.hidden.toLocaleString('en')} hidden rows, ${run.seeded.pendingRequests.toLocaleString('en')} pending requests,`,
    `  ${run.seeded.partners.toLocaleString('en')} partnerships, ${run.seeded.blocks.toLocaleString('en')} platform blocks, ${run.seeded.suspensions} suspensions; then ANALYZE (seeding took ${run.seedSeconds} s).`,
    `- Candidates per viewer (language pairs that fit): mean ${run.candidatesPerViewer.mean.toLocaleString('en')}, max ${run.candidatesPerViewer.max.toLocaleString('en')}.`,
    `- During the measurement a writer changes ${run.writesPerSecond} random profiles per second (\`updated_at = now()\`), so`,
    '  every request also reads the changes since the previous one into the index.',
    `- Index: loaded in ${run.index.loadMs} ms on the first request (${run.index.people.toLocaleString('en')} people${run.index.heapMiB === null ? '' : `, ${run.index.heapMiB} MiB of heap`}).`,
    `- One request at a time, random viewers, after a warm-up; limit 20. \`suggestions()\`, the HTTP route and \`/overview\``,
    `  take turns viewer by viewer (same moments of the machine). Load average (1 min) ${run.loadAverage.before} before, ${run.loadAverage.after} after.`,
    '',
    '| measure | samples | p50 | p95 | p99 | max |',
    '|---|---|---|---|---|---|',
    row('`suggestions()`: first page (what the route does, without HTTP)', run.suggestions),
    row(`\`suggestions()\`: a deep page (cursor ${run.deepPage.cursor})`, run.deepPage),
    row('of which ranking in memory (`index.rank`)', run.rankOnly),
    ...Object.entries(run.statements).map(([name, l]) =>
      row(`of which statement \`${name}\` (run alone)`, l),
    ),
    row(
      '`GET /api/v1/languagemate/suggestions` (in-process inject: auth, validation, serialisation)',
      run.http,
    ),
    row(
      'for comparison: `GET /api/v1/languagemate/overview` (same sign-in and policy, no work)',
      run.httpBaseline,
    ),
    row(
      'the alternative: the score in SQL over the language-pair prefilter (no exclusions)',
      run.sqlAlternative,
    ),
    '',
    `- ${run.target.met ? 'met' : 'NOT met'}: matching for one user among 100,000 profiles p99 < ${run.target.p99Ms} ms (suggestions() p99 ${run.suggestions.p99} ms, through HTTP ${run.http.p99} ms).`,
    `- On this run a route that does nothing (\`/overview\`) had a p99 of ${run.httpBaseline.p99} ms and a single statement up to`,
    `  ${Math.max(...Object.values(run.statements).map((l) => l.p99))} ms: the tail is mostly waiting for a CPU on a shared 2-core machine. The work itself: ranking p50 ${run.rankOnly.p50} ms,`,
    `  the three statements p50 ${Object.values(run.statements)
      .map((l) => l.p50)
      .join(' / ')} ms.`,
    '- Why an in-memory index and not SQL: docs/decisions/026-languagemate-matching.md.',
    '',
  ];
}

/** Rewrites the "Matching" section of bench/results/languagemate.md (other sections stay). */
export async function writeMatchingReport(run: MatchingRun): Promise<void> {
  await writeSection('## Matching', section(run));
}

/**
 * Replaces the section of bench/results/languagemate.md whose heading starts with `heading` (up to
 * the next `## `) with `lines`, or appends it; the other sections stay as they are.
 */
export async function writeSection(heading: string, lines: readonly string[]): Promise<void> {
  const file = `${root}bench/results/languagemate.md`;
  const existing = await readFile(file, 'utf8').catch(() => '# languagemate benchmark\n');
  const all = existing.trimEnd().split('\n');
  const start = all.findIndex((line) => line.startsWith(heading));
  const end = start < 0 ? -1 : all.findIndex((line, i) => i > start && line.startsWith('## '));
  const before = start < 0 ? [...all, ''] : all.slice(0, start);
  const after = start < 0 || end < 0 ? [] : all.slice(end);
  await writeFile(file, `${[...before, ...lines, ...after].join('\n').trimEnd()}\n`);
}
