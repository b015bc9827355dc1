import { analyzeShopReview } from '@app/nlp';
import { sql } from 'kysely';
import type { StorehelperDeps } from '../deps.js';
import { negativeReviewNotification } from './notifications.js';
import { analyzeReviewsTask } from './tasks.js';

/** Reviews analysed per job run; a store with more pending queues the next run. */
const BATCH = 1_000;
/** At or below this calibrated score a review is urgent (the seed's alert line). */
export const URGENT_SCORE = -0.3;
/** Ratings at or below this are urgent whatever the text says. */
export const URGENT_RATING = 2;
/** Only reviews this recent raise an alert (an import of last year's reviews must not page anyone). */
const ALERT_WINDOW_MS = 7 * 86_400_000;

/** Calls made after a batch is analysed (auto-drafts), by review id. */
export type AfterAnalysis = (storeId: string, reviewIds: readonly string[]) => Promise<void>;

/**
 * The analysis of newly collected or changed reviews with the local engine: a sentiment score
 * calibrated for shop reviews (-1..1, positive/neutral/negative), sentiment per aspect (taste,
 * service, price, ...), keywords. A negative or low-rated recent review is marked urgent and raises
 * an alert (in-app, email and push to the owner, at once), once per review.
 */
export class ReviewAnalysis {
  constructor(
    private readonly deps: StorehelperDeps,
    private readonly after: AfterAnalysis = async () => {},
  ) {}

  /** Analyses one batch of the store's pending reviews; queues another run when more wait. */
  async run(storeId: string): Promise<number> {
    const pending = await this.deps.db
      .selectFrom('storehelper.reviews')
      .select(['id', 'text', 'rating', 'tags', 'reviewed_at'])
      .where('store_id', '=', storeId)
      .where('analyzed_at', 'is', null)
      .orderBy('reviewed_at', 'desc')
      .limit(BATCH)
      .execute();
    if (pending.length === 0) return 0;
    const results = pending.map((review) => {
      const analysis = analyzeShopReview(review.text, {
        ...(review.rating !== null ? { rating: review.rating } : {}),
        tags: review.tags,
      });
      const urgent =
        analysis.score <= URGENT_SCORE || (review.rating !== null && review.rating <= URGENT_RATING);
      return { review, analysis, urgent };
    });
    const alerting = results.filter(
      (r) => r.urgent && Date.now() - r.review.reviewed_at.getTime() < ALERT_WINDOW_MS,
    );
    const raised = await this.deps.db.transaction().execute(async (trx) => {
      await sql`
        update storehelper.reviews r set
          sentiment = v.sentiment, sentiment_label = v.label, aspects = v.aspects, keywords = v.keywords,
          urgent = v.urgent, analyzed_at = now()
        from jsonb_to_recordset(${JSON.stringify(
          results.map(({ review, analysis, urgent }) => ({
            id: review.id,
            sentiment: Math.round(analysis.score * 1000) / 1000,
            label: analysis.label,
            aspects: analysis.aspects,
            keywords: analysis.keywords.slice(0, 10),
            urgent,
          })),
        )}::jsonb) as v(id uuid, sentiment real, label text, aspects jsonb, keywords text[], urgent boolean)
        where r.id = v.id`.execute(trx);
      if (alerting.length === 0) return [];
      return trx
        .insertInto('storehelper.alerts')
        .values(alerting.map((r) => ({ store_id: storeId, review_id: r.review.id, kind: 'negative-review' })))
        .onConflict((oc) => oc.columns(['review_id', 'kind']).doNothing())
        .returning(['id', 'review_id'])
        .execute();
    });
    if (raised.length > 0) await this.notify(storeId, raised);
    await this.after(
      storeId,
      results.map((r) => r.review.id),
    );
    if (pending.length === BATCH)
      await this.deps.platform.jobs.enqueue(
        analyzeReviewsTask,
        { storeId },
        { key: `storehelper.analyze:${storeId}` },
      );
    return pending.length;
  }

  private async notify(
    storeId: string,
    alerts: readonly { id: string; review_id: string | null }[],
  ): Promise<void> {
    const store = await this.deps.db
      .selectFrom('storehelper.stores')
      .select(['owner_id', 'name', 'competitor_of'])
      .where('id', '=', storeId)
      .executeTakeFirstOrThrow();
    // A competitor's bad review is information, not an emergency.
    if (store.competitor_of) return;
    for (const alert of alerts) {
      const review = await this.deps.db
        .selectFrom('storehelper.reviews')
        .select(['text', 'rating', 'platform'])
        .where('id', '=', alert.review_id ?? '')
        .executeTakeFirst();
      if (!review) continue;
      await this.deps.platform.notifications.send(negativeReviewNotification, {
        userId: store.owner_id,
        dedupeKey: `storehelper.alert:${alert.id}`,
        data: {
          store: store.name,
          storeId,
          reviewId: alert.review_id,
          rating: review.rating === null ? '-' : `${review.rating}★`,
          excerpt: review.text.length > 80 ? `${review.text.slice(0, 80)}…` : review.text,
        },
      });
    }
  }
}
