import { describe, expect, it } from 'vitest';
import { segments } from './segments.js';

const text = 'The Calvin cycle runs in the stroma.';

describe('highlight segments', () => {
  it('is the whole text as one plain run without highlights', () => {
    expect(segments(text, [])).toEqual([{ start: 0, end: text.length, text, highlights: [] }]);
  });

  it('marks a highlighted span between plain runs', () => {
    const parts = segments(text, [{ id: 'a', start: 4, end: 16 }]);
    expect(parts.map((p) => [p.text, p.highlights])).toEqual([
      ['The ', []],
      ['Calvin cycle', ['a']],
      [' runs in the stroma.', []],
    ]);
  });

  it('splits overlapping highlights without losing or repeating text', () => {
    const parts = segments(text, [
      { id: 'a', start: 4, end: 16 },
      { id: 'b', start: 11, end: 21 },
    ]);
    expect(parts.map((p) => [p.text, p.highlights])).toEqual([
      ['The ', []],
      ['Calvin ', ['a']],
      ['cycle', ['a', 'b']],
      [' runs', ['b']],
      [' in the stroma.', []],
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('clips spans past the end and ignores empty ones', () => {
    const parts = segments(text, [
      { id: 'a', start: 29, end: 500 },
      { id: 'b', start: 3, end: 3 },
    ]);
    expect(parts.map((p) => [p.text, p.highlights])).toEqual([
      ['The Calvin cycle runs in the ', []],
      ['stroma.', ['a']],
    ]);
  });
});
