import { describe, expect, it } from 'vitest';
import { initials } from './avatar.js';

describe('initials', () => {
  it("takes a Korean given name's syllables, whatever title follows", () => {
    expect(initials('김민아')).toBe('민아');
    expect(initials('김민준 교수')).toBe('민준');
    expect(initials('남궁민수')).toBe('민수');
    expect(initials('이솔')).toBe('이솔');
    expect(initials('  박 조교 ')).toBe('박');
  });

  it('takes the first letters of two words otherwise', () => {
    expect(initials('Mina Kim')).toBe('MK');
    expect(initials('mina')).toBe('M');
    expect(initials('Ümit Öz Ak')).toBe('ÜÖ');
    expect(initials('   ')).toBe('?');
  });
});
