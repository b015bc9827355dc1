import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildApp, loadConfig, migrate, platformMigrations, withConfig } from '@app/platform';
import { makePerson } from '@app/platform/testing';
import pg from 'pg';
import { ReviewAnalysis } from '../../apps/storehelper/server/src/analysis/analyze.js';
import { Collector } from '../../apps/storehelper/server/src/collection/collector.js';
import { CollectionRuns } from '../../apps/storehelper/server/src/collection/runs.js';
import { BrowserPool } from '../../apps/storehelper/server/src/crawler/browser-pool.js';
import type { CrawlPlatform } from '../../apps/storehelper/server/src/crawler/config.js';
import { Politeness } from '../../apps/storehelper/server/src/crawler/politeness.js';
import { crawlerSources } from '../../apps/storehelper/server/src/crawler/source.js';
import { fixtureCrawlerConfig, startFixtureSite } from '../../apps/storehelper/server/src/crawler/testing.js';
import { shDb } from '../../apps/storehelper/server/src/db.js';
import type { StorehelperDeps } from '../../apps/storehelper/server/src/deps.js';
import { storehelper } from '../../apps/storehelper/server/src/index.js';
import { storehelperPolicy } from '../../apps/storehelper/server/src/policies.js';
import { scratchDatabase } from '../../host/src/tools/scratch-database.js';
import { analysisSpeed } from './analysis-speed.js';
import { type CrawlRun, crawlReport } from './crawl-report.js';

/**
 * `npm run bench:storehelper:crawl`: one worker process collecting stores from the Naver and Kakao
 * stand-ins (crawler/fixture-site.ts, generated pages on loopback) through the real crawler (Chromium,
 * browser pool, politeness), the collector (runs, upserts into a scratch database) and the analysis
 * job's work (`ReviewAnalysis.run`), with the production rate limit: reviews/hour per worker. Then
 * the analysis alone (`analyzeShopReview`) in reviews/s on one core. Target (issue #17): >= 3,000
 * reviews/hour per worker. Writes bench/results/storehelper-crawl.md.
 * Settings: BENCH_STORES (6), BENCH_PAGES (5 per platform and store), BENCH_CONCURRENCY (2 collections
 * at once, = browser contexts), BENCH_INTERVAL_MS (4000) and BENCH_JITTER_MS (2000) per platform,
 * BENCH_ANALYSIS_ROUNDS (200).
 */
const STORES = Number(process.env.BENCH_STORES ?? 6);
const PAGES = Number(process.env.BENCH_PAGES ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 4_000);
const JITTER_MS = Number(process.env.BENCH_JITTER_MS ?? 2_000);
const ANALYSIS_ROUNDS = Number(process.env.BENCH_ANALYSIS_ROUNDS ?? 200);

const log = (line: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

/** Politeness that remembers when each turn was given (wall clock, ms). */
class RecordingPoliteness extends Politeness {
  readonly turns: Record<CrawlPlatform, number[]> = { naver: [], kakao: [] };
  override async turn(platform: CrawlPlatform, signal?: AbortSignal): Promise<number> {
    const at = await super.turn(platform, signal);
    this.turns[platform].push(at);
    return at;
  }
}

/** CPU seconds of this process and its reaped children (Chromium, once closed), from /proc. */
async function cpuSeconds(): Promise<number> {
  const stat = await readFile('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime, stime, cutime, cstime: fields 14-17 of stat(5), 11-14 after the command name.
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0) / 100;
}

async function collect(): Promise<CrawlRun> {
  const scratch = await scratchDatabase('bench_sh_crawl');
  const site = await startFixtureSite({ generatedPages: PAGES });
  try {
    const migrator = new pg.Pool({ connectionString: scratch.url, max: 2 });
    await migrate(migrator, [platformMigrations, storehelper]).finally(() => migrator.end());
    const config = withConfig(
      loadConfig(
        {
          ...process.env,
          NODE_ENV: 'production',
          METRICS_ENABLED: 'false',
          LOG_LEVEL: 'warn',
          APPS: 'storehelper',
          REDIS_URL: '',
        },
        { role: 'web' },
      ),
      { database: { url: scratch.url } },
    );
    const app = await buildApp(config, { apps: [storehelper] });
    const crawl = fixtureCrawlerConfig(site, {
      STOREHELPER_CRAWL_INTERVAL_MS: String(INTERVAL_MS),
      STOREHELPER_CRAWL_JITTER_MS: String(JITTER_MS),
      STOREHELPER_CRAWL_MAX_PAGES: String(PAGES),
      STOREHELPER_CRAWL_BROWSERS: String(CONCURRENCY),
    });
    const politeness = new RecordingPoliteness({
      minIntervalMs: crawl.minIntervalMs,
      jitterMs: crawl.jitterMs,
      disabled: crawl.disabled,
    });
    const pool = new BrowserPool({
      size: crawl.browsers,
      executablePath: crawl.chromiumPath,
      pageTimeoutMs: crawl.pageTimeoutMs,
    });
    try {
      const db = shDb(app.platform);
      const deps: StorehelperDeps = {
        platform: app.platform,
        db,
        policy: storehelperPolicy(app.platform, db),
      };
      const sources = crawlerSources({ pool, politeness, now: () => new Date() }, crawl);
      const collector = new Collector(deps, new CollectionRuns(deps), sources);
      const analysis = new ReviewAnalysis(deps);
      const owner = await makePerson(app, '벤치 사장님');
      const stores = await db
        .insertInto('storehelper.stores')
        .values(
          Array.from({ length: STORES }, (_, i) => ({
            owner_id: owner.id,
            name: `벤치 가게 ${i + 1}`,
            naver_place_id: `9${String(1000 + i)}`,
            kakao_place_id: `9${String(5000 + i)}`,
          })),
        )
        .returning('id')
        .execute();
      const queue = stores.map((s) => s.id);
      const runs: { status: string; found: number; error: string | null }[] = [];
      let done = 0;
      const cpuBefore = await cpuSeconds();
      const start = performance.now();
      // A worker with CONCURRENCY job slots: collect a store, then run its analysis job.
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let id = queue.shift(); id; id = queue.shift()) {
            runs.push(...(await collector.collect(id, 'schedule', { logger: app.platform.logger })));
            while ((await analysis.run(id)) > 0);
            log(`store ${++done}/${stores.length} collected and analysed`);
          }
        }),
      );
      const seconds = (performance.now() - start) / 1000;
      await pool.close();
      const cpu = (await cpuSeconds()) - cpuBefore;
      const counted = await db
        .selectFrom('storehelper.reviews')
        .select((eb) => [
          eb.fn.countAll<string>().as('all'),
          eb.fn.count<string>('analyzed_at').as('analyzed'),
        ])
        .executeTakeFirstOrThrow();
      return {
        stores: STORES,
        pages: PAGES,
        concurrency: CONCURRENCY,
        intervalMs: INTERVAL_MS,
        jitterMs: JITTER_MS,
        seconds,
        cpuSeconds: cpu,
        reviews: Number(counted.all),
        analyzed: Number(counted.analyzed),
        runs: {
          ok: runs.filter((r) => r.status === 'succeeded').length,
          failed: runs.filter((r) => r.status !== 'succeeded'),
        },
        turns: politeness.turns,
      };
    } finally {
      await pool.close();
      await app.close();
    }
  } finally {
    await site.close();
    await scratch.dispose();
  }
}

async function main(): Promise<void> {
  const load = loadavg()[0]?.toFixed(1) ?? '?';
  log(
    `collecting ${STORES} stores x ${PAGES} pages per platform, ${INTERVAL_MS} ms + 0..${JITTER_MS} ms between loads`,
  );
  const run = await collect();
  log(`${run.analyzed} reviews collected and analysed in ${run.seconds.toFixed(1)} s`);
  const speed = await analysisSpeed(ANALYSIS_ROUNDS);
  log(
    `analysis alone: ${Math.round(speed.korean.cpu)} Korean reviews per CPU second (${Math.round(speed.korean.wall)}/s wall)`,
  );
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const report = crawlReport({ run, speed, machine, load, date: new Date().toISOString() });
  await writeFile(new URL('../results/storehelper-crawl.md', import.meta.url), report);
  log('wrote bench/results/storehelper-crawl.md');
}

await main();
