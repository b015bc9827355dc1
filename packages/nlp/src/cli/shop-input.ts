import type { ShopReviewOptions } from '../shop/analyze.js';

/**
 * Reads the optional shop fields of a CLI input line: `rating` (number 1–5) and `tags`
 * (array of strings). Throws with a message for the output line when they are malformed.
 */
export function shopInput(input: Record<string, unknown>): Pick<ShopReviewOptions, 'rating' | 'tags'> {
  const out: Pick<ShopReviewOptions, 'rating' | 'tags'> = {};
  const { rating, tags } = input;
  if (rating !== undefined && rating !== null) {
    if (typeof rating !== 'number' || !(rating >= 1 && rating <= 5)) {
      throw new Error('"rating" must be a number from 1 to 5');
    }
    out.rating = rating;
  }
  if (tags !== undefined && tags !== null) {
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) {
      throw new Error('"tags" must be an array of strings');
    }
    out.tags = tags;
  }
  return out;
}
