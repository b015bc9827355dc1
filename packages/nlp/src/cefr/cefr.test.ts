import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateCefr, assessCefr, assessCefrSentences } from './cefr.js';
import { CEFR_LEVELS, levelName, levelNumber } from './levels.js';

const rank = (l: string): number => levelNumber(l) ?? 0;

describe('assessCefr (shipped model)', () => {
  it('rates a simple sentence below an academic one', () => {
    const easy = assessCefr('I like my dog. He is big and happy.');
    const hard = assessCefr(
      'Notwithstanding the considerable methodological heterogeneity, the meta-analysis corroborated the hypothesised attenuation of inflammatory biomarkers.',
    );
    expect(rank(easy.level)).toBeLessThanOrEqual(2);
    expect(rank(hard.level)).toBeGreaterThanOrEqual(4);
    expect(rank(hard.level)).toBeGreaterThan(rank(easy.level));
  });

  it('gives a band for multi-sentence texts and none for one sentence', () => {
    const one = assessCefr('The cat sat on the mat.');
    expect(one.band).toBeUndefined();
    const many = assessCefr(
      'I have a cat. She is black. The veterinarian diagnosed a chronic inflammatory condition requiring prolonged treatment.',
    );
    expect(many.band).toBeDefined();
    const band = many.band ?? { low: 'C2', high: 'A1' };
    expect(rank(band.low)).toBeLessThanOrEqual(rank(many.level));
    expect(rank(band.high)).toBeGreaterThanOrEqual(rank(many.level));
  });

  it('scores every sentence with a probability distribution', () => {
    const rows = assessCefrSentences('Hello there. The committee postponed its deliberations indefinitely.');
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('never throws and keeps confidence within 0..1', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (text) => {
        const r = assessCefr(text);
        expect(CEFR_LEVELS).toContain(r.level);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });
});

describe('aggregateCefr', () => {
  it('returns A1 with zero confidence when there are no words', () => {
    expect(aggregateCefr([])).toEqual({ level: 'A1', confidence: 0 });
  });

  it('weights sentences by their word counts', () => {
    const a1 = [0.9, 0.1, 0, 0, 0, 0];
    const c1 = [0, 0, 0, 0.1, 0.9, 0];
    const r = aggregateCefr([
      { probs: a1, words: 10 },
      { probs: c1, words: 30 },
    ]);
    expect(r.level).toBe('C1');
    expect(r.band).toEqual({ low: 'A1', high: 'C1' });
    expect(r.confidence).toBeCloseTo((0.9 * 30) / 40, 6);
    // a short easy sentence below the 20th percentile of words does not widen the band
    const short = aggregateCefr([
      { probs: a1, words: 3 },
      { probs: c1, words: 30 },
    ]);
    expect(short.band).toEqual({ low: 'C1', high: 'C1' });
  });
});

describe('levels', () => {
  it('round-trips names and numbers', () => {
    for (const [i, name] of CEFR_LEVELS.entries()) {
      expect(levelName(i + 1)).toBe(name);
      expect(levelNumber(name)).toBe(i + 1);
    }
    expect(levelName(99)).toBe('C2');
    expect(levelName(Number.NaN)).toBe('A1');
    expect(levelNumber('D1')).toBeUndefined();
  });
});
