import { type ChildProcess, spawn } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type App, buildApp } from '../http/app.js';
import {
  bearer,
  createTestDatabase,
  makeAccount,
  signIn,
  type TestDatabase,
  testConfig,
} from '../testing/index.js';
import { crashEffect, crashTask } from './crash-worker.fixture.js';
import { zonedDigest } from './cron.js';
import { taskType } from './task.js';

const env = { JOBS_POLL_INTERVAL_MS: '100', JOBS_HEARTBEAT_MS: '100', JOBS_WORKER_STALE_MS: '1000' };
const ran = new EventEmitter();
ran.setMaxListeners(100);
/** Everything handlers reported, so a test can wait for an event that happened before it asked. */
const history: { event: string; value: unknown }[] = [];
function report(event: string, value: unknown): void {
  history.push({ event, value });
  ran.emit(event, value);
}

const flaky = taskType('test.flaky', z.object({ failTimes: z.number().int() }), { maxAttempts: 5 });
const doomed = taskType('test.doomed', z.object({ n: z.number() }), { maxAttempts: 1 });
const keyed = taskType('test.keyed', z.object({ version: z.number() }));
const serial = taskType('test.serial', z.object({ n: z.number() }));
const nightly = taskType('test.nightly', z.object({ report: z.string() }), { priority: 'low' });

let database: TestDatabase;
let app: App;
let doomedSucceeds = false;
let inFlight = 0;
let maxInFlight = 0;

/** Waits for a handler to report `event` with a value matching `match`. */
function next<T>(event: string, match: (value: T) => boolean = () => true, timeoutMs = 15_000): Promise<T> {
  const past = history.find((entry) => entry.event === event && match(entry.value as T));
  if (past) return Promise.resolve(past.value as T);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} in time`)), timeoutMs);
    const listener = (value: T) => {
      if (!match(value)) return;
      clearTimeout(timer);
      ran.off(event, listener);
      resolve(value);
    };
    ran.on(event, listener);
  });
}

/** Fast-forwards a job's backoff: due now, and the workers are woken. */
async function makeDue(id: string): Promise<void> {
  await sql`update graphile_worker._private_jobs set run_at = now() where id = ${id}::bigint`.execute(
    app.platform.db,
  );
  await sql`select pg_notify('jobs:insert', '')`.execute(app.platform.db);
}

async function jobRow(id: string) {
  const { rows } = await sql<{
    attempts: number;
    last_error: string | null;
    delay_s: number;
    locked: boolean;
  }>`select attempts, last_error, extract(epoch from run_at - updated_at)::float8 as delay_s,
       locked_at is not null as locked
     from graphile_worker._private_jobs where id = ${id}::bigint`.execute(app.platform.db);
  return rows[0];
}

/** Waits until the job's row shows it was unlocked after a failed attempt `attempts`. */
async function failedAttempt(id: string, attempts: number) {
  await next(
    'flaky.failed',
    (value: { id: string; attempt: number }) => value.id === id && value.attempt === attempts,
  );
  for (;;) {
    const row = await jobRow(id);
    if (row && !row.locked && row.last_error) return row;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp(testConfig(database.url, env), { apps: [] });
  const { jobs, db } = app.platform;
  await sql`create table public.crash_runs (job_id text, attempt int)`.execute(db);
  await sql`create table public.crash_effects (job_id text primary key)`.execute(db);
  jobs.handle(flaky, async (payload, context) => {
    if (context.attempt <= payload.failTimes) {
      queueMicrotask(() => report('flaky.failed', { id: context.jobId, attempt: context.attempt }));
      throw new Error(`planned failure ${context.attempt}`);
    }
    report('flaky.done', { id: context.jobId, attempt: context.attempt });
  });
  jobs.handle(doomed, async (payload, context) => {
    if (!doomedSucceeds) {
      queueMicrotask(() => report('doomed.failed', context.jobId));
      throw new Error('doomed');
    }
    report('doomed.done', { id: context.jobId, n: payload.n });
  });
  jobs.handle(keyed, async (payload, context) => {
    report('keyed', { id: context.jobId, version: payload.version });
  });
  jobs.handle(serial, async (payload) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // Real work: a few round trips, long enough for a parallel job to overlap if it could.
    for (let i = 0; i < 5; i++) await sql`select pg_sleep(0.01)`.execute(db);
    inFlight--;
    report('serial', payload.n);
  });
  jobs.handle(nightly, async (payload, context) => {
    report('nightly', { report: payload.report, cron: context.cron });
  });
  jobs.handle(crashTask, async (_payload, context) => {
    await crashEffect(db, context);
    report('crash.done', context.jobId);
  });
  jobs.schedule({
    id: 'test-nightly',
    pattern: '0 2 * * *',
    task: nightly,
    payload: { report: 'daily' },
    backfillMs: 3 * 86_400_000,
  });
  // The schedule has been known for days, so the worker catches up the 02:00 (Seoul) runs it missed.
  await sql`insert into graphile_worker._private_known_crontabs (identifier, known_since)
            values ('test-nightly', now() - interval '3 days')`.execute(db);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('job queue', () => {
  it('reruns a job killed with kill -9 mid-run, and its effect happens once', async () => {
    const child: ChildProcess = spawn(
      process.execPath,
      [
        '--conditions=development',
        '--import',
        'tsx',
        fileURLToPath(new URL('./crash-worker.fixture.ts', import.meta.url)),
      ],
      { env: { ...process.env, DATABASE_URL: database.url, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    const started = new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /started (\d+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`crash worker exited early (${code}): ${output}`)));
    });
    await new Promise<void>((resolve) => {
      const check = () => (output.includes('ready') ? resolve() : child.stdout?.once('data', check));
      check();
    });
    // The parent's worker is not running yet: only the child can take the job.
    const id = await app.platform.jobs.enqueue(crashTask, { label: 'once' });
    expect(await started).toBe(id);
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;

    const done = next<string>('crash.done', (jobId) => jobId === id, 20_000);
    await app.platform.jobs.start();
    await done;
    const runs = await sql<{
      attempt: number;
    }>`select attempt from public.crash_runs where job_id = ${id} order by attempt`.execute(app.platform.db);
    expect(runs.rows.map((r) => r.attempt)).toEqual([1, 2]);
    const effects = await sql`select * from public.crash_effects where job_id = ${id}`.execute(
      app.platform.db,
    );
    expect(effects.rows).toHaveLength(1);
  });

  it('retries a failing job with exponential backoff until it succeeds', async () => {
    const id = await app.platform.jobs.enqueue(flaky, { failTimes: 2 });
    const first = await failedAttempt(id, 1);
    expect(first).toMatchObject({ attempts: 1, last_error: expect.stringContaining('planned failure 1') });
    await makeDue(id);
    const second = await failedAttempt(id, 2);
    expect(second?.attempts).toBe(2);
    // graphile-worker waits exp(attempts) seconds: about 2.7 s after the first failure, 7.4 s after the second.
    expect(first?.delay_s).toBeGreaterThan(2.5);
    expect(first?.delay_s).toBeLessThan(3);
    expect(second?.delay_s).toBeGreaterThan(7);
    expect(second?.delay_s).toBeLessThan(8);
    const done = next<{ id: string; attempt: number }>('flaky.done', (v) => v.id === id);
    await makeDue(id);
    expect((await done).attempt).toBe(3);
    while (await jobRow(id)) await new Promise((resolve) => setImmediate(resolve));
  });

  it('keeps one waiting job per key, with the latest payload', async () => {
    const runAt = new Date(Date.now() + 3_600_000);
    const ids = new Set<string>();
    for (const version of [1, 2, 3])
      ids.add(await app.platform.jobs.enqueue(keyed, { version }, { key: 'digest:user-1', runAt }));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    const done = next<{ id: string; version: number }>('keyed', (v) => v.id === id);
    await makeDue(id ?? '');
    expect((await done).version).toBe(3);
  });

  it('runs jobs with the same serial key one at a time, in order', async () => {
    for (const n of [1, 2, 3, 4]) await app.platform.jobs.enqueue(serial, { n }, { serialKey: 'store-7' });
    await next<number>('serial', (n) => n === 4);
    expect(history.filter((entry) => entry.event === 'serial').map((entry) => entry.value)).toEqual([
      1, 2, 3, 4,
    ]);
    expect(maxInFlight).toBe(1);
  });

  it('fires a cron schedule at 02:00 in Asia/Seoul', async () => {
    const fired = await next<{ report: string; cron: { ts: string; backfilled: boolean } }>('nightly');
    expect(fired.report).toBe('daily');
    expect(fired.cron.backfilled).toBe(true);
    const at = new Date(fired.cron.ts);
    // 02:00 KST is 17:00 UTC of the day before.
    expect([at.getUTCHours(), at.getUTCMinutes()]).toEqual([17, 0]);
  });

  it('lists failed jobs to admins only, and retries them', async () => {
    const id = await app.platform.jobs.enqueue(doomed, { n: 7 });
    await next<string>('doomed.failed', (jobId) => jobId === id);
    const admin = await makeAccount(app);
    await sql`update platform.users set platform_role = 'admin' where id = ${admin.id}`.execute(
      app.platform.db,
    );
    const adminToken = (await signIn(app, admin)).accessToken;
    const user = (await signIn(app, await makeAccount(app))).accessToken;

    const forbidden = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/jobs/failed',
      headers: bearer(user),
    });
    expect(forbidden.statusCode).toBe(403);
    let listed: { items: { id: string; task: string; lastError: string | null }[] } = { items: [] };
    while (!listed.items.some((job) => job.id === id)) {
      const res = await app.inject({
        method: 'GET',
        url: '/api/v1/admin/jobs/failed',
        headers: bearer(adminToken),
      });
      expect(res.statusCode).toBe(200);
      listed = res.json();
    }
    expect(listed.items.find((job) => job.id === id)).toMatchObject({
      task: 'test.doomed',
      lastError: expect.stringContaining('doomed'),
    });

    doomedSucceeds = true;
    const done = next<{ id: string; n: number }>('doomed.done', (v) => v.id === id);
    const retried = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/jobs/retry',
      headers: bearer(adminToken),
      payload: { ids: [id] },
    });
    expect(retried.json()).toEqual({ retried: [id] });
    expect((await done).n).toBe(7);
  });

  it('maps priorities to graphile-worker order (high first) and can cancel a waiting job by key', async () => {
    const runAt = new Date(Date.now() + 3_600_000);
    const ids: string[] = [];
    for (const priority of ['low', 'high', 'default'] as const)
      ids.push(
        await app.platform.jobs.enqueue(
          nightly,
          { report: priority },
          { runAt, priority, key: `p-${priority}` },
        ),
      );
    const { rows } = await sql<{
      id: string;
      priority: number;
    }>`select id::text, priority from graphile_worker._private_jobs
      where id = any(${ids}::bigint[]) order by priority, id`.execute(app.platform.db);
    expect(rows.map((row) => [row.id, row.priority])).toEqual([
      [ids[1], -10],
      [ids[2], 0],
      [ids[0], 10],
    ]);
    for (const priority of ['low', 'high', 'default']) await app.platform.jobs.cancel(`p-${priority}`);
    const left =
      await sql`select 1 from graphile_worker._private_jobs where id = any(${ids}::bigint[])`.execute(
        app.platform.db,
      );
    expect(left.rows).toHaveLength(0);
  });

  it('rejects a payload that does not match the task schema when enqueuing', async () => {
    await expect(app.platform.jobs.enqueue(flaky, { failTimes: 'many' } as never)).rejects.toThrow();
  });

  it('exposes queue depth, run time and failures on /metrics', async () => {
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).toContain('job_queue_depth{state="ready"}');
    expect(res.body).toMatch(/job_run_duration_seconds_count\{task="test.flaky",outcome="success"\} 1/);
    expect(res.body).toMatch(/job_failures_total\{task="test.flaky"\} 2/);
  });
});

describe('cron time zones', () => {
  it('reads the wall clock of Asia/Seoul (UTC+9, no daylight saving)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (at) => {
          const seoul = new Date(at.getTime() + 9 * 3_600_000);
          expect(zonedDigest(at, 'Asia/Seoul')).toEqual({
            min: seoul.getUTCMinutes(),
            hour: seoul.getUTCHours(),
            date: seoul.getUTCDate(),
            month: seoul.getUTCMonth() + 1,
            dow: seoul.getUTCDay(),
          });
        },
      ),
    );
  });
});
