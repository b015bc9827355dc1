import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectContactInfo } from './contact.js';
import { normalizeForSafety } from './normalize.js';
import { detectSolicitation } from './solicitation.js';

/** Strings that mix the characters the rules care about with arbitrary ones. */
const chatLike = fc.array(
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.constantFrom(
      ' ',
      '.',
      '-',
      '@',
      '\u200b',
      '\u3000',
      'ㅋ',
      'ㅌ',
      '카',
      '톡',
      '공',
      '일',
      '0',
      '１',
      'O',
      'l',
      'at',
      'dot',
    ),
  ),
  { maxLength: 40 },
);

describe('normalizeForSafety', () => {
  it('is idempotent and never throws, for arbitrary and chat-like text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          chatLike.map((p) => p.join('')),
        ),
        (s) => {
          const once = normalizeForSafety(s);
          expect(normalizeForSafety(once)).toBe(once);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never leaves invisible characters, upper case ASCII, full-width forms or double spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const n = normalizeForSafety(s);
        expect(n).not.toMatch(/[\u200b-\u200d\ufeff\u00ad]|[A-Z]|[\uff01-\uff5e]|\s\s/u);
        expect(n).toBe(n.trim());
      }),
    );
  });

  it('folds full-width, zero-width and spacing evasions', () => {
    expect(normalizeForSafety('０１０－２２３３')).toBe('010-2233');
    expect(normalizeForSafety('카\u200b톡 ID')).toBe('카톡 id');
    expect(normalizeForSafety('0 1 0 1 2 3 4')).toBe('0101234');
    expect(normalizeForSafety('s.u.n.n.y')).toBe('sunny');
    expect(normalizeForSafety('카.톡')).toBe('카톡');
    expect(normalizeForSafety('ㅋㅌ')).toBe('ㅋㅌ');
    // two spaced words stay apart: "a b" is ordinary text
    expect(normalizeForSafety('plan a b')).toBe('plan a b');
  });

  it('the rules never throw on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          chatLike.map((p) => p.join('')),
        ),
        (s) => {
          for (const f of detectContactInfo(s)) expect(f.match.length).toBeGreaterThan(0);
          for (const f of detectSolicitation(s)) expect(f.match.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
