import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankSentences, summarize } from './summarize.js';
import { overlapSimilarity, pageRank } from './textrank.js';

describe('TextRank', () => {
  it('pageRank favours the hub of a star graph and keeps the total', () => {
    const w = [
      [0, 1, 1, 1],
      [1, 0, 0, 0],
      [1, 0, 0, 0],
      [1, 0, 0, 0],
    ];
    const s = pageRank(w);
    expect(s[0]).toBeGreaterThan(s[1] as number);
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(4, 6);
  });

  it('overlap similarity is symmetric and zero without shared terms', () => {
    const a = new Set(['x', 'y']);
    const b = new Set(['y', 'z', 'w']);
    expect(overlapSimilarity(a, b)).toBeCloseTo(overlapSimilarity(b, a));
    expect(overlapSimilarity(a, new Set(['q']))).toBe(0);
  });
});

describe('summarize', () => {
  const en =
    'Solar panels convert sunlight into electricity. My neighbour has a red car. ' +
    'Modern solar panels convert more sunlight into electricity than older panels. ' +
    'Electricity from solar panels can be stored in batteries.';

  it('picks the central English sentences in document order', () => {
    const summary = summarize(en, { sentences: 2 });
    expect(summary).not.toContain('red car');
    expect(summary.split('. ').length).toBe(2);
    const ranked = rankSentences(en);
    expect(ranked[ranked.length - 1]?.text).toContain('red car');
  });

  it('summarizes Korean text split without punctuation', () => {
    const ko =
      '이 식당은 김치찌개가 정말 맛있어요 김치찌개 국물이 진하고 맛있어요 주차는 조금 불편했어요 김치찌개 먹으러 또 올게요';
    const summary = summarize(ko, { sentences: 1 });
    expect(summary).toContain('김치찌개');
    expect(summary).not.toContain('주차');
  });

  it('returns whole sentences from the input and never throws', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom('ko', 'en', undefined),
        (t, lang) => {
          const s = summarize(t, { lang });
          expect(typeof s).toBe('string');
        },
      ),
      { numRuns: 100 },
    );
    expect(summarize('')).toBe('');
  });
});
