import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasBatchim, josa } from '../ko/josa.js';
import { contrastClauses, draftReply, moodOf } from './reply.js';

describe('draftReply', () => {
  it('thanks happy Korean customers in 합쇼체 or 해요체', () => {
    const review = '커피가 정말 맛있고 사장님이 친절하세요 최고예요';
    const formal = draftReply(review, { tone: 'formal' });
    expect(formal.mood).toBe('positive');
    expect(formal.text).toMatch(/감사합니다/);
    expect(formal.text).not.toMatch(/[가-힣]요[.!]/u);
    const friendly = draftReply(review, { tone: 'friendly' });
    expect(friendly.text).toMatch(/감사해요/);
    expect(friendly.text).not.toMatch(/니다\./u);
  });

  it('apologises for negative reviews and mentions the key term with the right particle', () => {
    const r = draftReply('배달이 너무 늦었어요 배달 때문에 음식이 다 식었어요 최악', {
      speechLevel: 'hapsyo',
    });
    expect(r.mood).toBe('negative');
    expect(r.tone).toBe('apologetic');
    expect(r.text).toMatch(/죄송합니다/);
    expect(r.keywords).toContain('배달');
  });

  it('writes English replies with the reviewer name', () => {
    const good = draftReply('The pasta was amazing and the staff were lovely.', { reviewerName: 'Sam' });
    expect(good.lang).toBe('en');
    expect(good.text.startsWith('Dear Sam, ')).toBe(true);
    expect(good.text).toMatch(/Thank/);
    const bad = draftReply('Cold food, rude staff and a dirty table. Never again.', { tone: 'formal' });
    expect(bad.text).toMatch(/sorry|apologise/i);
    expect(bad.text).not.toContain('!');
  });

  it('is stable for the same review and never throws', () => {
    expect(draftReply('맛있어요').text).toBe(draftReply('맛있어요').text);
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 120 }),
        fc.constantFrom('friendly', 'formal', 'apologetic'),
        (t, tone) => {
          const r = draftReply(t, { tone });
          expect(r.text.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('treats contrasting clauses as mixed and addresses the disappointing part', () => {
    const r = draftReply('맛은 괜찮은데 가격이 좀 비싸요', { speechLevel: 'hapsyo' });
    expect(r.mood).toBe('mixed');
    expect(r.text).toContain('가격은');
    expect(contrastClauses('좋았지만 비싸요')).toEqual(['좋았지만', '비싸요']);
    expect(contrastClauses('Great food but slow service')).toEqual(['Great food', 'but slow service']);
  });

  it('maps scores to moods', () => {
    expect(moodOf(0.9)).toBe('positive');
    expect(moodOf(0)).toBe('mixed');
    expect(moodOf(-0.5)).toBe('negative');
  });
});

describe('josa', () => {
  it('chooses particles by final consonant', () => {
    expect(josa('커피', '이/가')).toBe('커피가');
    expect(josa('빵', '이/가')).toBe('빵이');
    expect(josa('음식', '을/를')).toBe('음식을');
    expect(josa('서비스', '은/는')).toBe('서비스는');
    expect(josa('서울', '으로/로')).toBe('서울로');
    expect(josa('배달', '으로/로')).toBe('배달로');
    expect(josa('맛집', '으로/로')).toBe('맛집으로');
    expect(hasBatchim('3')).toBe(true);
    expect(hasBatchim('2')).toBe(false);
  });
});
