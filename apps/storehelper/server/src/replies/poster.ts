import type { ReviewRow } from '../reviews/mapper.js';
import type { StoreRow } from '../stores/mapper.js';

/**
 * Posts an approved reply where the platform has an API for it (Google Business Profile). Naver and
 * Kakao have none: their replies are copied by the owner and marked done.
 */
export interface ReplyPoster {
  readonly platform: 'google';
  /**
   * Whether the reply to this review can be posted: the store is connected, and the review is the
   * platform's own (not a spreadsheet row without the platform's review id).
   */
  canPost(store: StoreRow, review: Pick<ReviewRow, 'platform' | 'platform_review_id'>): Promise<boolean>;
  post(
    store: Pick<StoreRow, 'id'>,
    review: Pick<ReviewRow, 'platform' | 'platform_review_id'>,
    text: string,
  ): Promise<void>;
}
