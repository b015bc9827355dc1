import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { z } from 'zod';
import { loadConfig, withConfig } from '../config/index.js';
import { createDb, createPool } from '../db/pool.js';
import { createLogger } from '../observability/logger.js';
import { Jobs } from './jobs.js';
import { type TaskContext, taskType } from './task.js';

/**
 * A task for the crash test: its effect (one row per job id) is idempotent, and every run is
 * recorded so the test can tell that it ran twice but took effect once.
 */
export const crashTask = taskType('test.crash', z.object({ label: z.string() }));

/** The effect of `crashTask`: recorded run, then the effect keyed by the job id. */
export async function crashEffect(db: ReturnType<typeof createDb>, context: TaskContext): Promise<void> {
  await sql`insert into public.crash_runs (job_id, attempt) values (${context.jobId}, ${context.attempt})`.execute(
    db,
  );
  await sql`insert into public.crash_effects (job_id) values (${context.jobId}) on conflict do nothing`.execute(
    db,
  );
}

/** Child process: a worker whose handler does the effect and then hangs until it is killed. */
async function main(): Promise<void> {
  const config = withConfig(loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' }), {
    database: { url: process.env.DATABASE_URL },
  });
  const logger = createLogger(config);
  const pool = createPool(config, process.env.DATABASE_URL ?? '', logger);
  const db = createDb(pool);
  const jobs = new Jobs(db, config, logger);
  jobs.handle(crashTask, async (_payload, context) => {
    await crashEffect(db, context);
    process.stdout.write(`started ${context.jobId}\n`);
    await new Promise(() => {});
  });
  await jobs.start();
  process.stdout.write('ready\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
