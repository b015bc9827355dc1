import type { Page } from 'playwright-core';
import { SourceLayoutError } from '../collection/source.js';
import type { CollectedReview } from '../collection/types.js';
import { parseReviewDate } from './dates.js';
import {
  checkList,
  firstReviewText,
  hashedReviewId,
  type LayoutSpec,
  optionalText,
  type RawPage,
  readPage,
  requireText,
  trimmed,
  waitForList,
  waitForNewFirst,
} from './extract.js';
import { type CrawlOptions, loadPage } from './navigate.js';

/**
 * Kakao Map's place page (`/<id>`), its "후기" (reviews) section: stars drawn as a bar whose width is
 * the rating (20% a star), five reviews a page, page links under the list. Reviews carry their id in
 * `data-commentid`; one without it gets a `hashedReviewId`.
 */
export const KAKAO_LAYOUT: LayoutSpec = {
  platform: 'kakao',
  list: '.evaluation_review .list_evaluation',
  item: ':scope > li',
  empty: '.evaluation_review .empty_evaluation',
  fields: {
    id: { selector: '', read: 'attr', attr: 'data-commentid' },
    author: { selector: '.append_item .link_user', read: 'text' },
    stars: { selector: '.star_info .inner_star', read: 'width' },
    date: { selector: '.append_item .time_write', read: 'text' },
    text: { selector: '.txt_comment', read: 'text' },
    photos: { selector: '.list_photo .link_photo', read: 'count' },
    reply: { selector: '.cmt_owner .txt_owner', read: 'text' },
    replied: { selector: '.cmt_owner .time_owner', read: 'text' },
  },
};

/** A page link under the list ("2", "3", ...); the current page is not a link. */
export const KAKAO_PAGE_LINK = '.paging_comm a.link_page';

/** The place page, its review section. */
export function kakaoPlaceUrl(baseUrl: string, placeId: string): string {
  return `${baseUrl}/${encodeURIComponent(placeId)}#comment`;
}

/** Stars from the bar's width ("80%" -> 4), or null when it is not a width of 1 to 5 stars. */
export function starsFromWidth(width: string): number | null {
  const match = /^(\d+(?:\.\d+)?)%$/.exec(width.trim());
  if (!match) return null;
  const stars = Math.round(Number(match[1]) / 20);
  return stars >= 1 && stars <= 5 ? stars : null;
}

/**
 * The reviews of a read page, or `SourceLayoutError` naming what is missing: the list, the reviews
 * in it, an author, a star rating, a date (or one in a form we do not know).
 */
export function kakaoReviews(raw: RawPage, now: Date): CollectedReview[] {
  checkList(raw, KAKAO_LAYOUT);
  return raw.items.map((item, index): CollectedReview => {
    const author = requireText(KAKAO_LAYOUT, item, 'author', 'author', index);
    const width = requireText(KAKAO_LAYOUT, item, 'stars', 'star rating', index);
    const rating = starsFromWidth(width);
    const dateText = requireText(KAKAO_LAYOUT, item, 'date', 'date', index);
    const reviewedAt = parseReviewDate(dateText, now);
    if (rating === null || !reviewedAt)
      throw new SourceLayoutError(
        'kakao',
        `kakao: review ${index + 1} has ${rating === null ? `a star rating ("${width}")` : `a date ("${dateText.slice(0, 40)}")`} the parser does not know; the page layout changed`,
      );
    const text = optionalText(item, 'text');
    const id = optionalText(item, 'id');
    const reply = optionalText(item, 'reply');
    const repliedText = optionalText(item, 'replied');
    return {
      platform: 'kakao',
      platformReviewId: /^[0-9A-Za-z_-]{1,100}$/.test(id)
        ? id
        : hashedReviewId('kakao', { author, date: reviewedAt, text, tags: [] }),
      author: trimmed(author, 200),
      rating,
      tags: [],
      text: trimmed(text, 10_000),
      photos: typeof item.photos === 'number' ? item.photos : 0,
      reviewedAt,
      ownerReply: reply ? trimmed(reply, 10_000) : null,
      ownerRepliedAt: reply && repliedText ? parseReviewDate(repliedText, now) : null,
    };
  });
}

/**
 * A place's reviews a page at a time: the place page, then the page link "2", "3", ... (each click
 * takes a politeness turn) until there is no next link or `maxPages` pages were read.
 */
export async function* crawlKakao(
  page: Page,
  baseUrl: string,
  placeId: string,
  options: CrawlOptions,
): AsyncGenerator<CollectedReview[]> {
  await loadPage(page, kakaoPlaceUrl(baseUrl, placeId), 'kakao', placeId, options);
  await waitForList(page, KAKAO_LAYOUT);
  let batch = kakaoReviews(await readPage(page, KAKAO_LAYOUT), options.now());
  if (batch.length > 0) yield batch;
  for (let next = 2; next <= options.maxPages; next++) {
    const link = page.locator(KAKAO_PAGE_LINK).filter({ hasText: new RegExp(`^\\s*${next}\\s*$`) });
    if ((await link.count()) === 0) return;
    const before = await firstReviewText(page, KAKAO_LAYOUT);
    await options.politeness.turn('kakao', options.signal);
    await link.first().click();
    await waitForNewFirst(page, KAKAO_LAYOUT, before);
    batch = kakaoReviews(await readPage(page, KAKAO_LAYOUT), options.now());
    if (batch.length > 0) yield batch;
  }
}
