import type { AiDb } from './cache.js';

/** One metered call: an answer served (from a provider, the cache or the local engine) or a failed attempt. */
export interface UsageRecord {
  id: string;
  userId: string | undefined;
  app: string;
  task: string;
  provider: string;
  model: string;
  promptVersion: number | undefined;
  status: 'ok' | 'error';
  cached: boolean;
  tokensIn: number;
  tokensOut: number;
  credits: number;
  latencyMs: number;
  experiment: string | undefined;
  arm: string | undefined;
  error: string | undefined;
}

/** Writes one usage row. */
export async function recordUsage(db: AiDb, row: UsageRecord): Promise<void> {
  await db.query(
    `insert into platform.ai_usage (id, user_id, app, task, provider, model, prompt_version, status,
       cached, tokens_in, tokens_out, credits, latency_ms, experiment, arm, error)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      row.id,
      row.userId ?? null,
      row.app,
      row.task,
      row.provider,
      row.model,
      row.promptVersion ?? null,
      row.status,
      row.cached,
      row.tokensIn,
      row.tokensOut,
      row.credits,
      Math.round(row.latencyMs),
      row.experiment ?? null,
      row.arm ?? null,
      row.error ?? null,
    ],
  );
}

/** Totals of metered usage over a period. */
export interface UsageSummary {
  calls: number;
  cachedCalls: number;
  failedAttempts: number;
  tokensIn: number;
  tokensOut: number;
  credits: number;
}

// int8 comes back as a string unless the platform's type parser is installed; Number() handles both.
type Int8 = number | string;

interface SummaryRow {
  calls: Int8;
  cached_calls: Int8;
  failed: Int8;
  tokens_in: Int8;
  tokens_out: Int8;
  credits: Int8;
}

/** Sums usage of a user and/or an app since a time (e.g. to show or charge credits). */
export async function summarizeUsage(
  db: AiDb,
  filter: { userId?: string | undefined; app?: string | undefined; since: Date },
): Promise<UsageSummary> {
  const { rows } = await db.query<SummaryRow>(
    `select count(*) filter (where status = 'ok')::int8 as calls,
            count(*) filter (where status = 'ok' and cached)::int8 as cached_calls,
            count(*) filter (where status = 'error')::int8 as failed,
            coalesce(sum(tokens_in), 0)::int8 as tokens_in,
            coalesce(sum(tokens_out), 0)::int8 as tokens_out,
            coalesce(sum(credits), 0)::int8 as credits
       from platform.ai_usage
      where created_at >= $1 and ($2::text is null or user_id = $2) and ($3::text is null or app = $3)`,
    [filter.since, filter.userId ?? null, filter.app ?? null],
  );
  const row = rows[0];
  return {
    calls: Number(row?.calls ?? 0),
    cachedCalls: Number(row?.cached_calls ?? 0),
    failedAttempts: Number(row?.failed ?? 0),
    tokensIn: Number(row?.tokens_in ?? 0),
    tokensOut: Number(row?.tokens_out ?? 0),
    credits: Number(row?.credits ?? 0),
  };
}
