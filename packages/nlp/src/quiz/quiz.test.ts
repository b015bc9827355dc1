import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLANK, findTerm, generateQuiz, pickDistractors } from './quiz.js';

const EN =
  'Photosynthesis happens in the chloroplasts of plant cells. Chlorophyll absorbs red and blue light. ' +
  'The light reactions produce oxygen and chemical energy. The Calvin cycle uses chemical energy to fix carbon dioxide. ' +
  'Plant cells store the chemical energy as glucose. Mitochondria release the energy of glucose during respiration.';
const KO =
  '광합성은 식물의 엽록체에서 일어납니다. 엽록소는 빛 에너지를 흡수합니다. 광합성 결과 산소와 포도당이 만들어집니다. ' +
  '포도당은 세포 호흡에 쓰입니다. 미토콘드리아는 세포 호흡이 일어나는 장소입니다.';

describe('generateQuiz', () => {
  it('makes well-formed English questions whose answers fill the blank', () => {
    const quiz = generateQuiz(EN, { count: 6, seed: 3 });
    expect(quiz.length).toBeGreaterThanOrEqual(3);
    for (const q of quiz) {
      if (q.type === 'cloze') {
        expect(q.prompt).toContain(BLANK);
        expect(q.prompt.replace(BLANK, q.answer)).toBe(q.sentence);
      } else if (q.type === 'multiple-choice') {
        const answer = q.choices[q.answerIndex] as string;
        expect(q.prompt.replace(BLANK, answer)).toBe(q.sentence);
        expect(new Set(q.choices).size).toBe(q.choices.length);
        expect(q.choices.length).toBeGreaterThanOrEqual(2);
      } else {
        expect(q.answer).toBe(q.statement === q.sentence);
      }
    }
  });

  it('covers all three types and is deterministic per seed', () => {
    const a = generateQuiz(KO, { count: 6, seed: 5 });
    expect(new Set(a.map((q) => q.type))).toEqual(new Set(['cloze', 'multiple-choice', 'true-false']));
    expect(generateQuiz(KO, { count: 6, seed: 5 })).toEqual(a);
  });

  it('produces false statements by swapping in another key term', () => {
    const tf = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((seed) =>
      generateQuiz(EN, { types: ['true-false'], count: 6, seed }).filter((q) => q.type === 'true-false'),
    );
    expect(tf.some((q) => q.type === 'true-false' && !q.answer && q.statement !== q.sentence)).toBe(true);
    expect(tf.some((q) => q.type === 'true-false' && q.answer)).toBe(true);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (t) => {
        expect(Array.isArray(generateQuiz(t, { count: 3 }))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('quiz helpers', () => {
  it('finds inflected English terms and Korean terms before particles', () => {
    expect(findTerm('Plant cells store energy.', 'plant cell', 'en')).toEqual({
      index: 0,
      surface: 'Plant cells',
    });
    expect(findTerm('포도당은 세포 호흡에 쓰입니다.', '세포 호흡', 'ko')?.surface).toBe('세포 호흡');
    expect(findTerm('cellular', 'cell', 'en')).toBeUndefined();
  });

  it('prefers distractors of the same kind and similar length', () => {
    const pool = [
      { term: 'oxygen', score: 1, count: 1, kind: 'noun' as const },
      { term: 'Calvin', score: 5, count: 1, kind: 'proper' as const },
      { term: 'glucose', score: 2, count: 1, kind: 'noun' as const },
      { term: 'carbon', score: 1, count: 1, kind: 'noun' as const },
    ];
    expect(pickDistractors('nitrogen', 'noun', pool, 'Air contains nitrogen.', 2)).toEqual([
      'glucose',
      'oxygen',
    ]);
    expect(pickDistractors('oxygen', 'noun', pool, 'oxygen and carbon', 3)).not.toContain('carbon');
  });
});
