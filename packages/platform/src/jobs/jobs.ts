import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import {
  Logger as GraphileLogger,
  type Job,
  type JobHelpers,
  type ParsedCronItem,
  type Runner,
  run,
  runMigrations,
  type TaskList,
  type WorkerEvents,
} from 'graphile-worker';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { z } from 'zod';
import type { Config } from '../config/index.js';
import type { PlatformDb } from '../db/pool.js';
import type { Logger } from '../observability/logger.js';
import { zonedCronItem } from './cron.js';
import { WorkerLiveness } from './liveness.js';
import { createJobMetrics, type JobMetrics } from './metrics.js';
import {
  type EnqueueOptions,
  priorityValue,
  type Schedule,
  type TaskContext,
  type TaskHandler,
  type TaskType,
} from './task.js';

/** Any Kysely executor: the database, or a transaction (enqueue atomically with a business write). */
// biome-ignore lint/suspicious/noExplicitAny: the executor may belong to any module's database type
type Executor = Kysely<any>;

interface Registered {
  type: TaskType;
  handler: TaskHandler<z.ZodType>;
}

/**
 * The job queue (graphile-worker on the platform's PostgreSQL, schema `graphile_worker`). Every
 * role enqueues; a process in role `worker` or `all` also runs the registered handlers and the
 * cron schedules once `start()` is called (the host does it after the apps registered theirs).
 */
export class Jobs {
  private readonly tasks = new Map<string, Registered>();
  private readonly schedules: Schedule[] = [];
  private readonly metrics: JobMetrics;
  private runner: Runner | undefined;
  private workerPool: pg.Pool | undefined;
  private liveness: WorkerLiveness | undefined;

  constructor(
    private readonly db: PlatformDb,
    private readonly config: Config,
    private readonly logger: Logger,
  ) {
    this.metrics = createJobMetrics(db);
  }

  /** Creates or upgrades graphile-worker's schema (idempotent; safe with several instances). */
  async migrate(pool: pg.Pool): Promise<void> {
    await migrateJobQueue(pool, this.graphileLogger());
  }

  /** Registers the handler of a task type (before `start()`). */
  handle<S extends z.ZodType>(type: TaskType<S>, handler: TaskHandler<S>): void {
    if (this.runner) throw new Error(`register task ${type.name} before the worker starts`);
    if (this.tasks.has(type.name)) throw new Error(`task ${type.name} already has a handler`);
    this.tasks.set(type.name, { type, handler: handler as TaskHandler<z.ZodType> });
  }

  /** Adds a cron schedule (before `start()`); its task needs a handler too. */
  schedule<S extends z.ZodType>(schedule: Schedule<S>): void {
    if (this.runner) throw new Error(`add schedule ${schedule.id} before the worker starts`);
    if (this.schedules.some((s) => s.id === schedule.id)) throw new Error(`schedule ${schedule.id} exists`);
    schedule.task.schema.parse(schedule.payload);
    this.schedules.push(schedule as unknown as Schedule);
  }

  /**
   * Adds a job; returns its id. The payload is validated against the task's schema here, so a bad
   * payload fails the caller, not the worker. Pass a transaction as `executor` to enqueue only if
   * the surrounding write commits.
   */
  async enqueue<S extends z.ZodType>(
    type: TaskType<S>,
    payload: z.input<S>,
    options: EnqueueOptions = {},
    executor: Executor = this.db,
  ): Promise<string> {
    const valid = type.schema.parse(payload);
    const { rows } = await sql<{ id: string }>`
      select id from graphile_worker.add_job(
        identifier => ${type.name},
        payload => ${JSON.stringify(valid ?? {})}::json,
        queue_name => ${options.serialKey ? `serial:${options.serialKey}` : null},
        run_at => ${options.runAt?.toISOString() ?? null}::timestamptz,
        max_attempts => ${options.maxAttempts ?? type.maxAttempts ?? this.config.jobs.maxAttempts}::int,
        job_key => ${options.key ?? null},
        priority => ${priorityValue[options.priority ?? type.priority]}::int,
        job_key_mode => ${options.keyMode === 'keep' ? 'preserve_run_at' : 'replace'}
      )`.execute(executor);
    const id = rows[0]?.id;
    if (id === undefined) throw new Error('add_job returned no job');
    return String(id);
  }

  /** Removes a waiting job by its key (e.g. a scheduled reminder that no longer applies). */
  async cancel(key: string): Promise<void> {
    await sql`select graphile_worker.remove_job(${key})`.execute(this.db);
  }

  /** Puts the job metrics (queue depth, run time, failures) on a Prometheus registry. */
  registerMetrics(registry: Parameters<JobMetrics['register']>[0]): void {
    this.metrics.register(registry);
  }

  /** Whether this process runs jobs. */
  get running(): boolean {
    return this.runner !== undefined;
  }

  /** Starts the worker: handlers, cron schedules, liveness. Call once, after every `handle()`. */
  async start(): Promise<void> {
    if (this.runner) return;
    const url = this.config.database.url;
    if (!url) throw new Error('the job worker needs config.database.url');
    const { concurrency } = this.config.jobs;
    // Its own pool: a long job must not starve HTTP requests of connections, and the other way round.
    this.workerPool = new pg.Pool({ connectionString: url, max: concurrency + 3 });
    this.workerPool.on('error', (error) => this.logger.warn({ err: error }, 'job worker pool error'));
    this.workerPool.on('connect', (client) => {
      client.on('error', (error) => this.logger.warn({ err: error }, 'job worker connection failed'));
    });
    this.liveness = new WorkerLiveness(this.db, {
      instanceId: this.config.instanceId,
      heartbeatMs: this.config.jobs.heartbeatMs,
      staleMs: this.config.jobs.workerStaleMs,
      logger: this.logger,
    });
    const events: WorkerEvents = new EventEmitter();
    events.on('worker:create', ({ worker }) => this.liveness?.add(worker.workerId));
    events.on('worker:stop', ({ worker }) => this.liveness?.remove(worker.workerId));
    events.on('job:failed', ({ job, error }) =>
      this.logger.error({ err: error, jobId: job.id, task: job.task_identifier }, 'job failed for good'),
    );
    this.runner = await run({
      pgPool: this.workerPool,
      concurrency,
      pollInterval: this.config.jobs.pollIntervalMs,
      noHandleSignals: true,
      // Batching (off by default): fetch several jobs per query and complete them together, which
      // multiplies throughput where commits are the bottleneck (bench/results/jobs.md).
      preset: {
        worker: {
          ...(this.config.jobs.localQueueSize > 1
            ? { localQueue: { size: this.config.jobs.localQueueSize } }
            : {}),
          completeJobBatchDelay: this.config.jobs.completeBatchMs,
        },
      },
      logger: this.graphileLogger(),
      events,
      taskList: this.taskList(),
      parsedCronItems: this.cronItems(),
    });
    this.liveness.start();
    this.logger.info(
      { tasks: [...this.tasks.keys()], schedules: this.schedules.length },
      'job worker started',
    );
  }

  /** Stops taking jobs, lets running ones finish (they see `signal` aborted), releases the pool. */
  async stop(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    if (runner) await runner.stop();
    await this.liveness?.stop();
    await this.workerPool?.end();
    this.workerPool = undefined;
  }

  /** Jobs with no attempts left, newest first (the admin endpoint's list). */
  async failed(options: { limit: number; beforeId?: string }): Promise<FailedJob[]> {
    const { rows } = await sql<FailedJobRow>`
      select j.id, j.task_identifier, p.payload, j.attempts, j.max_attempts, j.last_error, j.key,
        j.queue_name, j.created_at, j.updated_at
      from graphile_worker.jobs as j
      join graphile_worker._private_jobs as p using (id)
      where j.attempts >= j.max_attempts and j.locked_at is null
        and (${options.beforeId ?? null}::bigint is null or j.id < ${options.beforeId ?? null}::bigint)
      order by j.id desc
      limit ${options.limit}`.execute(this.db);
    return rows.map((row) => ({
      id: String(row.id),
      task: row.task_identifier,
      payload: row.payload,
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      lastError: row.last_error,
      key: row.key,
      createdAt: new Date(row.created_at).toISOString(),
      failedAt: new Date(row.updated_at).toISOString(),
    }));
  }

  /** Gives failed jobs a fresh set of attempts, due now; returns the ids that were retried. */
  async retry(ids: readonly string[]): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`
      select id from graphile_worker.reschedule_jobs(${ids}::bigint[], run_at => now(), attempts => 0)`.execute(
      this.db,
    );
    // Wake idle workers now rather than at their next poll.
    await sql`select pg_notify('jobs:insert', '')`.execute(this.db);
    return rows.map((row) => String(row.id));
  }

  private taskList(): TaskList {
    const list: TaskList = {};
    for (const [name, { type, handler }] of this.tasks) {
      list[name] = async (payload: unknown, helpers: JobHelpers) => {
        const started = performance.now();
        try {
          await handler(type.schema.parse(payload), this.contextOf(helpers.job, helpers, payload));
          this.metrics.observe(name, 'success', (performance.now() - started) / 1000);
        } catch (error) {
          this.metrics.observe(name, 'error', (performance.now() - started) / 1000);
          helpers.logger.warn(`attempt ${helpers.job.attempts} failed: ${String(error)}`);
          throw error;
        }
      };
    }
    return list;
  }

  private contextOf(job: Job, helpers: JobHelpers, payload: unknown): TaskContext {
    const cron = (payload as { _cron?: { ts: string; backfilled?: boolean } } | null)?._cron;
    return {
      jobId: String(job.id),
      attempt: job.attempts,
      maxAttempts: job.max_attempts,
      key: job.key,
      logger: this.logger.child({ jobId: String(job.id), task: job.task_identifier }),
      cron: cron ? { ts: cron.ts, backfilled: cron.backfilled ?? false } : undefined,
      signal: helpers.abortSignal,
    };
  }

  private cronItems(): ParsedCronItem[] {
    return this.schedules.map((schedule) => {
      if (!this.tasks.has(schedule.task.name))
        throw new Error(`schedule ${schedule.id}: task ${schedule.task.name} has no handler`);
      return zonedCronItem(
        {
          task: schedule.task.name,
          identifier: schedule.id,
          match: schedule.pattern,
          payload: (schedule.task.schema.parse(schedule.payload) ?? {}) as Record<string, unknown>,
          options: {
            backfillPeriod: schedule.backfillMs ?? 0,
            priority: priorityValue[schedule.task.priority],
            maxAttempts: schedule.task.maxAttempts ?? this.config.jobs.maxAttempts,
          },
        },
        schedule.timeZone ?? this.config.jobs.timeZone,
      );
    });
  }

  private graphileLogger(): GraphileLogger {
    const log = this.logger.child({ component: 'jobs' });
    return new GraphileLogger((scope) => (level, message, meta) => {
      const fields = { ...scope, ...meta };
      // graphile-worker's info lines are per-worker chatter; ours (above) say what matters.
      if (level === 'error') log.error(fields, message);
      else if (level === 'warning') log.warn(fields, message);
      else log.debug(fields, message);
    });
  }
}

/**
 * Creates or upgrades graphile-worker's own schema (`graphile_worker`). createPlatform does it at
 * every start (milliseconds when current); calling it where the platform's migrations run (host
 * migrate step, the test template) saves the first start of each fresh database about half a second.
 */
export async function migrateJobQueue(pool: pg.Pool, logger?: GraphileLogger): Promise<void> {
  await runMigrations({
    pgPool: pool,
    ...(logger ? { logger } : { logger: new GraphileLogger(() => () => {}) }),
  });
}

interface FailedJobRow {
  id: string;
  task_identifier: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  key: string | null;
  queue_name: string | null;
  created_at: string | Date;
  updated_at: string | Date;
}

/** A job with no attempts left. */
export interface FailedJob {
  id: string;
  task: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  key: string | null;
  createdAt: string;
  failedAt: string;
}
