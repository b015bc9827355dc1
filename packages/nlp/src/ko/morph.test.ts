import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hadaStem, looksLikePredicate, nounCore, stripParticle } from './morph.js';

describe('Korean word handling', () => {
  it('strips particles (longest first)', () => {
    expect(stripParticle('가게에서는')).toBe('가게');
    expect(stripParticle('사장님이')).toBe('사장님');
    expect(stripParticle('커피를')).toBe('커피');
    expect(stripParticle('가게')).toBe('가게');
    expect(stripParticle('는')).toBe('는');
  });

  it('finds noun stems of 하다/되다 predicates', () => {
    expect(hadaStem('친절했어요')).toBe('친절');
    expect(hadaStem('깔끔하고')).toBe('깔끔');
    expect(hadaStem('친절하시고')).toBe('친절');
    expect(hadaStem('맛있어요')).toBeUndefined();
  });

  it('recognises predicates but not nouns with similar endings', () => {
    expect(looksLikePredicate('맛있어요')).toBe(true);
    expect(looksLikePredicate('좋은')).toBe(true);
    expect(looksLikePredicate('최고')).toBe(false);
    expect(looksLikePredicate('가게')).toBe(false);
  });

  it('extracts noun cores', () => {
    expect(nounCore('가게의')).toBe('가게');
    expect(nounCore('최고예요!')).toBe('최고');
    expect(nounCore('친절하고')).toBe('친절');
    expect(nounCore('맛있는')).toBeUndefined();
    expect(nounCore('...')).toBeUndefined();
  });

  it('never throws and never grows the word', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (w) => {
        const core = nounCore(w);
        if (core !== undefined) expect(core.length).toBeLessThanOrEqual(w.length);
        expect(stripParticle(w).length).toBeLessThanOrEqual(w.length);
      }),
    );
  });
});
