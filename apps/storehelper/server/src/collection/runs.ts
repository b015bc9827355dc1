import { AppError } from '@app/platform';
import type { CollectionRun, ReviewPlatform } from '@app/storehelper-contracts';
import { sql } from 'kysely';
import { analyzeReviewsTask } from '../analysis/tasks.js';
import type { ShDb } from '../db.js';
import type { StorehelperDeps } from '../deps.js';
import type { CollectedReview, RunCounts } from './types.js';

/** A run left `running` this long died with its process; the next start marks it failed. */
const STALE_RUN_MS = 30 * 60_000;

type Trigger = 'schedule' | 'manual' | 'import';

/**
 * Collection runs and the one write path of collected reviews. A run is a row; a unique index
 * admits one `running` row per store, so two collections of one store (any instance, any source)
 * cannot overlap: the second start gets COLLECTION_RUNNING. Reviews are upserted by their platform
 * id (a review seen again updates its text, rating or owner reply and is analysed again only if its
 * content changed), and the analysis job is queued in the same transaction as the batch.
 */
export class CollectionRuns {
  constructor(private readonly deps: StorehelperDeps) {}

  async start(storeId: string, source: ReviewPlatform, trigger: Trigger): Promise<string> {
    await this.deps.db
      .updateTable('storehelper.collection_runs')
      .set({
        status: 'failed',
        error: 'The run stopped without finishing (process ended).',
        finished_at: new Date(),
      })
      .where('store_id', '=', storeId)
      .where('status', '=', 'running')
      .where('started_at', '<', new Date(Date.now() - STALE_RUN_MS))
      .execute();
    try {
      const row = await this.deps.db
        .insertInto('storehelper.collection_runs')
        .values({ store_id: storeId, source, trigger })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new AppError('COLLECTION_RUNNING');
      throw error;
    }
  }

  /**
   * Stores a batch of one run: upserts, counts, queues the analysis, and runs `alongside` in the
   * same transaction (an import attaches its file), all or nothing. Returns what changed.
   */
  async save(
    storeId: string,
    runId: string,
    reviews: readonly CollectedReview[],
    options: { errors?: number; alongside?: (trx: ShDb) => Promise<void> } = {},
  ): Promise<RunCounts> {
    const counts = { found: reviews.length, added: 0, updated: 0, errors: options.errors ?? 0 };
    await this.deps.db.transaction().execute(async (trx) => {
      await options.alongside?.(trx);
      for (let i = 0; i < reviews.length; i += 500) {
        const changed = await upsert(trx, storeId, reviews.slice(i, i + 500));
        counts.added += changed.filter((row) => row.inserted).length;
        counts.updated += changed.filter((row) => !row.inserted).length;
      }
      await trx
        .updateTable('storehelper.collection_runs')
        .set((eb) => ({
          found: eb('found', '+', counts.found),
          added: eb('added', '+', counts.added),
          updated: eb('updated', '+', counts.updated),
          errors: eb('errors', '+', counts.errors),
        }))
        .where('id', '=', runId)
        .execute();
      if (counts.added + counts.updated > 0)
        await this.deps.platform.jobs.enqueue(
          analyzeReviewsTask,
          { storeId },
          { key: `storehelper.analyze:${storeId}` },
          trx,
        );
    });
    return counts;
  }

  async finish(runId: string, error?: string): Promise<CollectionRun> {
    const row = await this.deps.db
      .updateTable('storehelper.collection_runs')
      .set({ status: error ? 'failed' : 'succeeded', error: error ?? null, finished_at: new Date() })
      .where('id', '=', runId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRun(row);
  }

  async list(storeId: string, limit = 30): Promise<CollectionRun[]> {
    const rows = await this.deps.db
      .selectFrom('storehelper.collection_runs')
      .selectAll()
      .where('store_id', '=', storeId)
      .orderBy('started_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toRun);
  }
}

/** Inserts new reviews and updates changed ones (same platform id); unchanged ones are left alone. */
async function upsert(db: ShDb, storeId: string, reviews: readonly CollectedReview[]) {
  if (reviews.length === 0) return [];
  // The same review twice in one batch: the last one wins (ON CONFLICT cannot touch a row twice).
  const unique = [...new Map(reviews.map((r) => [`${r.platform}\u0000${r.platformReviewId}`, r])).values()];
  const { rows } = await sql<{ inserted: boolean }>`
    insert into storehelper.reviews as r
      (store_id, platform, platform_review_id, author, rating, tags, text, photos, reviewed_at, owner_reply, owner_replied_at)
    select ${storeId}::uuid, v.platform, v.platform_review_id, v.author, v.rating, v.tags, v.text, v.photos, v.reviewed_at,
           v.owner_reply, v.owner_replied_at
    from jsonb_to_recordset(${JSON.stringify(
      unique.map((r) => ({
        platform: r.platform,
        platform_review_id: r.platformReviewId,
        author: r.author,
        rating: r.rating,
        tags: r.tags,
        text: r.text,
        photos: r.photos,
        reviewed_at: r.reviewedAt.toISOString(),
        owner_reply: r.ownerReply,
        owner_replied_at: r.ownerRepliedAt?.toISOString() ?? null,
      })),
    )}::jsonb) as v(platform text, platform_review_id text, author text, rating smallint, tags text[], text text,
                   photos int, reviewed_at timestamptz, owner_reply text, owner_replied_at timestamptz)
    on conflict (store_id, platform, platform_review_id) do update set
      author = excluded.author, rating = excluded.rating, tags = excluded.tags, text = excluded.text,
      photos = excluded.photos, reviewed_at = excluded.reviewed_at,
      owner_reply = excluded.owner_reply, owner_replied_at = excluded.owner_replied_at,
      -- Changed content is analysed again.
      analyzed_at = case when r.text is distinct from excluded.text or r.rating is distinct from excluded.rating
                           or r.tags is distinct from excluded.tags then null else r.analyzed_at end,
      updated_at = now()
    where (r.author, r.rating, r.tags, r.text, r.photos, r.owner_reply)
      is distinct from (excluded.author, excluded.rating, excluded.tags, excluded.text, excluded.photos, excluded.owner_reply)
    returning (xmax = 0) as inserted`.execute(db);
  return rows;
}

function toRun(row: {
  id: string;
  source: string;
  trigger: string;
  status: string;
  found: number;
  added: number;
  updated: number;
  errors: number;
  error: string | null;
  started_at: Date;
  finished_at: Date | null;
}): CollectionRun {
  return {
    id: row.id,
    source: row.source as CollectionRun['source'],
    trigger: row.trigger as CollectionRun['trigger'],
    status: row.status as CollectionRun['status'],
    found: row.found,
    added: row.added,
    updated: row.updated,
    errors: row.errors,
    error: row.error,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}
