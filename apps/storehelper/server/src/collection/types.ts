import type { ReviewPlatform } from '@app/storehelper-contracts';

/** A review as a source delivers it, before it is stored: the one review model of every source. */
export interface CollectedReview {
  platform: ReviewPlatform;
  platformReviewId: string;
  author: string;
  /** 1..5, or null where the platform shows no stars (Naver keyword reviews). */
  rating: number | null;
  tags: string[];
  text: string;
  photos: number;
  reviewedAt: Date;
  ownerReply: string | null;
  ownerRepliedAt: Date | null;
}

/** What one collection did. */
export interface RunCounts {
  found: number;
  added: number;
  updated: number;
  errors: number;
}
