import { describe, expect, it } from 'vitest';
import { originalText, toCollectedReview, updatedAt } from './mapper.js';

const review = (over: Record<string, unknown> = {}) => ({
  name: 'accounts/1/locations/2/reviews/AbC-123',
  reviewId: 'AbC-123',
  reviewer: { displayName: '김민아', isAnonymous: false },
  starRating: 'FOUR',
  comment: '국물이 진하고 맛있어요',
  createTime: '2025-03-01T09:30:00.123Z',
  updateTime: '2025-03-02T10:00:00Z',
  ...over,
});

describe('Google review -> review model', () => {
  it('maps the documented shape: stars as a number, reviewer, text, photos, dates, owner reply', () => {
    expect(
      toCollectedReview(
        review({
          reviewReply: { comment: '감사합니다!', updateTime: '2025-03-03T00:00:00Z' },
          reviewMediaItems: [{ name: 'm1' }, { name: 'm2' }],
        }),
      ),
    ).toEqual({
      platform: 'google',
      platformReviewId: 'AbC-123',
      author: '김민아',
      rating: 4,
      tags: [],
      text: '국물이 진하고 맛있어요',
      photos: 2,
      reviewedAt: new Date('2025-03-01T09:30:00.123Z'),
      ownerReply: '감사합니다!',
      ownerRepliedAt: new Date('2025-03-03T00:00:00Z'),
    });
  });

  it('maps every star word, keeps no name for anonymous reviewers, and allows a missing comment', () => {
    const stars = ['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE'].map(
      (word) => toCollectedReview(review({ starRating: word }))?.rating,
    );
    expect(stars).toEqual([1, 2, 3, 4, 5]);
    expect(toCollectedReview(review({ starRating: 'STAR_RATING_UNSPECIFIED' }))?.rating).toBeNull();
    const anonymous = toCollectedReview(
      review({ reviewer: { displayName: 'A Google user', isAnonymous: true }, comment: undefined }),
    );
    expect(anonymous).toMatchObject({ author: '', text: '', ownerReply: null, photos: 0 });
  });

  it('takes the review id from the name when reviewId is absent, and refuses what is not a review', () => {
    expect(toCollectedReview(review({ reviewId: undefined }))?.platformReviewId).toBe('AbC-123');
    expect(toCollectedReview(review({ createTime: 'yesterday' }))).toBeUndefined();
    expect(toCollectedReview(review({ name: '' }))).toBeUndefined();
    expect(toCollectedReview('not a review')).toBeUndefined();
    expect(updatedAt(review())).toEqual(new Date('2025-03-02T10:00:00Z'));
    expect(updatedAt(review({ updateTime: undefined }))).toEqual(new Date('2025-03-01T09:30:00.123Z'));
  });
});

describe('original text of a translated comment', () => {
  it('keeps the original after "(Original)" when Google put its translation first', () => {
    expect(
      originalText(
        '(Translated by Google) The broth is rich and tasty\n\n(Original)\n국물이 진하고 맛있어요',
      ),
    ).toBe('국물이 진하고 맛있어요');
  });

  it('drops the translation Google appended after the original', () => {
    expect(originalText('직원이 불친절해요\n\n(Translated by Google)\nThe staff is unfriendly')).toBe(
      '직원이 불친절해요',
    );
  });

  it('leaves an untranslated comment as it is, and keeps a lone translation rather than nothing', () => {
    expect(originalText('  Great coffee, friendly staff  ')).toBe('Great coffee, friendly staff');
    expect(originalText('(Translated by Google) Nice place')).toBe('Nice place');
  });
});
