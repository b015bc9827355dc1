import { AppError } from '@app/platform';
import type { StorehelperDeps } from '../deps.js';
import { SHEET_REVIEW_ID_PREFIX } from '../imports/rows.js';
import type { ReplyPoster } from '../replies/poster.js';
import type { StoreRow } from '../stores/mapper.js';
import { type GoogleBusiness, reviewsParent } from './business.js';

/** Google limits a reply to 4,096 bytes (UTF-8: about 1,300 Korean characters). */
const MAX_REPLY_BYTES = 4096;

/**
 * Replies on Google: `postReply` creates or replaces the owner's reply on a review, `deleteReply`
 * removes it; both through the store's connection (retries and token renewal in the API client).
 * The stored review's `owner_reply` follows, so the next collection finds nothing changed.
 */
export class GoogleReplies implements ReplyPoster {
  readonly platform = 'google';
  private readonly deps: StorehelperDeps;

  constructor(private readonly google: GoogleBusiness) {
    this.deps = google.deps;
  }

  /**
   * Whether the reply to this review can be posted on Google: a Google review collected from Google
   * (not a spreadsheet row, which Google does not know), of a store connected with a location chosen.
   */
  async canPost(
    store: StoreRow,
    review: { readonly platform: string; readonly platform_review_id: string },
  ): Promise<boolean> {
    if (review.platform !== 'google' || review.platform_review_id.startsWith(SHEET_REVIEW_ID_PREFIX))
      return false;
    if (!this.google.configured || store.competitor_of) return false;
    const connection = await this.google.connections.find(store.id);
    return connection !== undefined && reviewsParent(connection, store.google_location) !== undefined;
  }

  async post(
    store: { readonly id: string },
    review: { readonly platform: string; readonly platform_review_id: string },
    text: string,
  ): Promise<void> {
    if (review.platform !== 'google')
      throw new AppError('CONFLICT', 'Only Google reviews can be answered through Google.');
    await this.postReply(store.id, review.platform_review_id, text);
  }

  async postReply(storeId: string, platformReviewId: string, text: string): Promise<void> {
    const comment = text.trim();
    if (!comment) throw new AppError('BAD_REQUEST', 'A reply needs some text.');
    if (Buffer.byteLength(comment, 'utf8') > MAX_REPLY_BYTES)
      throw new AppError(
        'BAD_REQUEST',
        `Google accepts replies of at most ${MAX_REPLY_BYTES} bytes; shorten it.`,
      );
    await this.google.api(storeId).putReply(await this.reviewName(storeId, platformReviewId), comment);
    await this.deps.db
      .updateTable('storehelper.reviews')
      .set({ owner_reply: comment, owner_replied_at: new Date(), updated_at: new Date() })
      .where('store_id', '=', storeId)
      .where('platform', '=', 'google')
      .where('platform_review_id', '=', platformReviewId)
      .execute();
  }

  async deleteReply(storeId: string, platformReviewId: string): Promise<void> {
    await this.google.api(storeId).deleteReply(await this.reviewName(storeId, platformReviewId));
    await this.deps.db
      .updateTable('storehelper.reviews')
      .set({ owner_reply: null, owner_replied_at: null, updated_at: new Date() })
      .where('store_id', '=', storeId)
      .where('platform', '=', 'google')
      .where('platform_review_id', '=', platformReviewId)
      .execute();
  }

  /** `accounts/{a}/locations/{l}/reviews/{id}` of the store's connection. */
  private async reviewName(storeId: string, platformReviewId: string): Promise<string> {
    const store = await this.deps.db
      .selectFrom('storehelper.stores')
      .select('google_location')
      .where('id', '=', storeId)
      .executeTakeFirst();
    const connection = await this.google.connections.find(storeId);
    const parent = connection && reviewsParent(connection, store?.google_location ?? null);
    if (!parent) throw new AppError('NOT_CONNECTED');
    return `${parent}/reviews/${encodeURIComponent(platformReviewId)}`;
  }
}
