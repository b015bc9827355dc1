import { createHash } from 'node:crypto';
import type { ImportField, ReviewPlatform } from '@app/storehelper-contracts';
import type { CollectedReview } from '../collection/types.js';
import type { Sheet } from './read-sheet.js';

/**
 * The id given to a spreadsheet row without a review id of its platform: such a review exists only
 * here, so a reply to it can be copied onto the platform but not posted through an API.
 */
export const SHEET_REVIEW_ID_PREFIX = 'sheet:';

export type Mapping = Partial<Record<ImportField, string>>;
export interface RowError {
  row: number;
  column: string | null;
  reason: string;
}

/** Header names (Korean and English) that suggest each field, compared without spaces and case. */
const SYNONYMS: Record<ImportField, string[]> = {
  platform: ['platform', 'source', 'site', '플랫폼', '채널', '출처'],
  platformReviewId: ['reviewid', 'id', '리뷰id', '리뷰번호', '번호'],
  author: ['author', 'name', 'reviewer', 'nickname', 'user', '작성자', '닉네임', '이름', '고객'],
  rating: ['rating', 'stars', 'star', 'score', '별점', '평점', '점수'],
  tags: ['tags', 'keywords', 'keyword', '키워드', '태그'],
  text: ['text', 'review', 'content', 'comment', 'body', '내용', '리뷰', '리뷰내용', '본문', '후기'],
  photos: ['photos', 'photo', 'images', '사진', '사진수'],
  reviewedAt: [
    'date',
    'reviewedat',
    'createdat',
    'created',
    'time',
    '날짜',
    '작성일',
    '작성일자',
    '방문일',
    '일자',
    '등록일',
  ],
  ownerReply: ['reply', 'ownerreply', 'response', '답글', '사장님답글', '답변'],
};

const squash = (s: string) => s.toLowerCase().replace(/[\s_\-./()]+/g, '');

/** The mapping the headers suggest: each field to the first header that names it. */
export function suggestMapping(headers: readonly string[]): Mapping {
  const out: Mapping = {};
  const used = new Set<string>();
  for (const field of Object.keys(SYNONYMS) as ImportField[]) {
    const header = headers.find((h) => !used.has(h) && SYNONYMS[field].includes(squash(h)));
    if (header) {
      out[field] = header;
      used.add(header);
    }
  }
  return out;
}

const PLATFORM_WORDS: Record<string, ReviewPlatform> = {
  naver: 'naver',
  네이버: 'naver',
  kakao: 'kakao',
  카카오: 'kakao',
  카카오맵: 'kakao',
  google: 'google',
  구글: 'google',
};

/**
 * The rows as reviews, or every row's problems: a missing date or text, an unreadable date or
 * rating, a column the mapping names that the sheet does not have. Rows without an id get a stable
 * one from their content, so importing the same sheet twice adds nothing.
 */
export function toReviews(
  sheet: Sheet,
  mapping: Mapping,
  defaultPlatform: ReviewPlatform,
  now = new Date(),
): { reviews: CollectedReview[]; errors: RowError[] } {
  const errors: RowError[] = [];
  for (const [field, header] of Object.entries(mapping))
    if (header && !sheet.headers.includes(header))
      errors.push({ row: 1, column: header, reason: `No column named “${header}” (for ${field})` });
  if (errors.length > 0) return { reviews: [], errors };
  const reviews: CollectedReview[] = [];
  for (const [index, values] of sheet.rows.entries()) {
    const row = sheet.firstRow + index;
    const get = (field: ImportField) => (mapping[field] ? (values[mapping[field] as string] ?? '') : '');
    const fail = (field: ImportField, reason: string) =>
      errors.push({ row, column: mapping[field] ?? null, reason });
    const text = get('text');
    const tags = splitTags(get('tags'));
    if (!text && tags.length === 0) {
      fail('text', 'The review has no text and no keywords');
      continue;
    }
    if (text.length > 10_000) {
      fail('text', 'The text is longer than 10,000 characters');
      continue;
    }
    const reviewedAt = parseDate(get('reviewedAt'), now);
    if (!reviewedAt) {
      fail('reviewedAt', `“${get('reviewedAt')}” is not a date`);
      continue;
    }
    const ratingText = get('rating');
    const rating = parseRating(ratingText);
    if (ratingText && rating === undefined) {
      fail('rating', `“${ratingText}” is not a rating from 1 to 5`);
      continue;
    }
    const platformText = squash(get('platform'));
    const platform = platformText ? PLATFORM_WORDS[platformText] : defaultPlatform;
    if (!platform) {
      fail('platform', `“${get('platform')}” is not Naver, Kakao or Google`);
      continue;
    }
    const photosText = get('photos');
    const photos = photosText ? Number(photosText) : 0;
    if (!Number.isInteger(photos) || photos < 0) {
      fail('photos', `“${photosText}” is not a number of photos`);
      continue;
    }
    const author = get('author').slice(0, 200);
    const reply = get('ownerReply');
    reviews.push({
      platform,
      platformReviewId:
        get('platformReviewId').slice(0, 300) ||
        `${SHEET_REVIEW_ID_PREFIX}${createHash('sha256')
          .update([platform, author, reviewedAt.toISOString(), text, tags.join(',')].join('\u0000'))
          .digest('hex')
          .slice(0, 32)}`,
      author,
      rating: rating ?? null,
      tags,
      text,
      photos,
      reviewedAt,
      ownerReply: reply || null,
      ownerRepliedAt: reply ? reviewedAt : null,
    });
  }
  return { reviews, errors };
}

function splitTags(value: string): string[] {
  return value
    .split(/[,;|\n]/)
    .map((t) => t.trim().replace(/^"|"$/g, ''))
    .filter(Boolean)
    .slice(0, 20);
}

/** 1..5 from "4", "4.0", "★★★★", "4점", "4/5"; undefined when unreadable. */
export function parseRating(value: string): number | undefined {
  if (!value) return undefined;
  const stars = [...value].filter((c) => c === '★').length;
  if (stars > 0) return stars <= 5 ? stars : undefined;
  const match = /^(\d(?:\.\d+)?)\s*(?:점|\/\s*5)?$/.exec(value.trim());
  if (!match) return undefined;
  const rating = Math.round(Number(match[1]));
  return rating >= 1 && rating <= 5 ? rating : undefined;
}

/**
 * A date from ISO, "2024-11-03", "2024.11.03", "2024/11/3", "24.11.3.월", "2024년 11월 3일" (noon KST
 * when only a day is given, so the day stays right in Korea); never in the future.
 */
export function parseDate(value: string, now = new Date()): Date | undefined {
  const text = value.trim();
  if (!text) return undefined;
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) || date > now ? undefined : date;
  }
  const match =
    /^(\d{2}|\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*(?:일)?\.?\s*(?:\([^)]*\)|[월화수목금토일](?:요일)?)?\.?\s*(?:(\d{1,2}):(\d{2}))?$/u.exec(
      text,
    );
  if (!match) return undefined;
  const year = match[1]?.length === 2 ? 2000 + Number(match[1]) : Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = match[4] ? Number(match[4]) : 12;
  const minute = match[5] ? Number(match[5]) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  // 2024-02-31 rolls over to March: not a date.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCMonth() !== month - 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day, hour - 9, minute));
  return date > now ? undefined : date;
}
