import { describe, expect, it } from 'vitest';
import { SourceLayoutError } from '../collection/source.js';
import type { RawPage, RawReview } from './extract.js';
import { kakaoReviews, starsFromWidth } from './kakao.js';
import { naverReviews } from './naver.js';

const now = new Date('2024-11-20T03:00:00Z');
const page = (items: RawReview[], extra: Partial<RawPage> = {}): RawPage => ({
  list: true,
  empty: false,
  children: items.length,
  total: items.length,
  items,
  ...extra,
});
const naverItem = (fields: RawReview = {}): RawReview => ({
  author: '손님',
  visited: '24.11.3.일',
  text: '맛있어요',
  tags: [],
  photos: 0,
  reply: null,
  replied: null,
  ...fields,
});
const kakaoItem = (fields: RawReview = {}): RawReview => ({
  id: '123',
  author: '손님',
  stars: '80%',
  date: '2024.11.03.',
  text: '좋아요',
  photos: 0,
  reply: null,
  replied: null,
  ...fields,
});

const layoutError = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SourceLayoutError);
    return (error as Error).message;
  }
  throw new Error('expected a SourceLayoutError');
};

describe('naverReviews', () => {
  it('names the field a review lacks, with its position and selector', () => {
    expect(layoutError(() => naverReviews(page([naverItem(), naverItem({ author: null })]), now))).toBe(
      'naver: review 2 has no author nickname (.pui__NMi-Dp); the page layout changed',
    );
    // Positions count from the batch's place in the list.
    expect(layoutError(() => naverReviews(page([naverItem({ visited: '' })]), now, 10))).toMatch(
      /^naver: review 11 has no visit date/,
    );
    expect(layoutError(() => naverReviews(page([naverItem({ visited: '지난주' })]), now))).toMatch(
      /visit date the parser does not know \("지난주"\)/,
    );
  });

  it('takes a page without the list for a changed layout, unless it says there are no reviews', () => {
    expect(layoutError(() => naverReviews(page([], { list: false }), now))).toMatch(
      /the review list \(#_review_list\) is not on the page/,
    );
    expect(naverReviews(page([], { list: false, empty: true }), now)).toEqual([]);
    expect(naverReviews(page([]), now)).toEqual([]);
  });

  it('takes a batch where no review has text or keywords for selectors that stopped matching', () => {
    const blank = naverItem({ text: null, tags: [] });
    expect(layoutError(() => naverReviews(page([blank, blank, blank]), now))).toMatch(
      /none of 3 reviews has text/,
    );
    // One such review among others is just a photo review.
    expect(naverReviews(page([blank, naverItem()]), now)).toHaveLength(2);
  });

  it('cuts overlong values to the columns’ limits', () => {
    const [review] = naverReviews(
      page([naverItem({ author: 'a'.repeat(300), text: 'b'.repeat(20_000) })]),
      now,
    );
    expect(review?.author).toHaveLength(200);
    expect(review?.text).toHaveLength(10_000);
  });
});

describe('kakaoReviews', () => {
  it('uses the comment id, or a hash when the page shows none', () => {
    const [withId, withoutId] = kakaoReviews(page([kakaoItem(), kakaoItem({ id: null })]), now);
    expect(withId?.platformReviewId).toBe('123');
    expect(withoutId?.platformReviewId).toMatch(/^h:[\w-]{27}$/);
  });

  it('refuses stars it cannot read and dates it does not know', () => {
    expect(layoutError(() => kakaoReviews(page([kakaoItem({ stars: '0%' })]), now))).toMatch(
      /review 1 has a star rating \("0%"\) the parser does not know/,
    );
    expect(layoutError(() => kakaoReviews(page([kakaoItem({ stars: null })]), now))).toMatch(
      /has no star rating/,
    );
    expect(layoutError(() => kakaoReviews(page([kakaoItem({ date: 'yesterday' })]), now))).toMatch(
      /has a date \("yesterday"\)/,
    );
  });
});

describe('starsFromWidth', () => {
  it('reads the star bar in fifths', () => {
    expect(['20%', '40%', '60%', '80%', '100%', '79.9%'].map(starsFromWidth)).toEqual([1, 2, 3, 4, 5, 4]);
    expect(['0%', '120%', '80px', ''].map(starsFromWidth)).toEqual([null, null, null, null]);
  });
});
