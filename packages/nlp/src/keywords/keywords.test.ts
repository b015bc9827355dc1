import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractKeywords } from './keywords.js';

const KO_REVIEW =
  '사장님이 정말 친절하시고 커피가 맛있어요. 커피 원두도 직접 볶으신대요. 매장이 깔끔하고 주차 공간도 넓어요. ' +
  '주차 공간이 넉넉해서 좋았어요. 사장님 최고예요!';
const EN_TEXT =
  'Photosynthesis converts light energy into chemical energy. Chlorophyll in the leaves absorbs red light. ' +
  'The Calvin cycle uses the chemical energy to fix carbon dioxide.';

describe('extractKeywords', () => {
  it('finds Korean nouns with particles stripped and repeated compounds', () => {
    const terms = extractKeywords(KO_REVIEW).map((k) => k.term);
    expect(terms).toContain('주차 공간');
    expect(terms).toContain('사장님');
    expect(terms).toContain('커피');
    expect(terms).not.toContain('커피가');
    expect(terms).not.toContain('정말');
    expect(terms.some((t) => t.endsWith('어요'))).toBe(false);
  });

  it('ranks frequent terms first', () => {
    const [first] = extractKeywords(KO_REVIEW, { limit: 3 });
    expect(first?.count).toBeGreaterThanOrEqual(2);
  });

  it('finds English noun phrases with lemmatized heads', () => {
    const terms = extractKeywords(EN_TEXT).map((k) => k.term);
    expect(terms).toContain('chemical energy');
    expect(terms).toContain('carbon dioxide');
    expect(terms).not.toContain('the');
  });

  it('honours the limit and never throws', () => {
    expect(extractKeywords(EN_TEXT, { limit: 2 })).toHaveLength(2);
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 150 }),
        fc.integer({ min: 0, max: 5 }),
        (text, limit) => {
          const ks = extractKeywords(text, { limit });
          expect(ks.length).toBeLessThanOrEqual(limit);
          for (const k of ks) expect(k.term.trim().length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 100 },
    );
  });
});
