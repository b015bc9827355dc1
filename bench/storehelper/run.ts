import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildApp, loadConfig, migrate, platformMigrations, withConfig } from '@app/platform';
import pg from 'pg';
import { Pool } from 'undici';
import { DashboardService } from '../../apps/storehelper/server/src/dashboard/service.js';
import { shDb } from '../../apps/storehelper/server/src/db.js';
import { storehelper } from '../../apps/storehelper/server/src/index.js';
import { storehelperPolicy } from '../../apps/storehelper/server/src/policies.js';
import { scratchDatabase } from '../../host/src/tools/scratch-database.js';
import { latency } from '../languagemate/report.js';
import { BENCH_ISSUER, benchKeys, benchSessions } from '../realtime/servers/verifier.js';

/**
 * `npm run bench:storehelper` (seed 003's targets): (1) the dashboard of a store with 50,000 analysed
 * reviews (target p95 < 50 ms), our SQL aggregates beside the naive peer that loads the reviews and
 * aggregates in JavaScript; (2) the API under BENCH_OWNERS (1,000) concurrent simulated owners, each
 * with their own store of reviews, each looping over the inbox, one review and the dashboard over
 * real HTTP for BENCH_SECONDS with a think time of BENCH_THINK_MS on average between requests (target
 * p95 < 200 ms). Load generator and server share this process and
 * its 2 cores, so the HTTP figures are pessimistic. Writes bench/results/storehelper.md.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const BIG = Number(process.env.BENCH_REVIEWS ?? 50_000);
const OWNERS = Number(process.env.BENCH_OWNERS ?? 1_000);
const PER_OWNER = Number(process.env.BENCH_OWNER_REVIEWS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
/** Mean pause between one owner's requests (exponential): people read before they click. */
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 5_000);
/** Seconds of load before measuring: owners arrive, connections open, code warms up (reported apart). */
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);

const log = (line: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

/** Reviews of a store: spread over 180 days, a third Naver keyword reviews, aspects and keywords as the analysis writes them. */
const SEED_REVIEWS = `
  insert into storehelper.reviews (store_id, platform, platform_review_id, author, rating, tags, text, reviewed_at,
    sentiment, sentiment_label, aspects, keywords, analyzed_at, urgent, owner_reply, owner_replied_at)
  select $1, (array['naver','kakao','google'])[1 + g % 3], 'r' || g, 'author ' || (g % 500),
    case when g % 3 = 0 then null else 1 + (g * 7) % 5 end,
    case when g % 3 = 0 then array['음식이 맛있어요','친절해요'] else '{}' end,
    (array['국물이 진하고 맛있어요','웨이팅이 너무 길어요','직원이 친절해요','가격이 비싸요','주차가 불편해요'])[1 + g % 5],
    now() - (g % 180) * interval '1 day' - (g % 1440) * interval '1 minute',
    ((g * 37) % 200 - 100) / 100.0,
    (array['positive','neutral','negative'])[1 + g % 3],
    jsonb_build_array(jsonb_build_object('aspect', (array['taste','waiting','service','price','parking'])[1 + g % 5],
      'score', 0.5, 'label', (array['positive','negative','positive','negative','negative'])[1 + g % 5], 'evidence', '리뷰 ' || g)),
    array[(array['국물','웨이팅','친절','가격','주차','면','김치'])[1 + g % 7], (array['맛집','재방문','양'])[1 + g % 3]],
    now(), g % 17 = 0,
    case when g % 2 = 0 then '감사합니다' else null end,
    case when g % 2 = 0 then now() - (g % 180) * interval '1 day' + interval '5 hours' else null end
  from generate_series(1, $2::int) g`;

/** The machine's CPU times so far; with `since`, the share of all cores busy since then (0..1). */
function machineCpu(): { busy: number; total: number };
function machineCpu(since: { busy: number; total: number }): number;
function machineCpu(since?: { busy: number; total: number }): number | { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    busy += times.user + times.nice + times.sys + times.irq;
    total += times.user + times.nice + times.sys + times.irq + times.idle;
  }
  if (!since) return { busy, total };
  return Math.round(((busy - since.busy) / Math.max(1, total - since.total)) * 100) / 100;
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase('bench_sh');
  try {
    const migrator = new pg.Pool({ connectionString: scratch.url, max: 2 });
    await migrate(migrator, [platformMigrations, storehelper]).finally(() => migrator.end());
    const owners = Array.from({ length: OWNERS + 1 }, () => randomUUID());
    const sessions = await benchSessions(scratch.url, owners);
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    log(`seeding a store with ${BIG} reviews and ${OWNERS} owners with ${PER_OWNER} each`);
    let start = performance.now();
    const stores: string[] = [];
    for (const owner of owners) {
      const store = await client.query<{ id: string }>(
        `insert into storehelper.stores (owner_id, name) values ($1, '가게') returning id`,
        [owner],
      );
      stores.push(store.rows[0]?.id ?? '');
    }
    const [bigStore, ...ownerStores] = stores;
    await client.query(SEED_REVIEWS, [bigStore, BIG]);
    for (const store of ownerStores) await client.query(SEED_REVIEWS, [store, PER_OWNER]);
    // The steady state autovacuum keeps: statistics and the visibility map (index-only scans).
    await client.query('vacuum analyze storehelper.reviews');
    const seedS = Math.round((performance.now() - start) / 100) / 10;
    log(`seeded in ${seedS} s`);
    const config = withConfig(
      loadConfig({
        ...process.env,
        NODE_ENV: 'production',
        METRICS_ENABLED: 'false',
        LOG_LEVEL: 'warn',
        PUBLIC_URL: BENCH_ISSUER,
        APPS: 'storehelper',
        REDIS_URL: '',
        RATE_LIMIT_ENABLED: 'false',
      }),
      { database: { url: scratch.url } },
    );
    const app = await buildApp(config, { apps: [storehelper] });
    const { keys, close: closeKeys } = await benchKeys(scratch.url);
    let dashboardLatency: ReturnType<typeof latency>;
    let peerLatency: ReturnType<typeof latency>;
    let http: ReturnType<typeof latency>;
    let httpByRoute: Record<string, ReturnType<typeof latency>> = {};
    let throughput = 0;
    let warmup: ReturnType<typeof latency> | undefined;
    let processCpu = 0;
    let machineBusy = 0;
    let eventLoop = { p99: 0, max: 0 };
    let failures = 0;
    try {
      const deps = {
        platform: app.platform,
        db: shDb(app.platform),
        policy: storehelperPolicy(app.platform, shDb(app.platform)),
      };
      const dashboard = new DashboardService(deps);
      for (let i = 0; i < 10; i++) await dashboard.get(bigStore ?? '', {});
      const samples: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        start = performance.now();
        await dashboard.get(bigStore ?? '', i % 2 === 0 ? {} : { platform: 'naver' });
        samples.push(performance.now() - start);
      }
      dashboardLatency = latency(samples);
      log(`dashboard: ${JSON.stringify(dashboardLatency)}`);
      const peer: number[] = [];
      for (let i = 0; i < 20; i++) {
        start = performance.now();
        const rows = await deps.db
          .selectFrom('storehelper.reviews')
          .select([
            'rating',
            'sentiment',
            'sentiment_label',
            'keywords',
            'aspects',
            'reviewed_at',
            'owner_reply',
          ])
          .where('store_id', '=', bigStore ?? '')
          .where('reviewed_at', '>=', new Date(Date.now() - 84 * 86_400_000))
          .execute();
        const weeks = new Map<string, { n: number; rating: number }>();
        const keywords = new Map<string, number>();
        for (const row of rows) {
          const week = row.reviewed_at.toISOString().slice(0, 10);
          const entry = weeks.get(week) ?? { n: 0, rating: 0 };
          entry.n++;
          entry.rating += row.rating ?? 0;
          weeks.set(week, entry);
          for (const k of row.keywords) keywords.set(k, (keywords.get(k) ?? 0) + 1);
        }
        peer.push(performance.now() - start);
      }
      peerLatency = latency(peer);
      log(`load-and-aggregate peer: ${JSON.stringify(peerLatency)}`);

      await app.listen({ host: '127.0.0.1', port: 0 });
      const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const pool = new Pool(origin, { connections: Math.min(OWNERS, 1000), pipelining: 1 });
      const tokens = await Promise.all(
        owners
          .slice(1)
          .map((owner) => keys.sign({ sub: owner, sid: sessions.get(owner), amr: ['password'] })),
      );
      const reviewIds = new Map<string, string>();
      for (const store of ownerStores) {
        const row = await client.query<{ id: string }>(
          'select id from storehelper.reviews where store_id = $1 limit 1',
          [store],
        );
        reviewIds.set(store, row.rows[0]?.id ?? '');
      }
      const all: number[] = [];
      const warm: number[] = [];
      const byRoute: Record<string, number[]> = { inbox: [], review: [], dashboard: [] };
      const measureFrom = Date.now() + WARMUP * 1000;
      const deadline = measureFrom + SECONDS * 1000;
      log(`HTTP: ${OWNERS} owners, ${WARMUP} s of warm-up, then ${SECONDS} s measured`);
      const owner = async (index: number) => {
        const store = ownerStores[index] ?? '';
        const headers = { authorization: `Bearer ${tokens[index]}` };
        const paths: [string, string][] = [
          ['inbox', `/api/v1/storehelper/stores/${store}/reviews?limit=30`],
          ['review', `/api/v1/storehelper/reviews/${reviewIds.get(store)}`],
          ['dashboard', `/api/v1/storehelper/stores/${store}/dashboard`],
        ];
        let i = index % 3;
        // Owners arrive spread over one think time, as people do (not all in the same millisecond).
        await new Promise((resolve) => setTimeout(resolve, Math.random() * THINK_MS));
        while (Date.now() < deadline) {
          const [route, path] = paths[i++ % paths.length] as [string, string];
          const measured = Date.now() >= measureFrom;
          const t = performance.now();
          const res = await pool.request({ method: 'GET', path, headers });
          await res.body.dump();
          const ms = performance.now() - t;
          if (res.statusCode !== 200) failures++;
          if (measured) {
            all.push(ms);
            byRoute[route]?.push(ms);
          } else warm.push(ms);
          // Never past the deadline: a long pause at the end would stretch the measured window.
          const think = -Math.log(1 - Math.random()) * THINK_MS;
          await new Promise((resolve) => setTimeout(resolve, Math.min(think, deadline - Date.now())));
        }
      };
      const loopDelay = monitorEventLoopDelay({ resolution: 10 });
      let cpuBefore = process.cpuUsage();
      let machineBefore = machineCpu();
      const measuring = setTimeout(() => {
        start = performance.now();
        loopDelay.enable();
        cpuBefore = process.cpuUsage();
        machineBefore = machineCpu();
        log(`  warm-up: ${JSON.stringify(latency(warm))}`);
      }, measureFrom - Date.now());
      const ticker = setInterval(() => {
        const recent = all.slice(-Math.round(OWNERS / 5));
        log(
          `  ${all.length} requests, recent p95 ${latency(recent).p95} ms, loop delay max ${Math.round(loopDelay.max / 1e6)} ms`,
        );
      }, 5_000);
      await Promise.all(Array.from({ length: OWNERS }, (_, i) => owner(i)));
      clearTimeout(measuring);
      clearInterval(ticker);
      loopDelay.disable();
      const elapsed = (performance.now() - start) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      processCpu = (cpu.user + cpu.system) / 1000 / all.length;
      machineBusy = machineCpu(machineBefore);
      eventLoop = {
        p99: Math.round(loopDelay.percentile(99) / 1e5) / 10,
        max: Math.round(loopDelay.max / 1e5) / 10,
      };
      throughput = Math.round(all.length / elapsed);
      http = latency(all);
      warmup = latency(warm);
      httpByRoute = Object.fromEntries(Object.entries(byRoute).map(([k, v]) => [k, latency(v)]));
      log(`HTTP: ${JSON.stringify(http)} ${throughput} req/s, ${failures} failures`);
      await pool.close();
    } finally {
      await client.end();
      await closeKeys();
      await app.close();
    }
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`;
    const row = (name: string, l: ReturnType<typeof latency>) =>
      `| ${name} | ${l.count} | ${l.p50} | ${l.p95} | ${l.p99} | ${l.max} |`;
    const lines = [
      '# storehelper benchmark',
      '',
      `Command: \`npm run bench:storehelper\` (${new Date().toISOString().slice(0, 10)}; ${machine}; PostgreSQL from DATABASE_URL or embedded). Seeding took ${seedS} s.`,
      'The crawler and the analysis have their own report: [storehelper-crawl.md](storehelper-crawl.md).',
      '',
      `## Dashboard of a store with ${BIG.toLocaleString('en')} reviews (12 weeks by default)`,
      '',
      `Target (seed 003): p95 < 50 ms — **${dashboardLatency.p95 < 50 ? 'met' : 'NOT met'}**.`,
      '',
      '| implementation | calls | p50 ms | p95 ms | p99 ms | max ms |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      row(
        'storehelper `DashboardService.get` (SQL aggregates: totals, weeks, keywords, response, platforms)',
        dashboardLatency,
      ),
      row(
        'peer: load the 12 weeks of reviews, aggregate in JavaScript (weeks and keywords only)',
        peerLatency,
      ),
      '',
      `## API under ${OWNERS.toLocaleString('en')} concurrent owners (real HTTP, ${SECONDS} s measured after ${WARMUP} s of warm-up)`,
      '',
      `Each owner has a store of ${PER_OWNER} reviews and loops over their inbox (30 reviews), one review and their dashboard, with their own access token (RS256 verified per request), pausing ${THINK_MS / 1000} s on average between requests (exponential), so about ${Math.round(OWNERS / (THINK_MS / 1000))} requests/s are offered. Target (seed 003): p95 < 200 ms — **${http.p95 < 200 ? 'met' : 'NOT met'}**. ${throughput} requests/s, ${failures} failures. Load generator and server share one process on 2 cores (with PostgreSQL): that process spent ${processCpu.toFixed(2)} ms of CPU per request, the machine's cores were ${Math.round(machineBusy * 100)}% busy, and its event loop was delayed by up to ${eventLoop.max} ms (p99 ${eventLoop.p99} ms).`,
      '',
      '| route | requests | p50 ms | p95 ms | p99 ms | max ms |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      row('all (measured)', http),
      ...Object.entries(httpByRoute).map(([name, l]) => row(name, l)),
      ...(warmup
        ? [
            row(
              `warm-up (first ${WARMUP} s: owners arriving, connections opening; not in the target)`,
              warmup,
            ),
          ]
        : []),
      '',
    ];
    await mkdir(`${root}/bench/results`, { recursive: true });
    await writeFile(`${root}/bench/results/storehelper.md`, lines.join('\n'));
    log('wrote bench/results/storehelper.md');
  } finally {
    await scratch.dispose();
  }
}

await main();
