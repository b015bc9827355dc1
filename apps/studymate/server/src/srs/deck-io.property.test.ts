import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportAnkiText, exportDeckCsv, importDeck, parseAnkiText, parseDeckCsv } from './deck-io.js';

/** Text with the characters that need quoting (separators, quotes, line breaks, #) mixed in. */
const tricky = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc
    .array(fc.constantFrom(',', '\t', '"', '\n', '\r\n', '#', ';', ' ', 'a', 'é', '<b>', '🙂', 'front'), {
      maxLength: 12,
    })
    .map((parts) => parts.join('')),
);
const field = tricky.map((text) => text.trim()).filter((text) => text !== '');
const tag = fc.string({ minLength: 1, maxLength: 12 }).filter((text) => !/\s/.test(text));
const card = fc.record({ front: field, back: field, tags: fc.uniqueArray(tag, { maxLength: 4 }) });
const deck = fc.array(card, { maxLength: 30 });

describe('deck round trips (property)', () => {
  it('CSV: export then import gives the same cards, with or without the header', () => {
    fc.assert(
      fc.property(deck, fc.boolean(), (cards, header) => {
        const result = parseDeckCsv(exportDeckCsv(cards, { header }));
        expect(result).toEqual({ ok: true, cards, html: false });
      }),
      { numRuns: 300 },
    );
  });

  it('Anki: export then import gives the same cards and the html flag', () => {
    fc.assert(
      fc.property(deck, fc.boolean(), (cards, html) => {
        expect(parseAnkiText(exportAnkiText(cards, { html }))).toEqual({ ok: true, cards, html });
        expect(importDeck(exportAnkiText(cards, { html }))).toEqual({ ok: true, cards, html });
      }),
      { numRuns: 300 },
    );
  });
});
