import { describe, expect, it } from 'vitest';
import { formatOfFile, parseTags } from './tags.js';

describe('card tags typed as one line', () => {
  it('splits on commas and new lines, trims, drops empties, # and repeats', () => {
    expect(parseTags('bio, exam 1,  cells,,#bio\nlab')).toEqual(['bio', 'exam 1', 'cells', 'lab']);
    expect(parseTags('   ')).toEqual([]);
  });

  it('keeps at most 20 tags of at most 50 characters', () => {
    const many = Array.from({ length: 30 }, (_, i) => `t${i}`).join(',');
    expect(parseTags(many)).toHaveLength(20);
    expect(parseTags('x'.repeat(80))[0]).toHaveLength(50);
  });
});

describe('deck format of an import file', () => {
  it('is CSV for .csv and Anki text otherwise', () => {
    expect(formatOfFile('deck.CSV')).toBe('csv');
    expect(formatOfFile('Biology.txt')).toBe('anki');
  });
});
