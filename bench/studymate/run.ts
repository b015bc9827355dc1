import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildApp, loadConfig, migrate, platformMigrations, withConfig } from '@app/platform';
import { jsPDF } from 'jspdf';
import pg from 'pg';
import { ReviewService } from '../../apps/studymate/server/src/cards/review.js';
import { smDb } from '../../apps/studymate/server/src/db.js';
import { studymate } from '../../apps/studymate/server/src/index.js';
import { extractDocument } from '../../apps/studymate/server/src/materials/extract.js';
import { toPassages } from '../../apps/studymate/server/src/materials/passages.js';
import { studymatePolicy } from '../../apps/studymate/server/src/policies.js';
import { buildQueue } from '../../apps/studymate/server/src/srs/queue.js';
import { SettingsService } from '../../apps/studymate/server/src/study/settings.js';
import { scratchDatabase } from '../../host/src/tools/scratch-database.js';
import { latency } from '../languagemate/report.js';

/**
 * `npm run bench:studymate`: (1) the next card of the review loop for one learner with 50,000 cards
 * and 500,000 review-log rows (target p99 < 20 ms), our indexed SQL (`ReviewService.next`) beside
 * the naive peer that loads every card and orders it in memory (`srs/queue.ts` over all rows, as an
 * app without the partial index would); (2) text extraction of a 100-page PDF (unpdf/pdf.js) into
 * passages. Writes bench/results/studymate.md. Sizes: BENCH_CARDS, BENCH_LOGS, BENCH_CALLS, BENCH_PAGES.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const CARDS = Number(process.env.BENCH_CARDS ?? 50_000);
const LOGS = Number(process.env.BENCH_LOGS ?? 500_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 2_000);
const PEER_CALLS = Number(process.env.BENCH_PEER_CALLS ?? 100);
const PAGES = Number(process.env.BENCH_PAGES ?? 100);
const TARGET_P99_MS = 20;

const log = (line: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function seed(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const user = await client.query<{ id: string }>(
      `insert into platform.users (email, name, password_hash, email_verified_at) values ('bench@studymate.test', 'Bench', 'x', now()) returning id`,
    );
    const userId = user.rows[0]?.id ?? '';
    // Cards in every state: 60% review (due spread over -30..+180 days), 10% learning, 30% new.
    await client.query(
      `insert into studymate.cards (user_id, source, front, back, state, due, stability, difficulty, reps, last_review, created_at)
       select $1, 'import', 'front ' || g, 'back ' || g,
         case when g % 10 < 6 then 2 when g % 10 = 6 then 1 else 0 end,
         case when g % 10 < 6 then now() + ((g * 7919) % 210 - 30) * interval '1 day'
              when g % 10 = 6 then now() + ((g % 60) - 30) * interval '1 minute'
              else now() end,
         case when g % 10 < 7 then 1 + (g % 50) else 0 end, 5, case when g % 10 < 7 then 1 + g % 12 else 0 end,
         case when g % 10 < 7 then now() - interval '3 days' else null end,
         now() - (g % 400) * interval '1 day'
       from generate_series(1, $2::int) g`,
      [userId, CARDS],
    );
    // Reviews spread over the cards that have been studied, the last 700 days.
    await client.query(
      `with c as (select array_agg(id order by id) as ids from studymate.cards where user_id = $1 and state <> 0)
       insert into studymate.review_logs (card_id, user_id, grade, before, state, stability, difficulty, elapsed_days,
         last_elapsed_days, scheduled_days, learning_steps, due, reviewed_at)
       select c.ids[1 + (g % cardinality(c.ids))], $1, 1 + (g % 4), '{}', 2, 3, 5, 3, 2, 4, 0, now(),
         now() - (g % 700) * interval '1 day' - (g % 1440) * interval '1 minute'
       from generate_series(1, $2::int) g, c`,
      [userId, LOGS],
    );
    // The steady state autovacuum keeps: statistics and the visibility map (index-only counts).
    await client.query('vacuum analyze studymate.cards');
    await client.query('vacuum analyze studymate.review_logs');
    return userId;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase('bench_sm');
  try {
    const migrator = new pg.Pool({ connectionString: scratch.url, max: 2 });
    await migrate(migrator, [platformMigrations, studymate]).finally(() => migrator.end());
    log(`seeding ${CARDS} cards and ${LOGS} review-log rows`);
    let start = performance.now();
    const userId = await seed(scratch.url);
    const seedS = Math.round((performance.now() - start) / 100) / 10;
    log(`seeded in ${seedS} s`);
    const config = withConfig(
      loadConfig({
        ...process.env,
        NODE_ENV: 'production',
        METRICS_ENABLED: 'false',
        LOG_LEVEL: 'warn',
        APPS: 'studymate',
        REDIS_URL: '',
      }),
      { database: { url: scratch.url } },
    );
    const app = await buildApp(config, { apps: [studymate] });
    let sqlLatency: ReturnType<typeof latency>;
    let peerLatency: ReturnType<typeof latency>;
    let sample: Awaited<ReturnType<ReviewService['next']>> | undefined;
    try {
      const deps = { platform: app.platform, db: smDb(app.platform), policy: studymatePolicy(app.platform) };
      const review = new ReviewService(deps, new SettingsService(deps));
      for (let i = 0; i < 50; i++) await review.next(userId);
      const samples: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        start = performance.now();
        sample = await review.next(userId);
        samples.push(performance.now() - start);
      }
      sqlLatency = latency(samples);
      log(`ReviewService.next: ${JSON.stringify(sqlLatency)}`);
      const peer: number[] = [];
      for (let i = 0; i < PEER_CALLS; i++) {
        start = performance.now();
        const rows = await deps.db
          .selectFrom('studymate.cards')
          .select(['id', 'state', 'due', 'created_at'])
          .where('user_id', '=', userId)
          .where('suspended', '=', false)
          .execute();
        buildQueue(
          rows.map((r) => ({
            id: r.id,
            state: (['new', 'learning', 'review', 'relearning'] as const)[r.state] ?? 'new',
            due: r.due,
            position: r.created_at.getTime(),
          })),
          { now: new Date(), newLimit: 20 },
        );
        peer.push(performance.now() - start);
      }
      peerLatency = latency(peer);
      log(`load-all peer: ${JSON.stringify(peerLatency)}`);
    } finally {
      await app.close();
    }

    log(`extracting a ${PAGES}-page PDF`);
    const doc = new jsPDF();
    const paragraph =
      'Photosynthesis converts light energy into chemical energy. The light reactions in the thylakoid membrane split water and release oxygen, while the Calvin cycle in the stroma fixes carbon dioxide into sugar using ATP and NADPH. ';
    for (let p = 0; p < PAGES; p++) {
      if (p > 0) doc.addPage();
      doc.text(
        doc.splitTextToSize(`Page ${p + 1}. ${paragraph.repeat(6)}\n\n${paragraph.repeat(5)}`, 180),
        10,
        15,
      );
    }
    const bytes = new Uint8Array(doc.output('arraybuffer'));
    const rssBefore = process.memoryUsage().rss;
    const runs: number[] = [];
    let passages = 0;
    let chars = 0;
    for (let i = 0; i < 5; i++) {
      start = performance.now();
      const pages = await extractDocument(bytes, 'pdf');
      const cut = toPassages(pages);
      runs.push(performance.now() - start);
      passages = cut.length;
      chars = cut.reduce((n, p) => n + p.text.length, 0);
    }
    const rssAfter = process.memoryUsage().rss;
    const pdf = latency(runs);
    log(`PDF: ${JSON.stringify(pdf)} passages=${passages}`);

    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`;
    const ok = sqlLatency.p99 < TARGET_P99_MS;
    const lines = [
      '# studymate benchmark',
      '',
      `Command: \`npm run bench:studymate\` (${new Date().toISOString().slice(0, 10)}; ${machine}; PostgreSQL from DATABASE_URL or embedded).`,
      '',
      `## Next card: ${CARDS.toLocaleString('en')} cards, ${LOGS.toLocaleString('en')} review-log rows, one learner`,
      '',
      `Target: p99 < ${TARGET_P99_MS} ms — **${ok ? 'met' : 'NOT met'}**. Seeding took ${seedS} s.`,
      '',
      '| implementation | calls | p50 ms | p95 ms | p99 ms | max ms |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      `| studymate \`ReviewService.next\` (partial index on (user, due), counts, new-card limit) | ${sqlLatency.count} | ${sqlLatency.p50} | ${sqlLatency.p95} | ${sqlLatency.p99} | ${sqlLatency.max} |`,
      `| peer: load every card, order in memory (\`srs/queue.ts\`) | ${peerLatency.count} | ${peerLatency.p50} | ${peerLatency.p95} | ${peerLatency.p99} | ${peerLatency.max} |`,
      '',
      `The answer includes the remaining counts (due ${sample?.remaining.due ?? '?'}, learning ${sample?.remaining.learning ?? '?'}, new ${sample?.remaining.new ?? '?'}) and the four grade previews.`,
      '',
      `## Extraction of a ${PAGES}-page PDF (unpdf / pdf.js) into passages`,
      '',
      '| runs | p50 ms | max ms | pages/s (p50) | passages | characters | RSS growth MiB |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| ${pdf.count} | ${pdf.p50} | ${pdf.max} | ${Math.round((PAGES / pdf.p50) * 1000)} | ${passages} | ${chars.toLocaleString('en')} | ${Math.round((rssAfter - rssBefore) / 2 ** 20)} |`,
      '',
      'The FSRS optimiser has its own report: [studymate-optimizer.md](studymate-optimizer.md).',
      '',
    ];
    await mkdir(`${root}/bench/results`, { recursive: true });
    await writeFile(`${root}/bench/results/studymate.md`, lines.join('\n'));
    log('wrote bench/results/studymate.md');
  } finally {
    await scratch.dispose();
  }
}

await main();
