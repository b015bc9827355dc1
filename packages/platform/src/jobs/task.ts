import type { z } from 'zod';
import type { Logger } from '../observability/logger.js';

/** Priorities of the queue (seed 002): notifications and payments high, AI and stats default, cleanup and reports low. */
export type JobPriority = 'high' | 'default' | 'low';

/** graphile-worker runs lower numbers first. */
export const priorityValue: Record<JobPriority, number> = { high: -10, default: 0, low: 10 };

/**
 * A kind of job: its name and payload schema. Declared once as a module constant, so enqueuing
 * (any role) and handling (the worker) share one typed definition.
 */
export interface TaskType<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly schema: S;
  readonly priority: JobPriority;
  /** Attempts before the job counts as failed; unset = JOBS_MAX_ATTEMPTS. */
  readonly maxAttempts: number | undefined;
}

/** Declares a task type: `taskType('storehelper.crawl', z.object({ storeId: z.uuid() }), { priority: 'low' })`. */
export function taskType<S extends z.ZodType>(
  name: string,
  schema: S,
  options: { priority?: JobPriority; maxAttempts?: number } = {},
): TaskType<S> {
  if (!/^[a-z][a-z0-9]*(\.[a-zA-Z0-9_-]+)+$/.test(name))
    throw new Error(`task name "${name}" must be namespaced, e.g. "notifications.send"`);
  return Object.freeze({
    name,
    schema,
    priority: options.priority ?? 'default',
    maxAttempts: options.maxAttempts,
  });
}

/** What a handler gets besides its payload. */
export interface TaskContext {
  readonly jobId: string;
  /** 1 on the first run; a rerun after a crash or an error counts up. */
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly key: string | null;
  readonly logger: Logger;
  /** Set when a cron schedule created the job: the scheduled minute (ISO) and whether it was caught up. */
  readonly cron: { readonly ts: string; readonly backfilled: boolean } | undefined;
  /** Aborted when the worker is shutting down: long handlers should stop and throw. */
  readonly signal: AbortSignal | undefined;
}

/**
 * Runs one job. Handlers must be idempotent: a job runs at least once, and again after a crash
 * mid-way (use the job id or a business key to make the effect happen once).
 */
export type TaskHandler<S extends z.ZodType> = (payload: z.infer<S>, context: TaskContext) => Promise<void>;

/** Options of one enqueued job. */
export interface EnqueueOptions {
  /**
   * De-duplication key: while a job with this key waits, enqueuing again replaces it (payload,
   * run time) instead of adding a second job.
   */
  key?: string;
  /** `replace` (default) updates the waiting job; `keep` leaves the first one untouched. */
  keyMode?: 'replace' | 'keep';
  /** Jobs with the same serial key run one at a time, in order (e.g. one crawl per store). */
  serialKey?: string;
  /** Earliest start. */
  runAt?: Date;
  priority?: JobPriority;
  maxAttempts?: number;
}

/** A cron schedule: run `task` with `payload` whenever `pattern` matches in `timeZone`. */
export interface Schedule<S extends z.ZodType = z.ZodType> {
  /** Stable identifier (keeps the schedule's history across restarts and deploys). */
  id: string;
  /** Standard 5-field cron pattern, e.g. `0 2 * * *` (daily 02:00), `0 3 * * 1` (Mondays 03:00). */
  pattern: string;
  task: TaskType<S>;
  payload: z.input<S>;
  /** Defaults to JOBS_TIME_ZONE (Asia/Seoul). */
  timeZone?: string;
  /** After downtime, run the missed occurrences of this long ago (ms); default 0 (skip them). */
  backfillMs?: number;
}
