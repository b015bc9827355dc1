import { z } from 'zod';

/** A job with no attempts left, as the admin endpoint lists it. */
export const failedJobSchema = z
  .object({
    id: z.string().describe('Job id (graphile-worker, a bigint as a string)'),
    task: z.string(),
    payload: z.unknown(),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    lastError: z.string().nullable(),
    key: z.string().nullable(),
    createdAt: z.iso.datetime(),
    failedAt: z.iso.datetime(),
  })
  .meta({ id: 'FailedJob' });
export type FailedJob = z.infer<typeof failedJobSchema>;

/** `POST /api/v1/admin/jobs/retry`: ids of failed jobs to run again. */
export const retryJobsSchema = z.object({
  ids: z
    .array(z.string().regex(/^\d{1,19}$/))
    .min(1)
    .max(1000),
});

export const retryJobsResultSchema = z.object({
  retried: z
    .array(z.string())
    .describe('Ids given a fresh set of attempts (running or unknown ids are skipped)'),
});
