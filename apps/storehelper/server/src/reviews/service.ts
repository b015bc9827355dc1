import { decodeCursor, notFound, toPage } from '@app/platform';
import type { Review } from '@app/storehelper-contracts';
import { reviewListQuerySchema } from '@app/storehelper-contracts';
import { z } from 'zod';
import type { StorehelperDeps } from '../deps.js';
import { reviewConditions } from './filters.js';
import { type ReviewRow, toReview } from './mapper.js';

/** A store's reviews: the inbox (newest first, filtered), one review, alerts. */
export class ReviewService {
  constructor(private readonly deps: StorehelperDeps) {}

  async timeZoneOf(storeId: string): Promise<string> {
    const row = await this.deps.db
      .selectFrom('storehelper.stores')
      .select('time_zone')
      .where('id', '=', storeId)
      .executeTakeFirst();
    if (!row) throw notFound('Store');
    return row.time_zone;
  }

  async list(storeId: string, rawQuery: unknown) {
    const query = reviewListQuerySchema.parse(rawQuery);
    const zone = await this.timeZoneOf(storeId);
    let q = this.deps.db
      .selectFrom('storehelper.reviews as r')
      .selectAll('r')
      .where('r.store_id', '=', storeId)
      .where((eb) => reviewConditions(eb, query, zone))
      .orderBy('r.reviewed_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(query.limit + 1);
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
      q = q.where((eb) =>
        eb.or([
          eb('r.reviewed_at', '<', new Date(at)),
          eb.and([eb('r.reviewed_at', '=', new Date(at)), eb('r.id', '<', id)]),
        ]),
      );
    }
    const page = toPage(await q.execute(), query.limit, (row) => [row.reviewed_at.toISOString(), row.id]);
    return { items: await this.withReplies(page.items), nextCursor: page.nextCursor };
  }

  async get(reviewId: string): Promise<Review> {
    const row = await this.row(reviewId);
    return (await this.withReplies([row]))[0] as Review;
  }

  async row(reviewId: string): Promise<ReviewRow> {
    const row = await this.deps.db
      .selectFrom('storehelper.reviews')
      .selectAll()
      .where('id', '=', reviewId)
      .executeTakeFirst();
    if (!row) throw notFound('Review');
    return row;
  }

  async withReplies(rows: readonly ReviewRow[]): Promise<Review[]> {
    if (rows.length === 0) return [];
    const replies = await this.deps.db
      .selectFrom('storehelper.replies')
      .selectAll()
      .where(
        'review_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    const byReview = new Map(replies.map((r) => [r.review_id, r]));
    return rows.map((row) => toReview(row, byReview.get(row.id)));
  }

  async alerts(storeId: string, options: { open: boolean }) {
    let q = this.deps.db
      .selectFrom('storehelper.alerts')
      .selectAll()
      .where('store_id', '=', storeId)
      .orderBy('created_at', 'desc')
      .limit(100);
    if (options.open) q = q.where('acknowledged_at', 'is', null);
    const rows = await q.execute();
    return {
      items: rows.map((row) => ({
        id: row.id,
        storeId: row.store_id,
        reviewId: row.review_id,
        kind: row.kind as 'negative-review' | 'parser-broken',
        detail: row.detail as Record<string, unknown>,
        createdAt: row.created_at.toISOString(),
        acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
      })),
    };
  }

  async acknowledge(storeId: string, alertId: string): Promise<void> {
    const result = await this.deps.db
      .updateTable('storehelper.alerts')
      .set({ acknowledged_at: new Date() })
      .where('id', '=', alertId)
      .where('store_id', '=', storeId)
      .where('acknowledged_at', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound('Alert');
  }
}
