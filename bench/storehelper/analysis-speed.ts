import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { analyzeShopReview } from '@app/nlp';

/** One row of packages/nlp/data/shop-reviews.tsv (the hand-written shop set). */
interface ShopRow {
  rating: number | undefined;
  lang: string;
  text: string;
}

/** Reviews per second of wall time, and per second of CPU time this process used (= one busy core). */
export interface Rate {
  wall: number;
  cpu: number;
}

export interface AnalysisSpeed {
  /** Single thread, Korean rows only and all rows. */
  korean: Rate;
  all: Rate;
  rows: { korean: number; all: number };
  rounds: number;
}

async function shopRows(): Promise<ShopRow[]> {
  const tsv = await readFile(new URL('../../packages/nlp/data/shop-reviews.tsv', import.meta.url), 'utf8');
  return tsv
    .split('\n')
    .slice(1)
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const [, rating, , lang, , text] = line.split('\t');
      return {
        rating: rating && rating !== '-' ? Number(rating) : undefined,
        lang: lang ?? '',
        text: text ?? '',
      };
    });
}

/** `analyzeShopReview` as the analysis job calls it (rating where there is one), `rounds` times over the rows. */
function rate(rows: readonly ShopRow[], rounds: number): Rate {
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let round = 0; round < rounds; round++)
    for (const row of rows)
      analyzeShopReview(row.text, row.rating !== undefined ? { rating: row.rating } : {});
  const used = process.cpuUsage(cpu);
  const count = rows.length * rounds;
  // On a shared machine the wall clock includes time other processes held the core; CPU time does not.
  return {
    wall: count / ((performance.now() - start) / 1000),
    cpu: count / ((used.user + used.system) / 1e6),
  };
}

/**
 * The analysis alone, single thread (= per core): the local engine's shop-review analysis (calibrated
 * sentiment, aspects, keywords) over the 270 hand-written reviews of packages/nlp, after a warm-up.
 */
export async function analysisSpeed(rounds: number): Promise<AnalysisSpeed> {
  const all = await shopRows();
  const korean = all.filter((row) => row.lang === 'ko');
  rate(all, 2);
  return {
    korean: rate(korean, rounds),
    all: rate(all, rounds),
    rows: { korean: korean.length, all: all.length },
    rounds,
  };
}
