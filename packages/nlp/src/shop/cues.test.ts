import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize.js';
import { clauseCues } from './cues.js';

const ko = (t: string) => clauseCues(normalizeText(t), 'ko');
const en = (t: string) => clauseCues(normalizeText(t), 'en');

describe('clauseCues (Korean)', () => {
  it('reads shop complaints the movie model misses', () => {
    expect(ko('직원이 불친절했습니다').score).toBeLessThan(0);
    expect(ko('양이 너무 적어요').score).toBeLessThan(0);
    expect(ko('비싸기만 하고').score).toBeLessThan(0);
    expect(ko('실망했어요').score).toBeLessThan(0);
  });

  it('does not read 불친절 as 친절', () => {
    expect(ko('불친절해요').score).toBe(ko('불친절').score);
    expect(ko('불친절해요').score).toBeLessThan(0);
  });

  it('counts a negation that is the point once, as a strong complaint', () => {
    const r = ko('다시는 안 갈 것 같아요');
    expect(r.score).toBeLessThanOrEqual(-2);
    expect(r.lukewarm).toBe(false);
  });

  it('flips a negated compliment and softens a negated complaint', () => {
    expect(ko('맛있어요').score).toBeGreaterThan(0);
    expect(ko('맛있지 않아요').score).toBeLessThan(0);
    expect(ko('안 친절해요').score).toBeLessThan(0);
    const notBad = ko('나쁘지 않아요');
    expect(notBad.lukewarm).toBe(true);
    expect(notBad.score).toBeGreaterThanOrEqual(0);
    const notPricey = ko('안 비싸요');
    expect(notPricey.lukewarm).toBe(true);
    expect(notPricey.score).toBeGreaterThan(0);
  });

  it('keeps a complaint followed by 못 (a consequence, not a negation)', () => {
    expect(ko('찌개가 너무 짜서 못 먹겠어요').score).toBeLessThan(0);
  });

  it('reads 별로 as "not very" when a negation follows, as a complaint otherwise', () => {
    expect(ko('별로예요').score).toBeLessThan(0);
    expect(ko('별로 안 비싸요').score).toBeGreaterThan(0);
  });

  it('marks so-so words as lukewarm', () => {
    for (const t of ['그냥 그래요', '보통이에요', '무난합니다', '그럭저럭'])
      expect(ko(t).lukewarm).toBe(true);
    expect(ko('정말 맛있어요').lukewarm).toBe(false);
  });

  it('does not take hearsay as praise', () => {
    expect(ko('맛있다고 해서 왔는데').score).toBe(0);
  });

  it('weighs softened and intensified cues', () => {
    expect(ko('좀 비싸요').score).toBeGreaterThan(ko('비싸요').score);
    expect(ko('너무 비싸요').score).toBeLessThan(ko('비싸요').score);
  });
});

describe('clauseCues (English)', () => {
  it('handles negation before a cue', () => {
    expect(en('the food was good').score).toBeGreaterThan(0);
    expect(en('the food was not good').score).toBeLessThan(0);
    expect(en('never coming back').score).toBeLessThanOrEqual(-2);
  });

  it('marks so-so phrases as lukewarm', () => {
    expect(en('it was okay, nothing special').lukewarm).toBe(true);
    expect(en('not bad').lukewarm).toBe(true);
  });
});
