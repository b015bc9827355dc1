import { exportAnkiText, looksLikeAnki, parseAnkiText } from './deck-anki.js';
import { exportDeckCsv, parseDeckCsv } from './deck-csv.js';
import type { DeckCard, DeckImport } from './deck-rows.js';

export type { DeckCard, DeckImport, RowError } from './deck-rows.js';
export { MAX_FIELD_LENGTH, MAX_IMPORT_CARDS, MAX_REPORTED_ERRORS } from './deck-rows.js';
export { exportAnkiText, exportDeckCsv, parseAnkiText, parseDeckCsv };

/** The file formats of a deck. */
export type DeckFormat = 'csv' | 'anki';

/**
 * Reads a deck file: the cards, or every bad row with its reason (never a partial deck).
 * `format` 'auto' reads a file starting with Anki header lines (`#separator:`...) as Anki's
 * plain-text export and anything else as CSV.
 */
export function importDeck(text: string, format: DeckFormat | 'auto' = 'auto'): DeckImport {
  const anki = format === 'anki' || (format === 'auto' && looksLikeAnki(text));
  return anki ? parseAnkiText(text) : parseDeckCsv(text);
}

/** Writes a deck file in the given format (`html` marks Anki fields as HTML; CSV ignores it). */
export function exportDeck(
  cards: readonly DeckCard[],
  format: DeckFormat,
  options: { html?: boolean } = {},
): string {
  return format === 'anki' ? exportAnkiText(cards, options) : exportDeckCsv(cards);
}
