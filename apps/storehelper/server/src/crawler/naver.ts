import type { Page } from 'playwright-core';
import { SourceLayoutError } from '../collection/source.js';
import type { CollectedReview } from '../collection/types.js';
import { parseReviewDate } from './dates.js';
import {
  checkList,
  hashedReviewId,
  type LayoutSpec,
  optionalText,
  type RawPage,
  readPage,
  requireText,
  texts,
  trimmed,
  waitForList,
  waitForMore,
} from './extract.js';
import { type CrawlOptions, loadPage } from './navigate.js';

/**
 * Naver Place's mobile visitor-review page (`/place/<id>/review/visitor`). Its class names are
 * generated (`pui__…`) and change with Naver's releases: that is what the layout check is for.
 * Naver shows no review ids, so ids are `hashedReviewId` of author, visit day, text and keywords.
 */
export const NAVER_LAYOUT: LayoutSpec = {
  platform: 'naver',
  list: '#_review_list',
  item: 'li.pui__X35jYm',
  empty: '.place_section_empty',
  fields: {
    author: { selector: '.pui__NMi-Dp', read: 'text' },
    visited: { selector: '.pui__QKE5Pr time', read: 'text' },
    text: { selector: '.pui__vn15t2', read: 'text' },
    tags: { selector: '.pui__jhpEyP', read: 'texts' },
    photos: { selector: '.place_thumb', read: 'count' },
    reply: { selector: '.pui__J0tczd', read: 'text' },
    replied: { selector: '.pui__4APmFd time', read: 'text' },
  },
};

/** The "펼쳐서 더보기" button under the list: it appends the next ten reviews. */
export const NAVER_MORE = 'a.fvwqf';

/** Keyword chips that only open the hidden rest ("+2") are not keywords. */
const MORE_CHIP = /^\+\d+$/;
/** Below this many reviews, a batch with no text and no keywords at all is believable. */
const BLANK_BATCH_MIN = 3;

/** The page of a place's reviews, newest first. */
export function naverReviewUrl(baseUrl: string, placeId: string): string {
  return `${baseUrl}/place/${encodeURIComponent(placeId)}/review/visitor?reviewSort=recent`;
}

/**
 * The reviews of a read page (those from its `from`th on), or `SourceLayoutError` naming what is
 * missing: the list, the reviews in it, an author or visit date, a date in a form we do not know,
 * or text and keywords on every review of the batch (their selectors no longer match).
 */
export function naverReviews(raw: RawPage, now: Date, from = 0): CollectedReview[] {
  checkList(raw, NAVER_LAYOUT);
  const reviews = raw.items.map((item, i): CollectedReview => {
    const index = from + i;
    const author = requireText(NAVER_LAYOUT, item, 'author', 'author nickname', index);
    const visited = requireText(NAVER_LAYOUT, item, 'visited', 'visit date', index);
    const reviewedAt = parseReviewDate(visited, now);
    if (!reviewedAt)
      throw new SourceLayoutError(
        'naver',
        `naver: review ${index + 1} has a visit date the parser does not know ("${visited.slice(0, 40)}"); the page layout changed`,
      );
    const text = optionalText(item, 'text');
    const tags = texts(item, 'tags').filter((tag) => !MORE_CHIP.test(tag));
    const reply = optionalText(item, 'reply');
    const repliedText = optionalText(item, 'replied');
    return {
      platform: 'naver',
      platformReviewId: hashedReviewId('naver', { author, date: reviewedAt, text, tags }),
      author: trimmed(author, 200),
      rating: null,
      tags,
      text: trimmed(text, 10_000),
      photos: typeof item.photos === 'number' ? item.photos : 0,
      reviewedAt,
      ownerReply: reply ? trimmed(reply, 10_000) : null,
      ownerRepliedAt: reply && repliedText ? parseReviewDate(repliedText, now) : null,
    };
  });
  if (reviews.length >= BLANK_BATCH_MIN && reviews.every((r) => r.text === '' && r.tags.length === 0))
    throw new SourceLayoutError(
      'naver',
      `naver: none of ${reviews.length} reviews has text (${NAVER_LAYOUT.fields.text?.selector}) or keywords (${NAVER_LAYOUT.fields.tags?.selector}); the page layout changed`,
    );
  return reviews;
}

/**
 * A place's reviews in batches: the first page, then one "more" click per batch (each click takes a
 * politeness turn) until the button is gone or `maxPages` batches were read.
 */
export async function* crawlNaver(
  page: Page,
  baseUrl: string,
  placeId: string,
  options: CrawlOptions,
): AsyncGenerator<CollectedReview[]> {
  await loadPage(page, naverReviewUrl(baseUrl, placeId), 'naver', placeId, options);
  await waitForList(page, NAVER_LAYOUT);
  let raw = await readPage(page, NAVER_LAYOUT);
  let batch = naverReviews(raw, options.now());
  if (batch.length > 0) yield batch;
  let seen = raw.total;
  for (let read = 1; read < options.maxPages; read++) {
    const more = page.locator(NAVER_MORE).first();
    if ((await more.count()) === 0 || !(await more.isVisible())) return;
    await options.politeness.turn('naver', options.signal);
    await more.click();
    await waitForMore(page, NAVER_LAYOUT, NAVER_MORE, seen);
    raw = await readPage(page, NAVER_LAYOUT, seen);
    if (raw.total <= seen) return;
    batch = naverReviews(raw, options.now(), seen);
    seen = raw.total;
    if (batch.length > 0) yield batch;
  }
}
