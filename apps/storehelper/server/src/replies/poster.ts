import type { ReviewRow } from '../reviews/mapper.js';
import type { StoreRow } from '../stores/mapper.js';

/**
 * Posts an approved reply where the platform has an API for it (Google Business Profile). Naver and
 * Kakao have none: their replies are copied by the owner and marked done.
 */
export interface ReplyPoster {
  readonly platform: 'google';
  /** Whether this store is connected so replies can be posted. */
  connected(store: StoreRow): Promise<boolean>;
  post(
    store: Pick<StoreRow, 'id'>,
    review: Pick<ReviewRow, 'platform' | 'platform_review_id'>,
    text: string,
  ): Promise<void>;
}
