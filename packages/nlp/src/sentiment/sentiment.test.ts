import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSentiment, marginToScore, sentimentFromMargin } from './sentiment.js';

describe('analyzeSentiment (shipped models)', () => {
  it.each([
    ['정말 재밌어요 최고의 영화 강추합니다', 'positive'],
    ['배우 연기 너무 좋고 감동적이었어요', 'positive'],
    ['시간 아깝다 진짜 최악의 영화', 'negative'],
    ['돈 주고 보기 아까운 쓰레기', 'negative'],
  ] as const)('ko: %s -> %s', (text, label) => {
    const r = analyzeSentiment(text);
    expect(r.lang).toBe('ko');
    expect(r.label).toBe(label);
  });

  it.each([
    ['The food was delicious and the staff were very friendly.', 'positive'],
    ['I love this phone, the battery lasts forever.', 'positive'],
    ['Terrible service, cold food and a rude waiter.', 'negative'],
    ['This was a complete waste of money, it broke after two days.', 'negative'],
  ] as const)('en: %s -> %s', (text, label) => {
    const r = analyzeSentiment(text);
    expect(r.lang).toBe('en');
    expect(r.label).toBe(label);
  });

  it('respects an explicit language', () => {
    expect(analyzeSentiment('좋아요', 'en').lang).toBe('en');
    expect(analyzeSentiment('great', 'ko').lang).toBe('ko');
  });

  it('label agrees with the sign of the score', () => {
    const pos = analyzeSentiment('최고예요 또 올게요');
    const neg = analyzeSentiment('다시는 안 갑니다 최악');
    expect(pos.score).toBeGreaterThan(0);
    expect(neg.score).toBeLessThan(0);
  });

  it('never throws and keeps the score within -1..1 for arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom('ko', 'en', undefined),
        (text, lang) => {
          const r = analyzeSentiment(text, lang);
          expect(r.score).toBeGreaterThanOrEqual(-1);
          expect(r.score).toBeLessThanOrEqual(1);
          expect(r.label === 'positive').toBe(r.score >= 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('marginToScore', () => {
  it('is monotone, odd and bounded', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(marginToScore(lo)).toBeLessThanOrEqual(marginToScore(hi));
        expect(Math.abs(marginToScore(a))).toBeLessThanOrEqual(1);
        expect(marginToScore(-a)).toBeCloseTo(-marginToScore(a), 12);
      }),
    );
  });

  it('maps 0 to a neutral score and labels it positive by convention', () => {
    expect(sentimentFromMargin(0, 'ko')).toEqual({ label: 'positive', score: 0, lang: 'ko' });
    expect(sentimentFromMargin(-3, 'en').label).toBe('negative');
  });
});
