import type { ReviewSource } from '../collection/source.js';
import type { CollectedReview } from '../collection/types.js';
import type { StoreRow } from '../stores/mapper.js';
import { type GoogleBusiness, reviewsParent } from './business.js';
import { toCollectedReview, updatedAt } from './mapper.js';

/** Pages read at most in one run (50 reviews each): a safety stop, far above any shop's count. */
const MAX_PAGES = 400;
/**
 * After a first full read, a run stops after the first page that reaches reviews changed before the
 * last successful run began, less this margin (a reply or edit Google dated a little earlier).
 */
const INCREMENTAL_MARGIN_MS = 7 * 24 * 3600_000;

/**
 * Google Business Profile as a review source: a store is set up for it when the server has a
 * Google client and the store is connected with a location chosen. Reviews come most recently
 * updated first, 50 a page; the API client retries 429/5xx and renews a refused token itself and
 * throws when it gives up (the collector then marks the run failed with its message).
 */
export function googleSource(google: GoogleBusiness): ReviewSource {
  const { db } = google.deps;
  return {
    platform: 'google',
    async configured(store: StoreRow) {
      if (!google.configured || store.competitor_of) return false;
      const connection = await google.connections.find(store.id);
      return connection !== undefined && reviewsParent(connection, store.google_location) !== undefined;
    },
    async *collect(store, context): AsyncIterable<CollectedReview[]> {
      const connection = await google.connections.find(store.id);
      const parent = connection && reviewsParent(connection, store.google_location);
      if (!parent) return;
      const last = await db
        .selectFrom('storehelper.collection_runs')
        .select('started_at')
        .where('store_id', '=', store.id)
        .where('source', '=', 'google')
        .where('status', '=', 'succeeded')
        .orderBy('started_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      const cutoff = last ? last.started_at.getTime() - INCREMENTAL_MARGIN_MS : undefined;
      const api = google.api(store.id, context.signal);
      let pageToken: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer = await api.reviews(parent, pageToken);
        const reviews: CollectedReview[] = [];
        let unreadable = 0;
        for (const raw of answer.reviews) {
          const review = toCollectedReview(raw);
          if (review) reviews.push(review);
          else unreadable++;
        }
        if (unreadable > 0)
          context.logger.warn(
            { storeId: store.id, unreadable },
            'storehelper: unreadable Google reviews skipped',
          );
        yield reviews;
        pageToken = answer.nextPageToken;
        if (!pageToken) return;
        // Most recently updated first: once a page reaches what the last run saw, so does the rest.
        const reachedSeen =
          cutoff !== undefined && answer.reviews.some((raw) => (updatedAt(raw)?.getTime() ?? 0) < cutoff);
        if (reachedSeen) return;
      }
    },
  };
}
