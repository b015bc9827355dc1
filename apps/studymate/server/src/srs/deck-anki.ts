import {
  collectCards,
  type DeckCard,
  type DeckImport,
  MAX_IMPORT_CARDS,
  quoteField,
  readRecords,
  tooManyCards,
} from './deck-rows.js';

/** Anki's names for separators in `#separator:`; a single character is also accepted. */
const SEPARATORS: Record<string, string> = {
  tab: '\t',
  comma: ',',
  semicolon: ';',
  space: ' ',
  pipe: '|',
  colon: ':',
};

/** The `#key:value` lines at the top of an Anki text export that we understand. */
interface AnkiHeader {
  separator: string;
  html: boolean;
  /** 0-based columns. */
  tags?: number;
  skipped: Set<number>;
}

/** Whether a text starts like an Anki export (`#separator:`, `#html:`, `#tags column:`...). */
export function looksLikeAnki(text: string): boolean {
  return /^\uFEFF?#[a-z ]+:/i.test(text);
}

/**
 * Reads Anki's "Notes in Plain Text" export: header lines `#separator:tab`, `#html:true`,
 * `#tags column:N` (and `#guid/notetype/deck column:N`, whose columns are skipped), then one note
 * per line, fields quoted as in CSV when they hold the separator, a quote or a line break. The
 * first remaining field is the front, the second the back; further fields (e.g. a cloze's "Back
 * Extra") are ignored. Without `#separator` the separator is a tab. HTML is kept as is: `html`
 * tells the caller to sanitise it before showing it.
 */
export function parseAnkiText(text: string): DeckImport {
  const { header, bodyStart, bodyLine } = readHeader(text);
  if (typeof header === 'string')
    return { ok: false, errors: [{ row: 0, line: bodyLine, reason: header }], errorCount: 1 };
  const read = readRecords(text.slice(bodyStart), header.separator, MAX_IMPORT_CARDS, bodyLine);
  if ('error' in read) return { ok: false, errors: [read.error], errorCount: 1 };
  if (read.more) return tooManyCards(read.records.at(-1)?.line ?? 0);
  const width = Math.max(0, ...read.records.map((record) => record.fields.length));
  const fieldColumns = [...Array(width).keys()].filter((i) => i !== header.tags && !header.skipped.has(i));
  return collectCards(
    read.records,
    {
      front: fieldColumns[0] ?? 0,
      back: fieldColumns[1] ?? 1,
      ...(header.tags === undefined ? {} : { tags: header.tags }),
      maxColumns: Number.POSITIVE_INFINITY,
    },
    header.html,
  );
}

/** Writes cards as Anki's plain-text export: tab-separated, front, back, tags in column 3. */
export function exportAnkiText(cards: readonly DeckCard[], options: { html?: boolean } = {}): string {
  const lines = ['#separator:tab', `#html:${options.html === true}`, '#tags column:3'];
  for (const card of cards) {
    lines.push(
      [card.front, card.back, card.tags.join(' ')].map((field) => quoteField(field, '\t')).join('\t'),
    );
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** The header lines, where the notes start (offset and line number), or why the header is wrong. */
function readHeader(text: string): { header: AnkiHeader | string; bodyStart: number; bodyLine: number } {
  const header: AnkiHeader = { separator: '\t', html: false, skipped: new Set() };
  let offset = text.startsWith('\uFEFF') ? 1 : 0;
  let line = 1;
  while (text.startsWith('#', offset)) {
    const end = text.indexOf('\n', offset);
    const raw = text.slice(offset, end === -1 ? text.length : end).replace(/\r$/, '');
    const problem = applyHeaderLine(raw.slice(1), header);
    if (problem) return { header: problem, bodyStart: offset, bodyLine: line };
    offset = end === -1 ? text.length : end + 1;
    line++;
  }
  return { header, bodyStart: offset, bodyLine: line };
}

function applyHeaderLine(line: string, header: AnkiHeader): string | null {
  const colon = line.indexOf(':');
  if (colon === -1) return null;
  const key = line.slice(0, colon).trim().toLowerCase();
  const value = line.slice(colon + 1);
  if (key === 'separator') {
    const separator = SEPARATORS[value.trim().toLowerCase()] ?? (value.length === 1 ? value : undefined);
    if (!separator || separator === '"' || separator === '\n') return `unknown separator "${value}"`;
    header.separator = separator;
  } else if (key === 'html') {
    header.html = value.trim().toLowerCase() === 'true';
  } else if (key.endsWith(' column')) {
    const column = Number(value.trim());
    if (!Number.isInteger(column) || column < 1)
      return `"#${key}" needs a column number from 1, got "${value}"`;
    if (key === 'tags column') header.tags = column - 1;
    else header.skipped.add(column - 1);
  }
  return null;
}
