import { describe, expect, it } from 'vitest';
import { SHOP_ASPECTS } from './aspects.js';
import { lookupTag, NAVER_KEYWORD_TAGS } from './tags.js';

describe('NAVER_KEYWORD_TAGS', () => {
  it('has the common fixed phrases, each positive with a known aspect or none', () => {
    const expected: Record<string, string> = {
      '음식이 맛있어요': 'taste',
      친절해요: 'service',
      '매장이 청결해요': 'cleanliness',
      '가성비가 좋아요': 'price',
      '재료가 신선해요': 'taste',
      '양이 많아요': 'taste',
      '주차하기 편해요': 'parking',
      '대기시간이 짧아요': 'waiting',
      '인테리어가 멋져요': 'atmosphere',
      '특별한 메뉴가 있어요': 'taste',
    };
    for (const [phrase, aspect] of Object.entries(expected)) {
      expect(NAVER_KEYWORD_TAGS[phrase]).toEqual({ aspect, polarity: 'positive' });
    }
    expect(Object.keys(NAVER_KEYWORD_TAGS).length).toBeGreaterThan(40);
    for (const t of Object.values(NAVER_KEYWORD_TAGS)) {
      expect(t.polarity).toBe('positive');
      if (t.aspect !== null) expect(SHOP_ASPECTS).toContain(t.aspect);
    }
  });

  it('looks phrases up ignoring spacing, punctuation and emoji', () => {
    expect(lookupTag('🍴 음식이 맛있어요')?.aspect).toBe('taste');
    expect(lookupTag('주차하기편해요!')?.phrase).toBe('주차하기 편해요');
    expect(lookupTag('음식이 별로예요')).toBeUndefined();
  });
});
