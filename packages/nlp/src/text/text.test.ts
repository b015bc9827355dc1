import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finalizeHash, hashString } from './hash.js';
import { detectLang, hangulRatio } from './lang.js';
import { normalizeText } from './normalize.js';
import { makeRng, shuffleInPlace } from './random.js';

describe('detectLang', () => {
  it('detects Korean, English and mixed text', () => {
    expect(detectLang('오늘 날씨가 좋네요')).toBe('ko');
    expect(detectLang('The weather is nice today')).toBe('en');
    expect(detectLang('이 카페 latte 맛있어요')).toBe('ko');
    expect(detectLang('12345 !!!')).toBe('en');
  });

  it('hangulRatio stays within 0..1', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const r = hangulRatio(s);
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('normalizeText', () => {
  it('lower-cases, collapses whitespace and caps repeated characters', () => {
    expect(normalizeText('  ＡＢＣ   def\n\tghi ')).toBe('abc def ghi');
    expect(normalizeText('ㅋㅋㅋㅋㅋㅋ 좋아!!!!!')).toBe('ㅋㅋㅋ 좋아!!!');
  });

  it('is idempotent and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
      }),
    );
  });
});

describe('hashing', () => {
  it('is deterministic, seed-sensitive and unsigned 32-bit', () => {
    expect(hashString('hello', 1)).toBe(hashString('hello', 1));
    expect(hashString('hello', 1)).not.toBe(hashString('hello', 2));
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer(), (s, seed) => {
        const h = hashString(s, seed);
        expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
      }),
    );
    expect(finalizeHash(0)).toBe(0);
  });
});

describe('seeded random', () => {
  it('repeats for the same seed and shuffles to a permutation', () => {
    const a = shuffleInPlace([1, 2, 3, 4, 5, 6, 7, 8], makeRng(7));
    const b = shuffleInPlace([1, 2, 3, 4, 5, 6, 7, 8], makeRng(7));
    expect(a).toEqual(b);
    expect([...a].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const r = makeRng(3);
    for (let i = 0; i < 100; i++) {
      const x = r();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
