import {
  type ColumnMap,
  collectCards,
  type DeckCard,
  type DeckImport,
  MAX_IMPORT_CARDS,
  quoteField,
  readRecords,
  tooManyCards,
} from './deck-rows.js';

const NAMES = ['front', 'back', 'tags'] as const;

/**
 * Reads a CSV deck: columns front, back and (optionally) tags, comma-separated, RFC 4180 quoting.
 * The header line is optional: a first line made only of the names front/back/tags (any case and
 * order) is read as one and decides the column order; otherwise the columns are front, back, tags.
 * Tags are separated by spaces. Fields are plain text (`html: false`). (So a file without header
 * whose first card is literally "front","back" is read as having a header: export with one.)
 */
export function parseDeckCsv(text: string): DeckImport {
  const read = readRecords(text, ',', MAX_IMPORT_CARDS + 1);
  if ('error' in read) return { ok: false, errors: [read.error], errorCount: 1 };
  const [first, ...rest] = read.records;
  if (!first) return { ok: true, cards: [], html: false };
  const header = headerColumns(first.fields);
  const records = header ? rest : read.records;
  if (records.length > MAX_IMPORT_CARDS) return tooManyCards(records[MAX_IMPORT_CARDS]?.line ?? 0);
  if (read.more) return tooManyCards(read.records.at(-1)?.line ?? 0);
  return collectCards(records, header ?? { front: 0, back: 1, tags: 2, maxColumns: 3 }, false);
}

/** Writes a CSV deck with the header `front,back,tags` (or without it), lines ending in CRLF. */
export function exportDeckCsv(cards: readonly DeckCard[], options: { header?: boolean } = {}): string {
  const lines = cards.map((card) =>
    [card.front, card.back, card.tags.join(' ')].map((field) => quoteField(field, ',')).join(','),
  );
  if (options.header !== false) lines.unshift(NAMES.join(','));
  return lines.map((line) => `${line}\r\n`).join('');
}

function headerColumns(fields: string[]): ColumnMap | null {
  const names = fields.map((field) => field.trim().toLowerCase());
  const known = (name: string): name is (typeof NAMES)[number] => (NAMES as readonly string[]).includes(name);
  if (!names.every(known) || new Set(names).size !== names.length) return null;
  const front = names.indexOf('front');
  const back = names.indexOf('back');
  if (front === -1 || back === -1) return null;
  const tags = names.indexOf('tags');
  return { front, back, ...(tags === -1 ? {} : { tags }), maxColumns: names.length };
}
