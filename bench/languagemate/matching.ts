import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { languagemate } from '@app/languagemate-server';
import { appDatabase, buildApp, loadConfig, migrate, platformMigrations, withConfig } from '@app/platform';
import pg from 'pg';
import type { DB } from '../../apps/languagemate/server/src/db.generated.js';
import { matchProfile } from '../../apps/languagemate/server/src/matching/match-profile.js';
import { Matcher } from '../../apps/languagemate/server/src/matching/matcher.js';
import {
  type ChangesCursor,
  shownRows,
  viewerContext,
} from '../../apps/languagemate/server/src/matching/repo.js';
import { languagematePolicy } from '../../apps/languagemate/server/src/policies.js';
import { scratchDatabase } from '../../host/src/tools/scratch-database.js';
import { BENCH_ISSUER, benchKeys, benchSessions } from '../realtime/servers/verifier.js';
import { latency, type MatchingRun, writeMatchingReport } from './report.js';
import { random, seedLearners } from './seed-profiles.js';

/**
 * `npm run bench:languagemate:matching`: partner suggestions for one user among 100,000 synthetic
 * learners (target: p99 < 50 ms on this machine). Seeds a scratch database, then measures, one
 * request at a time for random viewers: `suggestions()` (first page and a deep page), the in-memory
 * ranking alone, the HTTP route (in-process inject with real tokens) and, for the decision record,
 * the same score computed in SQL. Writes bench/results/languagemate-matching.json and the
 * "Matching" section of bench/results/languagemate.md. Sizes: BENCH_PROFILES (100000),
 * BENCH_VIEWERS (1000), BENCH_SQL_VIEWERS (100), BENCH_WRITES_PER_S (10).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const PROFILES = Number(process.env.BENCH_PROFILES ?? 100_000);
const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 1_000);
const SQL_VIEWERS = Number(process.env.BENCH_SQL_VIEWERS ?? 100);
const WRITES_PER_S = Number(process.env.BENCH_WRITES_PER_S ?? 10);
const WARM_UP = 100;
const LIMIT = 20;
const DEEP_CURSOR = 200;
const TARGET_P99_MS = 50;

const log = (line: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const gc = (globalThis as { gc?: () => void }).gc;

async function timed(samples: number[], work: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await work();
  samples.push(performance.now() - start);
}

/** The score of score.ts computed by PostgreSQL for every candidate of the viewer's language pair. */
const SQL_RANKING = `
  select p.user_id,
    0.2
    + 0.3 * (1 - exp(-(bit_count(p.week_slots & $1::bit(336)) / 2.0) / 4))
    + 0.15 * (1 - abs(array_position(array['A1','A2','B1','B2','C1','C2'], t.level) - $5) / 5.0)
    + 0.15 * least(1, (cardinality(array(select unnest(p.interests) intersect select unnest($4::text[])))
                      + cardinality(array(select unnest(p.tags) intersect select unnest($6::text[])))) / 4.0)
    + 0.05 * (case when (p.preferences -> 'modes') ?| $7::text[] then 1 else 0 end)
    + 0.15 * p.reliability as score
  from languagemate.profiles p
  join languagemate.profile_targets t on t.user_id = p.user_id and t.language = any($3::text[])
  where p.discoverable and p.native_languages && $2::text[] and p.user_id <> $8
  order by score desc, p.user_id
  limit ${LIMIT + 1}`;

async function main(): Promise<void> {
  const scratch = await scratchDatabase('bench_lm_match');
  const writer = new pg.Client({ connectionString: scratch.url });
  let stopWriter = () => {};
  try {
    const migrator = new pg.Pool({ connectionString: scratch.url, max: 2 });
    await migrate(migrator, [platformMigrations, languagemate]).finally(() => migrator.end());
    log(`seeding ${PROFILES} learners`);
    const seedStart = performance.now();
    const ids = await seedLearners(scratch.url, PROFILES);
    const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;
    await writer.connect();
    const count = async (sql: string) => Number((await writer.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
    const seeded = {
      hidden: await count('select count(*) n from languagemate.hidden'),
      pendingRequests: await count(
        `select count(*) n from languagemate.partner_requests where state = 'pending'`,
      ),
      partners: await count('select count(*) n from languagemate.partners'),
      blocks: await count('select count(*) n from platform.user_blocks'),
      suspensions: await count(`select count(*) n from languagemate.sanctions where kind = 'suspension'`),
    };
    const discoverableIds = (
      await writer.query<{ user_id: string }>('select user_id from languagemate.profiles where discoverable')
    ).rows.map((r) => r.user_id);
    const postgres =
      (await writer.query<{ v: string }>('select version() v')).rows[0]?.v.split(' on ')[0] ?? '';
    log(`seeded in ${seedSeconds} s: ${JSON.stringify(seeded)}`);

    const rnd = random(2026);
    const sample = (n: number) =>
      Array.from({ length: n }, () => discoverableIds[Math.floor(rnd() * discoverableIds.length)] ?? '');
    const viewers = sample(VIEWERS);

    const config = withConfig(
      loadConfig({
        ...process.env,
        NODE_ENV: 'production',
        METRICS_ENABLED: 'false',
        LOG_LEVEL: 'warn',
        PUBLIC_URL: BENCH_ISSUER,
        APPS: 'languagemate',
        REDIS_URL: '',
      }),
      { database: { url: scratch.url } },
    );
    const app = await buildApp(config, { apps: [languagemate] });
    try {
      const matcher = new Matcher({
        platform: app.platform,
        db: appDatabase<DB>(app.platform.pool),
        policy: languagematePolicy(app.platform),
      });

      const { keys, close } = await benchKeys(scratch.url);
      const sessions = await benchSessions(scratch.url, [...new Set(viewers)]);
      const tokens = new Map<string, string>();
      for (const viewer of new Set(viewers))
        tokens.set(viewer, await keys.sign({ sub: viewer, sid: sessions.get(viewer), amr: ['password'] }));
      await close();
      const get = async (viewer: string) => {
        const res = await app.inject({
          method: 'GET',
          url: `/api/v1/languagemate/suggestions?limit=${LIMIT}`,
          headers: { authorization: `Bearer ${tokens.get(viewer)}` },
        });
        if (res.statusCode !== 200)
          throw new Error(`GET /suggestions: ${res.statusCode} ${res.body.slice(0, 200)}`);
      };
      // The app loads its own index when it starts (role all): let it finish before measuring ours.
      await get(viewers[0] ?? '');

      // Profiles keep changing while we measure: each request reads what changed since the last one.
      let writing = false;
      const timer = setInterval(() => {
        if (writing) return;
        writing = true;
        const id = ids[Math.floor(rnd() * ids.length)];
        void writer
          .query(`update languagemate.profiles set reliability = $2, updated_at = now() where user_id = $1`, [
            id,
            Math.round(rnd() * 100) / 100,
          ])
          .catch(() => {})
          .finally(() => {
            writing = false;
          });
      }, 1000 / WRITES_PER_S);
      stopWriter = () => clearInterval(timer);

      gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      const loadStart = performance.now();
      await matcher.suggestions(viewers[0] ?? '', { limit: LIMIT });
      const loadMs = Math.round(performance.now() - loadStart);
      gc?.();
      const heapMiB = gc ? mib(process.memoryUsage().heapUsed - heapBefore) : null;
      log(
        `index loaded in ${loadMs} ms: ${matcher.index.size} people${heapMiB === null ? '' : `, ${heapMiB} MiB`}`,
      );

      for (const viewer of sample(WARM_UP)) await matcher.suggestions(viewer, { limit: LIMIT });
      for (const viewer of viewers.slice(0, WARM_UP)) await get(viewer);
      // The three measures take turns, viewer by viewer, so that all see the same moments of a busy machine.
      const first: number[] = [];
      const http: number[] = [];
      const baseline: number[] = [];
      const overview = (viewer: string) =>
        app.inject({
          method: 'GET',
          url: '/api/v1/languagemate/overview',
          headers: { authorization: `Bearer ${tokens.get(viewer)}` },
        });
      const loadBefore = loadavg()[0] ?? 0;
      for (const viewer of viewers) {
        await timed(first, () => matcher.suggestions(viewer, { limit: LIMIT }));
        await timed(http, () => get(viewer));
        // The same sign-in check and policy with no work behind them: what any route costs here.
        await timed(baseline, () => overview(viewer));
      }
      const loadAfter = loadavg()[0] ?? 0;
      log(`suggestions(): ${JSON.stringify(latency(first))}`);
      log(`HTTP: ${JSON.stringify(latency(http))}`);

      const deep: number[] = [];
      for (const viewer of viewers.slice(0, 200))
        await timed(deep, () => matcher.suggestions(viewer, { cursor: String(DEEP_CURSOR), limit: LIMIT }));

      const db = appDatabase<DB>(app.platform.pool);
      const rankOnly: number[] = [];
      const candidates: number[] = [];
      // What a request reads of changes when nothing is pending: the last 3 s, nothing seen yet.
      const recent = (): ChangesCursor => ({
        after: null,
        windowStart: new Date(Date.now() - 3_000),
        seen: [],
        limit: 500,
      });
      const profiles = [];
      for (const v of viewers.slice(0, 300)) profiles.push((await viewerContext(db, v, recent())).viewer);
      for (const row of profiles) {
        if (!row) continue;
        const viewer = matchProfile(row);
        candidates.push(matcher.index.rank(viewer, [], 0).total);
        const start = performance.now();
        matcher.index.rank(viewer, [], LIMIT * 2);
        rankOnly.push(performance.now() - start);
      }

      // Where a request's time goes: each statement alone, for some of the viewers.
      const steps = { context: [] as number[], blocks: [] as number[], page: [] as number[] };
      for (const viewer of viewers.slice(0, 200)) {
        await timed(steps.context, () => viewerContext(db, viewer, recent()));
        await timed(steps.blocks, () => app.platform.blocks.involving(viewer));
        await timed(steps.page, () => shownRows(db, sample(LIMIT + 5)));
      }
      const statements = Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, latency(v)]));
      log(`statements: ${JSON.stringify(statements)}`);

      log('the alternative: ranking in SQL');
      const sql: number[] = [];
      for (const row of profiles.slice(0, SQL_VIEWERS)) {
        if (!row) continue;
        const first = row.targets[0];
        const levelIndex = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'].indexOf(first?.level ?? 'B1') + 1;
        const modes = (row.preferences as { modes?: string[] }).modes ?? ['text'];
        await timed(sql, () =>
          app.platform.pool.query(SQL_RANKING, [
            row.weekSlots,
            row.targets.map((t) => t.language),
            row.nativeLanguages,
            row.interests,
            levelIndex,
            row.tags,
            modes,
            row.userId,
          ]),
        );
      }
      stopWriter();

      const suggestions = latency(first);
      const result: MatchingRun = {
        machine: `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
        postgres,
        date: new Date().toISOString(),
        command: `${PROFILES === 100_000 && VIEWERS === 1_000 ? '' : `BENCH_PROFILES=${PROFILES} BENCH_VIEWERS=${VIEWERS} `}${process.env.DATABASE_URL ? 'DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres ' : ''}npm run bench:languagemate:matching`,
        profiles: PROFILES,
        discoverable: discoverableIds.length,
        seeded,
        seedSeconds,
        candidatesPerViewer: {
          mean: Math.round(candidates.reduce((a, b) => a + b, 0) / Math.max(1, candidates.length)),
          max: Math.max(0, ...candidates),
        },
        index: { loadMs, people: matcher.index.size, heapMiB },
        writesPerSecond: WRITES_PER_S,
        loadAverage: { before: Math.round(loadBefore * 10) / 10, after: Math.round(loadAfter * 10) / 10 },
        suggestions,
        deepPage: { ...latency(deep), cursor: DEEP_CURSOR },
        rankOnly: latency(rankOnly),
        statements,
        http: latency(http),
        httpBaseline: latency(baseline),
        sqlAlternative: latency(sql),
        target: { p99Ms: TARGET_P99_MS, met: suggestions.p99 < TARGET_P99_MS },
      };
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      await mkdir(`${root}bench/results`, { recursive: true });
      await writeFile(
        `${root}bench/results/languagemate-matching.json`,
        `${JSON.stringify(result, null, 2)}\n`,
      );
      await writeMatchingReport(result);
      log('wrote bench/results/languagemate.md and languagemate-matching.json');
    } finally {
      await app.close();
    }
  } finally {
    stopWriter();
    await writer.end().catch(() => {});
    await scratch.dispose();
  }
}

await main();
