import { describe, expect, it } from 'vitest';
import { diffParts } from './inline-diff.js';

const show = (parts: ReturnType<typeof diffParts>) =>
  parts.map((p) => (p.added ? `+${p.value}` : p.removed ? `-${p.value}` : p.value)).join('|');

describe('diffParts', () => {
  it('compares English by words', () => {
    expect(show(diffParts('I goed to school', 'I went to school'))).toBe('I |-goed|+went| to school');
  });

  it('keeps a replaced phrase together, spaces and all', () => {
    expect(show(diffParts('I am watching a movie yesterday.', 'I watched a movie yesterday.'))).toBe(
      'I |-am watching|+watched| a movie yesterday.',
    );
  });

  it('compares Korean by characters, so a corrected particle is one character', () => {
    expect(show(diffParts('학교을 갔어요', '학교에 갔어요'))).toBe('학교|-을|+에| 갔어요');
  });

  it('follows an explicit granularity', () => {
    expect(show(diffParts('cat', 'cut', 'chars'))).toBe('c|-a|+u|t');
    expect(show(diffParts('cat', 'cut', 'words'))).toBe('-cat|+cut');
  });
});
