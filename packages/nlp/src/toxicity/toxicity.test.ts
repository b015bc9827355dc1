import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyToxicity, toxicityFromProbs } from './toxicity.js';

describe('classifyToxicity (shipped models)', () => {
  it.each(['오늘 수업 정말 재미있었어요 감사합니다', '다음 주에 같이 영어 스터디 할래요?'])(
    'ko none: %s',
    (text) => {
      expect(classifyToxicity(text).label).toBe('none');
    },
  );

  it.each(['닥쳐 이 병신 새끼야', '진짜 미친년 아니냐 꺼져'])('ko toxic: %s', (text) => {
    const r = classifyToxicity(text, 'ko');
    expect(r.label).not.toBe('none');
    expect(r.toxicScore).toBeGreaterThan(0.5);
  });

  it.each(['Thanks for the lesson, see you on Friday!', 'What time works for you tomorrow?'])(
    'en none: %s',
    (text) => {
      expect(classifyToxicity(text, 'en').label).toBe('none');
    },
  );

  it.each(['shut up you stupid bitch', 'fuck you, you worthless piece of shit'])('en toxic: %s', (text) => {
    const r = classifyToxicity(text);
    expect(r.label).not.toBe('none');
    expect(r.toxicScore).toBeGreaterThan(0.5);
  });

  it('scores spaced, dotted, zero-width and full-width evasions like the plain word', () => {
    const plain = classifyToxicity('병신아', 'ko').toxicScore;
    expect(plain).toBeGreaterThan(0.5);
    for (const evasion of ['병 신 아', '병.신.아', '병\u200b신\u200b아']) {
      expect(classifyToxicity(evasion, 'ko').toxicScore).toBeCloseTo(plain, 6);
    }
    const en = classifyToxicity('you are a bitch', 'en').toxicScore;
    expect(classifyToxicity('you b.i.t.c.h', 'en').toxicScore).toBeCloseTo(
      classifyToxicity('you bitch', 'en').toxicScore,
      6,
    );
    expect(classifyToxicity('you are a ｂｉｔｃｈ', 'en').toxicScore).toBeCloseTo(en, 6);
  });

  it('never throws and returns consistent probabilities for arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom('ko', 'en', undefined),
        (text, lang) => {
          const r = classifyToxicity(text, lang);
          expect(['none', 'offensive', 'hate']).toContain(r.label);
          expect(r.score).toBeGreaterThanOrEqual(1 / 3 - 1e-9);
          expect(r.score).toBeLessThanOrEqual(1);
          expect(r.toxicScore).toBeGreaterThanOrEqual(0);
          expect(r.toxicScore).toBeLessThanOrEqual(1);
          if (r.label === 'none') expect(r.toxicScore).toBeCloseTo(1 - r.score, 9);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('toxicityFromProbs', () => {
  it('takes the most probable label and sums the toxic classes', () => {
    expect(toxicityFromProbs([0.2, 0.5, 0.3])).toEqual({ label: 'offensive', score: 0.5, toxicScore: 0.8 });
    expect(toxicityFromProbs([0.7, 0.1, 0.2]).label).toBe('none');
  });
});
