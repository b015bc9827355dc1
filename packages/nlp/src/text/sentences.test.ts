import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';

describe('splitSentences', () => {
  it('splits English on punctuation but not on abbreviations or decimals', () => {
    expect(splitSentences('Dr. Kim arrived. It cost 3.5 dollars! Was it fine? Yes.')).toEqual([
      'Dr. Kim arrived.',
      'It cost 3.5 dollars!',
      'Was it fine?',
      'Yes.',
    ]);
  });

  it('splits Korean after sentence endings even without punctuation', () => {
    expect(splitSentences('음식이 맛있어요 직원도 친절합니다 다음에 또 올게요')).toEqual([
      '음식이 맛있어요',
      '직원도 친절합니다',
      '다음에 또 올게요',
    ]);
    expect(splitSentences('배송이 빨랐다. 포장도 좋았다.\n추천합니다')).toEqual([
      '배송이 빨랐다.',
      '포장도 좋았다.',
      '추천합니다',
    ]);
  });

  it('keeps every word exactly once, in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const words = text.split(/\s+/u).filter(Boolean);
        expect(splitSentences(text).join(' ').split(' ').filter(Boolean)).toEqual(words);
      }),
    );
  });
});
