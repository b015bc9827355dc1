import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import {
  createDb,
  createLogger,
  createPool,
  Jobs,
  loadConfig,
  migrate,
  platformMigrations,
  taskType,
  withConfig,
} from '@app/platform';
import { sql } from 'kysely';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { z } from 'zod';
import { scratchDatabase } from '../../host/src/tools/scratch-database.js';

/**
 * `npm run bench:jobs` (needs DATABASE_URL or the scratch database helper's server): the job queue
 * of the platform (graphile-worker through `Jobs`) with a no-op task.
 * 1. Throughput: BENCH_JOBS (20,000) jobs added in batches of 1,000, run to completion; jobs/s end to end.
 * 2. Latency: jobs enqueued one by one at BENCH_RATE (1,000/s) for BENCH_DURATION_S (10 s);
 *    enqueue -> handler start, p50/p99.
 * pg-boss runs the same two scenarios, side by side.
 * Writes bench/results/jobs.md. Targets (issue 6): >= 5,000 jobs/s batched; p50 < 5 ms, p99 < 25 ms.
 */
const JOBS = Number(process.env.BENCH_JOBS ?? 20_000);
const RATE = Number(process.env.BENCH_RATE ?? 1_000);
const SECONDS = Number(process.env.BENCH_DURATION_S ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

interface Figures {
  engine: string;
  throughput: number;
  p50: number;
  p99: number;
  max: number;
}

const now = () => performance.timeOrigin + performance.now();
const noop = taskType('bench.noop', z.object({ at: z.number() }));

async function graphile(url: string): Promise<Figures> {
  const config = withConfig(
    loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      JOBS_CONCURRENCY: String(CONCURRENCY),
      JOBS_POLL_INTERVAL_MS: '1000',
    }),
    { database: { url } },
  );
  const logger = createLogger(config);
  // The platform's own pool (error handlers, size from the config), as the server runs it.
  const pool = createPool(config, url, logger);
  const db = createDb(pool);
  const jobs = new Jobs(db, config, logger);
  await jobs.migrate(pool);
  let done = 0;
  let waiter: (() => void) | undefined;
  let target = 0;
  const latencies: number[] = [];
  let measuring = false;
  jobs.handle(noop, async ({ at }) => {
    if (measuring) latencies.push(now() - at);
    done++;
    if (done >= target) waiter?.();
  });
  await jobs.start();
  try {
    target = JOBS;
    const finished = new Promise<void>((resolve) => {
      waiter = resolve;
    });
    const started = now();
    for (let sent = 0; sent < JOBS; sent += 1000) {
      const batch = Math.min(1000, JOBS - sent);
      const specs = Array.from({ length: batch }, () => ({ identifier: noop.name, payload: { at: 0 } }));
      await sql`select graphile_worker.add_jobs(array(
        select json_populate_recordset(null::graphile_worker.job_spec, ${JSON.stringify(specs)}::json)))`.execute(
        db,
      );
    }
    await finished;
    const throughput = JOBS / ((now() - started) / 1000);

    done = 0;
    target = Math.round(RATE * SECONDS);
    measuring = true;
    const paced = new Promise<void>((resolve) => {
      waiter = resolve;
    });
    const interval = 1000 / RATE;
    const begin = now();
    for (let i = 0; i < target; i++) {
      const due = begin + i * interval;
      const wait = due - now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      void jobs.enqueue(noop, { at: now() });
    }
    await paced;
    return { engine: 'graphile-worker 0.17 (platform Jobs)', throughput, ...percentiles(latencies) };
  } finally {
    await jobs.stop();
    await db.destroy();
  }
}

/**
 * pg-boss 10 (the peer): the same two scenarios through its public API. It has no per-worker
 * concurrency setting; one `work` call fetches batches of 100.
 */
async function pgBoss(url: string): Promise<Figures | string> {
  const boss = new PgBoss(url);
  await boss.start();
  await boss.createQueue('noop').catch(() => {});
  let done = 0;
  let target = JOBS;
  let waiter: (() => void) | undefined;
  const latencies: number[] = [];
  let measuring = false;
  await boss.work<{ at: number }>('noop', { batchSize: 100, pollingIntervalSeconds: 0.5 }, async (batch) => {
    for (const job of batch) if (measuring) latencies.push(now() - job.data.at);
    done += batch.length;
    if (done >= target) waiter?.();
  });
  try {
    const finished = new Promise<void>((resolve) => {
      waiter = resolve;
    });
    const started = now();
    for (let sent = 0; sent < JOBS; sent += 1000)
      await boss.insert(
        Array.from({ length: Math.min(1000, JOBS - sent) }, () => ({ name: 'noop', data: { at: 0 } })),
      );
    await finished;
    const throughput = JOBS / ((now() - started) / 1000);
    done = 0;
    target = Math.round(RATE * SECONDS);
    measuring = true;
    const paced = new Promise<void>((resolve) => {
      waiter = resolve;
    });
    const begin = now();
    for (let i = 0; i < target; i++) {
      const wait = begin + i * (1000 / RATE) - now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      void boss.send('noop', { at: now() });
    }
    await paced;
    return { engine: 'pg-boss', throughput, ...percentiles(latencies) };
  } finally {
    await boss.stop({ graceful: false });
  }
}

function percentiles(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? Number.NaN };
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase('bench_jobs');
  const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
  try {
    await migrate(pool, [platformMigrations]);
  } finally {
    await pool.end();
  }
  try {
    const rows: (Figures | string)[] = [await graphile(scratch.url), await pgBoss(scratch.url)];
    const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`;
    const table = rows
      .filter((row): row is Figures => typeof row !== 'string')
      .map(
        (r) =>
          `| ${r.engine} | ${Math.round(r.throughput).toLocaleString('en')} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} |`,
      );
    const notes = rows.filter((row): row is string => typeof row === 'string').map((n) => `- ${n}`);
    const report = [
      '# Job queue benchmark',
      '',
      `Machine: ${machine}. Date: ${new Date().toISOString()}. Command: \`npm run bench:jobs\``,
      `(${JOBS} batched no-op jobs; then ${RATE} jobs/s for ${SECONDS} s one by one; worker concurrency ${CONCURRENCY};`,
      'PostgreSQL on the same machine).',
      '',
      '| engine | batched jobs/s end to end | enqueue->start p50 ms | p99 ms | max ms |',
      '|---|---|---|---|---|',
      ...table,
      '',
      'Targets (issue 6): >= 5,000 jobs/s batched; p50 < 5 ms and p99 < 25 ms at 1,000 jobs/s.',
      ...(notes.length > 0 ? ['', ...notes] : []),
      '',
    ].join('\n');
    await writeFile(new URL('../results/jobs.md', import.meta.url), report);
    process.stdout.write(report);
  } finally {
    await scratch.dispose();
  }
}

await main();
