import { describe, expect, it } from 'vitest';
import type { EnToken } from '../en/analyze.js';
import { syllables } from './features.js';
import { buildVocab, createVocabLookup, tokenLevels } from './vocab.js';

const cefrj = [
  ['analyze/analyse', 'verb', 'B1'],
  ['cast', 'verb', 'B2'],
  ['according to', 'preposition', 'B1'],
  ['dog', 'noun', 'A1'],
];
const octanove = [
  ['cast', 'verb', 'C1', 'hire actors'],
  ['cast', 'noun', 'C2', ''],
  ['timid', 'adjective', 'C1', ''],
];

function tok(normal: string, pos: EnToken['pos'], lemma = normal): EnToken {
  return { value: normal, normal, lemma, pos, type: 'word', stop: false, oov: false };
}

describe('buildVocab', () => {
  const file = buildVocab(cefrj, octanove);

  it('splits spelling variants and prefers CEFR-J for the same word and POS', () => {
    expect(file.entries.analyse).toBe('v3');
    expect(file.entries.analyze).toBe('v3');
    expect(file.entries.cast).toBe('v4,n6');
  });

  it('looks up by POS, falls back to the lowest level, and matches phrases', () => {
    const v = createVocabLookup(file);
    expect(v.levelOf(['cast'], 'NOUN')).toBe(6);
    expect(v.levelOf(['cast'], 'ADJ')).toBe(4);
    expect(v.levelOf(['unknownword'], 'NOUN')).toBe(0);
    const tokens = [
      tok('according', 'VERB'),
      tok('to', 'ADP'),
      tok('the', 'DET'),
      tok('timid', 'ADJ'),
      tok('dogs', 'NOUN', 'dog'),
    ];
    expect(tokenLevels(tokens, v)).toEqual([3, 0, 5, 1]);
  });
});

describe('syllables', () => {
  it('counts vowel groups', () => {
    expect(syllables('cat')).toBe(1);
    expect(syllables('make')).toBe(1);
    expect(syllables('table')).toBe(2);
    expect(syllables('university')).toBe(5);
    expect(syllables('123')).toBe(0);
  });
});
