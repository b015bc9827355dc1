import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseWord, wordCloud } from './word-cloud.js';

describe('word cloud', () => {
  it('counts each word once per answer, across cases and Korean particles', () => {
    const cloud = wordCloud([
      '인덱스가 빠르다',
      '인덱스는 정렬된다, 인덱스!',
      'Index and INDEX',
      'the B-tree',
    ]);
    expect(cloud.slice(0, 2)).toEqual([
      { word: '인덱스', count: 2, size: 5 },
      { word: 'b-tree', count: 1, size: 3 },
    ]);
    expect(cloud.find((w) => w.word === 'index')?.count).toBe(1);
    expect(cloud.some((w) => w.word === 'the' || w.word === 'and')).toBe(false);
  });

  it('never strips a word to less than two syllables', () => {
    expect(normaliseWord('이가')).toBe('이가');
    expect(normaliseWord('책을')).toBe('책을');
    expect(normaliseWord('데이터를')).toBe('데이터');
  });

  it('sorts by count, keeps sizes 1..5 with the most given at 5, and stays within the limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 50 }),
        (answers, limit) => {
          const cloud = wordCloud(answers, limit);
          expect(cloud.length).toBeLessThanOrEqual(limit);
          for (let i = 1; i < cloud.length; i++)
            expect((cloud[i - 1]?.count ?? 0) >= (cloud[i]?.count ?? 0)).toBe(true);
          for (const word of cloud) {
            expect(word.size).toBeGreaterThanOrEqual(1);
            expect(word.size).toBeLessThanOrEqual(5);
            expect(word.count).toBeLessThanOrEqual(answers.length);
          }
          if (cloud[0]) expect(cloud[0].size).toBe(5);
        },
      ),
    );
  });
});
