import type { CollectedReview } from '../collection/types.js';
import { type GoogleReview, reviewSchema } from './shapes.js';

const STARS: Readonly<Record<string, number>> = { ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5 };
const TRANSLATED = '(Translated by Google)';
const ORIGINAL = '(Original)';

/**
 * The reviewer's own words of a Google review comment. For a reader in another language Google
 * adds its translation: either `<translation> (Original) <original>` after a leading
 * "(Translated by Google)", or `<original> (Translated by Google) <translation>`. The analysis and
 * the owner's reply are about what the customer wrote, so only the original part is kept.
 */
export function originalText(comment: string): string {
  const original = comment.indexOf(ORIGINAL);
  if (original >= 0) return comment.slice(original + ORIGINAL.length).trim();
  const translated = comment.indexOf(TRANSLATED);
  if (translated > 0) return comment.slice(0, translated).trim();
  if (translated === 0) return comment.slice(TRANSLATED.length).trim();
  return comment.trim();
}

/** A Google review in storehelper's one review model; undefined when it is not a readable review. */
export function toCollectedReview(raw: unknown): CollectedReview | undefined {
  const parsed = reviewSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const review: GoogleReview = parsed.data;
  const platformReviewId = review.reviewId ?? review.name.split('/').pop() ?? '';
  if (!platformReviewId || platformReviewId.length > 300) return undefined;
  const reply = review.reviewReply;
  return {
    platform: 'google',
    platformReviewId,
    // Anonymous reviewers are shown as "A Google user"; storehelper keeps no name for them.
    author: review.reviewer?.isAnonymous ? '' : (review.reviewer?.displayName ?? '').trim().slice(0, 200),
    rating: STARS[review.starRating ?? ''] ?? null,
    tags: [],
    text: originalText(review.comment ?? '').slice(0, 10_000),
    photos: review.reviewMediaItems?.length ?? 0,
    reviewedAt: new Date(review.createTime),
    ownerReply: reply ? reply.comment : null,
    ownerRepliedAt: reply?.updateTime ? new Date(reply.updateTime) : null,
  };
}

/** When a raw review was last changed (for the incremental stop); undefined when unreadable. */
export function updatedAt(raw: unknown): Date | undefined {
  const parsed = reviewSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  return new Date(parsed.data.updateTime ?? parsed.data.createTime);
}
