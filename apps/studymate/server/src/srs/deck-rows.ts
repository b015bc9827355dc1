import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';

/** Most cards one import may hold. */
export const MAX_IMPORT_CARDS = 10_000;
/** Longest field (front, back or tags) in characters (Unicode code points, as PostgreSQL counts). */
export const MAX_FIELD_LENGTH = 10_000;
/** At most this many row errors are listed; `errorCount` still gives the total. */
export const MAX_REPORTED_ERRORS = 100;

/** One card of a deck file. */
export interface DeckCard {
  front: string;
  back: string;
  tags: string[];
}

/** Why one row (1 = first card, header not counted) starting at `line` of the file was refused. */
export interface RowError {
  row: number;
  line: number;
  reason: string;
}

/** All the cards, or the errors: never a partial deck. `html`: whether the fields are HTML. */
export type DeckImport =
  | { ok: true; cards: DeckCard[]; html: boolean }
  | { ok: false; errors: RowError[]; errorCount: number };

/** A parsed record and the line of the file where it starts. */
export interface SourceRecord {
  fields: string[];
  line: number;
}

/**
 * Reads delimiter-separated records (RFC 4180 quoting: `"` around a field, `""` inside it; a quote
 * inside an unquoted field is kept as is, like Anki does). Stops after `maxRecords`; `more` tells
 * whether the input went on. Blank lines are skipped. `firstLine` is the file line `text` starts at.
 */
export function readRecords(
  text: string,
  delimiter: string,
  maxRecords: number,
  firstLine = 1,
): { records: SourceRecord[]; more: boolean } | { error: RowError } {
  try {
    // With `info`, csv-parse returns { record, info } objects (its typings only describe string[][]).
    const parsed = parse(text, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      to: maxRecords + 1,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    const records = parsed.map(({ record, info }) => ({
      fields: record,
      // info.lines is where the record ends; line breaks inside quoted fields moved it down.
      line: firstLine - 1 + info.lines - record.reduce((sum, field) => sum + newlines(field), 0),
    }));
    return { records: records.slice(0, maxRecords), more: records.length > maxRecords };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = firstLine - 1 + (typeof error.lines === 'number' ? error.lines : 1);
    return { error: { row: 0, line, reason: `the file cannot be read: ${error.message}` } };
  }
}

/** Where front, back and tags sit in a record (`tags` may be absent). */
export interface ColumnMap {
  front: number;
  back: number;
  tags?: number;
  /** Records longer than this are refused; Anki files allow extra columns (deck, guid...). */
  maxColumns: number;
}

/** Turns records into cards, checking every row; any bad row means no cards, only errors. */
export function collectCards(
  records: readonly SourceRecord[],
  columns: ColumnMap,
  html: boolean,
): DeckImport {
  const cards: DeckCard[] = [];
  const errors: RowError[] = [];
  let row = 0;
  for (const { fields, line } of records) {
    if (fields.every((field) => field.trim() === '')) continue;
    row++;
    const reason = checkRecord(fields, columns);
    if (reason) errors.push({ row, line, reason });
    else cards.push(toCard(fields, columns));
  }
  if (errors.length > 0)
    return { ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS), errorCount: errors.length };
  return { ok: true, cards, html };
}

/** The error for more than MAX_IMPORT_CARDS rows. */
export function tooManyCards(line: number): DeckImport {
  const reason = `a deck import holds at most ${MAX_IMPORT_CARDS.toLocaleString('en')} cards`;
  return { ok: false, errors: [{ row: MAX_IMPORT_CARDS + 1, line, reason }], errorCount: 1 };
}

/** One card -> one record's fields, in a file of the given separator (quoting only when needed). */
export function quoteField(value: string, delimiter: string): string {
  const needsQuotes = value.includes(delimiter) || /["\r\n]/.test(value) || value.startsWith('#');
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Anki's tag syntax: separated by spaces, no duplicates. */
export function splitTags(value: string): string[] {
  return [...new Set(value.split(/\s+/).filter((tag) => tag !== ''))];
}

function checkRecord(fields: string[], columns: ColumnMap): string | null {
  if (fields.length > columns.maxColumns) {
    return `${fields.length} columns, at most ${columns.maxColumns} expected`;
  }
  for (const [index, field] of fields.entries()) {
    if (field.length > MAX_FIELD_LENGTH && codePoints(field) > MAX_FIELD_LENGTH) {
      return `column ${index + 1} is longer than ${MAX_FIELD_LENGTH.toLocaleString('en')} characters`;
    }
  }
  if (!fields[columns.front]?.trim()) return 'the front is empty';
  if (!fields[columns.back]?.trim()) return 'the back is empty';
  return null;
}

function toCard(fields: string[], columns: ColumnMap): DeckCard {
  return {
    front: (fields[columns.front] ?? '').trim(),
    back: (fields[columns.back] ?? '').trim(),
    tags: columns.tags === undefined ? [] : splitTags(fields[columns.tags] ?? ''),
  };
}

function newlines(value: string): number {
  let count = 0;
  for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) count++;
  return count;
}

function codePoints(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}
