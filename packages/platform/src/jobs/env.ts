import { timeZoneSchema } from '@app/contracts';
import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();

/** Environment variables of the job queue (documented in .env.example). */
export const jobsEnvShape = {
  JOBS_CONCURRENCY: positiveInt.max(100).default(5),
  JOBS_TIME_ZONE: timeZoneSchema.default('Asia/Seoul'),
  JOBS_POLL_INTERVAL_MS: positiveInt.min(50).max(60_000).default(2_000),
  JOBS_MAX_ATTEMPTS: positiveInt.max(100).default(10),
  JOBS_HEARTBEAT_MS: positiveInt.min(50).max(300_000).default(10_000),
  JOBS_WORKER_STALE_MS: positiveInt.min(200).max(3_600_000).default(60_000),
  JOBS_LOCAL_QUEUE_SIZE: z.coerce.number().int().min(0).max(1_000).default(0),
  JOBS_COMPLETE_BATCH_MS: z.coerce.number().int().min(-1).max(5_000).default(-1),
};

type JobsEnv = z.infer<z.ZodObject<typeof jobsEnvShape>>;

/** Settings of the job queue and its worker. */
export interface JobsConfig {
  /** Jobs one worker process runs at the same time. */
  readonly concurrency: number;
  /** Time zone of cron schedules. */
  readonly timeZone: string;
  /** Fallback polling for jobs scheduled in the future (new jobs arrive by LISTEN/NOTIFY). */
  readonly pollIntervalMs: number;
  /** Attempts of a job unless its task says otherwise. */
  readonly maxAttempts: number;
  /** How often a worker process says it is alive. */
  readonly heartbeatMs: number;
  /** A worker silent this long is presumed dead and its job locks are released. */
  readonly workerStaleMs: number;
  /** Jobs a worker fetches (and locks) at once; 0 = one at a time. */
  readonly localQueueSize: number;
  /** Wait this long to complete finished jobs in one statement; -1 = each at once. */
  readonly completeBatchMs: number;
}

export function toJobsConfig(env: JobsEnv): JobsConfig {
  return {
    concurrency: env.JOBS_CONCURRENCY,
    timeZone: env.JOBS_TIME_ZONE,
    pollIntervalMs: env.JOBS_POLL_INTERVAL_MS,
    maxAttempts: env.JOBS_MAX_ATTEMPTS,
    heartbeatMs: env.JOBS_HEARTBEAT_MS,
    workerStaleMs: env.JOBS_WORKER_STALE_MS,
    localQueueSize: env.JOBS_LOCAL_QUEUE_SIZE,
    completeBatchMs: env.JOBS_COMPLETE_BATCH_MS,
  };
}
