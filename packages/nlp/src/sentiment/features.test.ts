import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ngramFeatures, uniqueSorted, wordTokens } from './features.js';

const cfg = { bits: 16, charMin: 1, charMax: 3, wordMax: 2 };

describe('ngramFeatures', () => {
  it('returns sorted unique in-range indices for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const f = ngramFeatures(s, cfg);
        for (let i = 0; i < f.length; i++) {
          expect(f[i]).toBeLessThan(1 << cfg.bits);
          if (i > 0) expect(f[i]).toBeGreaterThan(f[i - 1] as number);
        }
      }),
    );
  });

  it('is insensitive to case and spacing but sensitive to words', () => {
    expect(ngramFeatures('Great  FOOD', cfg)).toEqual(ngramFeatures('great food', cfg));
    expect(ngramFeatures('great food', cfg)).not.toEqual(ngramFeatures('bad food', cfg));
  });

  it('splits words from punctuation runs', () => {
    expect(wordTokens('좋아요!! ^^ great.')).toEqual(['좋아요', '!!', '^^', 'great', '.']);
  });

  it('uniqueSorted removes duplicates', () => {
    expect([...uniqueSorted([5, 1, 5, 3, 1])]).toEqual([1, 3, 5]);
  });
});
