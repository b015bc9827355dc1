import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { TokenCount } from './structured.js';

/** What the gateway needs from the database: a pool, a client, or anything with pg's `query`. */
export type AiDb = Pick<pg.Pool, 'query'>;

/** Identifies one answer: same task, prompt version, model and input give the same key. */
export interface CacheKeyParts {
  task: string;
  promptVersion: number;
  provider: string;
  model: string;
  input: unknown;
}

export interface CachedAnswer {
  key: string;
  value: unknown;
  tokens: TokenCount;
}

/** SHA-256 over a canonical JSON of the parts, so key order in the input does not matter. */
export function cacheKey(parts: CacheKeyParts): string {
  return createHash('sha256').update(canonicalJson(parts)).digest('hex');
}

/** JSON with object keys sorted at every level. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

interface CacheRow {
  key: string;
  value: unknown;
  tokens_in: number;
  tokens_out: number;
}

/**
 * Looks up several candidate keys at once (one per provider of a route) and returns the hits by
 * key. The cache lives in PostgreSQL so every instance shares it; expired rows are ignored here
 * and removed by `purgeExpiredAiCache`.
 */
export async function readCache(db: AiDb, keys: readonly string[]): Promise<Map<string, CachedAnswer>> {
  if (keys.length === 0) return new Map();
  const { rows } = await db.query<CacheRow>(
    `select key, value, tokens_in, tokens_out from platform.ai_cache
      where key = any($1::text[]) and expires_at > now()`,
    [keys],
  );
  return new Map(
    rows.map((r) => [
      r.key,
      { key: r.key, value: r.value, tokens: { input: r.tokens_in, output: r.tokens_out } },
    ]),
  );
}

/** Stores an answer for `ttlS` seconds, replacing an older (possibly expired) one. */
export async function writeCache(
  db: AiDb,
  entry: { key: string; parts: CacheKeyParts; value: unknown; tokens: TokenCount; ttlS: number },
): Promise<void> {
  const { parts } = entry;
  await db.query(
    `insert into platform.ai_cache
       (key, task, provider, model, prompt_version, value, tokens_in, tokens_out, expires_at)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, now() + make_interval(secs => $9))
     on conflict (key) do update set value = excluded.value, tokens_in = excluded.tokens_in,
       tokens_out = excluded.tokens_out, created_at = now(), expires_at = excluded.expires_at`,
    [
      entry.key,
      parts.task,
      parts.provider,
      parts.model,
      parts.promptVersion,
      JSON.stringify(entry.value),
      entry.tokens.input,
      entry.tokens.output,
      entry.ttlS,
    ],
  );
}

/** Deletes expired cache rows; meant for a periodic job. Returns how many went. */
export async function purgeExpiredAiCache(db: AiDb): Promise<number> {
  const result = await db.query('delete from platform.ai_cache where expires_at <= now()');
  return result.rowCount ?? 0;
}
