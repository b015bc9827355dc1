import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from '../sentiment/sentiment.js';
import { analyzeShopReview } from './analyze.js';
import { getShopCalibration } from './calibration.js';

const ALERT = -0.3;
const aspect = (text: string, name: string, opts = {}) =>
  analyzeShopReview(text, opts).aspects.find((a) => a.aspect === name);

describe('analyzeShopReview: overall score and label', () => {
  it.each([
    '직원이 불친절했습니다',
    '맛은 있는데 불친절해서 다시는 안 갈 것 같아요',
    '비싸기만 하고 양은 적어요',
    '음식에서 머리카락 나왔는데 사과도 없네요',
    '기대했는데 실망했어요',
    '배달이 한 시간 걸려서 다 식었어요',
  ])('a plainly negative shop review falls below the alert line: %s', (text) => {
    const r = analyzeShopReview(text);
    expect(r.label).toBe('negative');
    expect(r.score).toBeLessThan(ALERT);
  });

  it('fixes the two failures named in the issue', () => {
    // the movie model leaves these above the line ...
    expect(analyzeSentiment('직원이 불친절했습니다', 'ko').score).toBeGreaterThan(ALERT);
    // ... and calls a lukewarm review strongly negative
    expect(analyzeSentiment('그냥 그래요', 'ko').score).toBeLessThan(-0.5);
    expect(analyzeShopReview('직원이 불친절했습니다').score).toBeLessThan(ALERT);
    expect(analyzeShopReview('맛은 있는데 불친절해요').score).toBeLessThan(ALERT);
    const lukewarm = analyzeShopReview('그냥 그래요');
    expect(lukewarm.label).toBe('neutral');
    expect(lukewarm.score).toBeGreaterThan(ALERT);
  });

  it.each(['그냥 평범한 맛이에요', '보통이에요', '무난합니다', '나쁘지 않아요'])(
    'a lukewarm review is neutral and above the alert line: %s',
    (text) => {
      const r = analyzeShopReview(text);
      expect(r.label).toBe('neutral');
      expect(r.score).toBeGreaterThan(ALERT);
    },
  );

  it.each([
    '음식이 정말 맛있고 사장님도 친절하세요. 또 올게요!',
    '웨이팅이 좀 있었지만 기다린 보람이 있네요',
    '가성비 최고예요',
  ])('a happy review is positive: %s', (text) => {
    expect(analyzeShopReview(text).label).toBe('positive');
  });

  it('lets the last contrastive clause weigh more', () => {
    const a = analyzeShopReview('맛은 있는데 불친절해요');
    const b = analyzeShopReview('불친절한데 맛은 있어요');
    expect(a.score).toBeLessThan(b.score);
    expect(b.score).toBeGreaterThan(ALERT);
  });

  it('reads negation: 맛있지 않아요 is a complaint, 안 비싸요 is not', () => {
    expect(analyzeShopReview('맛있지 않아요').score).toBeLessThan(analyzeShopReview('맛있어요').score);
    expect(analyzeShopReview('맛있지 않아요').label).not.toBe('positive');
    expect(analyzeShopReview('가격이 안 비싸요').score).toBeGreaterThan(
      analyzeShopReview('가격이 비싸요').score,
    );
  });

  it('gives an empty review a neutral 0 and no keywords', () => {
    expect(analyzeShopReview('')).toEqual({
      score: 0,
      label: 'neutral',
      aspects: [],
      keywords: [],
      lang: 'en',
    });
  });

  it('extracts keywords of the text', () => {
    expect(analyzeShopReview('김치찌개 국물이 진하고 김치찌개 양도 많아요').keywords).toContain('김치찌개');
  });
});

describe('analyzeShopReview: rating as a weak prior', () => {
  it('moves the score toward the stars', () => {
    const text = '맛은 괜찮은데 가격이 좀 있어요';
    const one = analyzeShopReview(text, { rating: 1 }).score;
    const none = analyzeShopReview(text).score;
    const five = analyzeShopReview(text, { rating: 5 }).score;
    expect(one).toBeLessThan(none);
    expect(five).toBeGreaterThan(none);
  });

  it('never overrides clear text', () => {
    expect(analyzeShopReview('최악이에요 다시는 안 가요', { rating: 5 }).label).toBe('negative');
    expect(analyzeShopReview('정말 맛있어요 또 올게요', { rating: 1 }).label).toBe('positive');
  });

  it('alone, gives a rating-only review a mild score of its sign', () => {
    const one = analyzeShopReview('', { rating: 1, lang: 'ko' });
    const five = analyzeShopReview('', { rating: 5, lang: 'ko' });
    expect(one.score).toBeCloseTo(-0.4, 2);
    expect(five.score).toBeCloseTo(0.4, 2);
    expect(analyzeShopReview('', { rating: 3, lang: 'ko' }).score).toBe(0);
  });

  it('rejects a rating outside 1-5', () => {
    expect(() => analyzeShopReview('좋아요', { rating: 0 })).toThrow(RangeError);
    expect(() => analyzeShopReview('좋아요', { rating: 6 })).toThrow(RangeError);
    expect(() => analyzeShopReview('좋아요', { rating: Number.NaN })).toThrow(RangeError);
  });
});

describe('analyzeShopReview: Naver keyword tags', () => {
  it('turns a star-less tag-only review into a positive one with aspects', () => {
    const r = analyzeShopReview('', { tags: ['음식이 맛있어요', '친절해요', '주차하기 편해요'] });
    expect(r.lang).toBe('ko');
    expect(r.label).toBe('positive');
    expect(r.aspects.map((a) => a.aspect)).toEqual(['taste', 'service', 'parking']);
    for (const a of r.aspects) expect(a.label).toBe('positive');
    expect(r.aspects[0]?.evidence).toBe('음식이 맛있어요');
  });

  it('counts a tag once and ignores unknown ones', () => {
    const once = analyzeShopReview('', { tags: ['친절해요'] }).score;
    expect(analyzeShopReview('', { tags: ['친절해요', '🙂 친절해요'] }).score).toBe(once);
    expect(analyzeShopReview('', { tags: ['아무말이에요'] }).score).toBe(0);
    expect(once).toBeCloseTo(0.6, 2);
  });

  it('lifts a mixed text review but does not erase a complaint', () => {
    const text = '맛은 있는데 불친절해요';
    expect(analyzeShopReview(text, { tags: ['음식이 맛있어요'] }).score).toBeGreaterThan(
      analyzeShopReview(text).score,
    );
    expect(aspect(text, 'service', { tags: ['음식이 맛있어요'] })?.label).toBe('negative');
  });
});

describe('analyzeShopReview: aspects', () => {
  it('scores each aspect from the clause that mentions it', () => {
    const text = '음식은 맛있는데 직원이 불친절하고 화장실이 더러워요';
    const taste = aspect(text, 'taste');
    const service = aspect(text, 'service');
    expect(taste?.label).toBe('positive');
    expect(taste?.evidence).toBe('음식은 맛있는데');
    expect(service?.label).toBe('negative');
    expect(service?.evidence).toBe('직원이 불친절하고');
    expect(aspect(text, 'cleanliness')?.label).toBe('negative');
    expect(aspect(text, 'parking')).toBeUndefined();
  });

  it.each([
    ['가격이 너무 비싸요', 'price', 'negative'],
    ['가성비가 좋아요', 'price', 'positive'],
    ['웨이팅이 한 시간이나 걸렸어요', 'waiting', 'negative'],
    ['주차가 불편해요', 'parking', 'negative'],
    ['배달이 빨리 와서 좋았어요', 'delivery', 'positive'],
    ['분위기가 아늑하고 좋아요', 'atmosphere', 'positive'],
    ['매장이 깨끗해요', 'cleanliness', 'positive'],
  ] as const)('ko: %s -> %s %s', (text, name, label) => {
    expect(aspect(text, name)?.label).toBe(label);
  });

  it('works for English with the English model and the same aspects', () => {
    const r = analyzeShopReview('The food was delicious but the waiter was rude, never coming back.');
    expect(r.lang).toBe('en');
    expect(r.label).toBe('negative');
    expect(r.score).toBeLessThan(ALERT);
    expect(r.aspects.find((a) => a.aspect === 'taste')?.label).toBe('positive');
    expect(r.aspects.find((a) => a.aspect === 'service')).toMatchObject({
      label: 'negative',
      evidence: 'the waiter was rude',
    });
    expect(analyzeShopReview('It was okay, nothing special.').label).toBe('neutral');
    expect(analyzeShopReview('Lovely cafe, great coffee and friendly staff!').label).toBe('positive');
  });
});

describe('shipped calibration', () => {
  it('has a neutral band inside (0, 1) and positive weights for both languages', () => {
    for (const c of Object.values(getShopCalibration().langs)) {
      expect(c.neutralBand).toBeGreaterThan(0);
      expect(c.neutralBand).toBeLessThan(1);
      expect(c.marginWeight).toBeGreaterThanOrEqual(0);
      expect(c.cueWeight).toBeGreaterThan(0);
      expect(c.tagEvidence).toBeGreaterThan(0);
      expect(c.ratingEvidence).toBeGreaterThan(0);
    }
  });
});
