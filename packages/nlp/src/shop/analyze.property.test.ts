import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeShopReview } from './analyze.js';
import { getShopCalibration } from './calibration.js';
import { NAVER_KEYWORD_TAGS } from './tags.js';

// Review-like text from fragments that hit the cues, contrasts and negations, plus raw noise.
const FRAGMENTS = [
  '맛있어요',
  '맛은 있는데',
  '불친절해요',
  '다시는 안 가요',
  '그냥 그래요',
  '별로예요',
  '비싸기만 하고',
  '양이 많아요',
  '친절하지 않아요',
  '나쁘지 않아요',
  '주차가 불편해요',
  '웨이팅이 길지만',
  '실망했어요',
  '최고예요!',
  'ㅋㅋㅋ',
  'ㅠㅠ',
  'the food was great',
  'but the staff were rude',
  'not bad',
  'never coming back',
  '.',
  ',',
];
const reviewText = fc.oneof(
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 8 }).map((parts) => parts.join(' ')),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);
const TAGS = Object.keys(NAVER_KEYWORD_TAGS);
const lang = fc.constantFrom('ko' as const, 'en' as const, undefined);
const rating = fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined });
const tags = fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 4 });

describe('analyzeShopReview (properties)', () => {
  it('keeps the score within [-1, 1] and the label consistent with the neutral band', () => {
    fc.assert(
      fc.property(reviewText, lang, rating, tags, (text, l, r, t) => {
        const a = analyzeShopReview(text, { lang: l, rating: r, tags: t });
        expect(a.score).toBeGreaterThanOrEqual(-1);
        expect(a.score).toBeLessThanOrEqual(1);
        const band = getShopCalibration().langs[a.lang].neutralBand;
        if (a.label === 'positive') expect(a.score).toBeGreaterThanOrEqual(band);
        else if (a.label === 'negative') expect(a.score).toBeLessThanOrEqual(-band);
        else expect(Math.abs(a.score)).toBeLessThan(band);
        for (const asp of a.aspects) {
          expect(Math.abs(asp.score)).toBeLessThanOrEqual(1);
          expect(asp.label === 'neutral').toBe(Math.abs(asp.score) < band);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never lowers the score, or the tagged aspect, when a positive tag is added', () => {
    fc.assert(
      fc.property(reviewText, lang, rating, tags, fc.constantFrom(...TAGS), (text, l, r, t, extra) => {
        const before = analyzeShopReview(text, { lang: l, rating: r, tags: t });
        const after = analyzeShopReview(text, { lang: l, rating: r, tags: [...t, extra] });
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        const aspectName = NAVER_KEYWORD_TAGS[extra]?.aspect;
        if (aspectName) {
          const was = before.aspects.find((a) => a.aspect === aspectName)?.score ?? Number.NEGATIVE_INFINITY;
          const now = after.aspects.find((a) => a.aspect === aspectName);
          expect(now).toBeDefined();
          expect(now?.score ?? Number.NaN).toBeGreaterThanOrEqual(was);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers the score when the rating goes up', () => {
    fc.assert(
      fc.property(reviewText, lang, fc.integer({ min: 1, max: 4 }), (text, l, r) => {
        const lo = analyzeShopReview(text, { lang: l, rating: r }).score;
        const hi = analyzeShopReview(text, { lang: l, rating: r + 1 }).score;
        expect(hi).toBeGreaterThanOrEqual(lo);
      }),
      { numRuns: 200 },
    );
  });
});
