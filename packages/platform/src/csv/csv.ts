import { stringify } from 'csv-stringify/sync';

/** One cell of an export: text, a number, or empty. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * Characters that make a spreadsheet (Excel, LibreOffice, Google Sheets) read a cell as a formula
 * or a command (`=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)`, `-2+3`), also after a tab or a
 * carriage return (OWASP "CSV Injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text as a spreadsheet will show it, never evaluate it: a leading `'` for text that would start a
 * formula (OWASP's recommendation; the spreadsheet hides the quote). Numbers are not text and keep
 * their sign.
 */
export function neutralizeCsvText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The one way the platform and its apps write CSV: every text cell is quoted and neutralized
 * against formula injection (names, answers, titles are user input). UTF-8 with a byte-order mark
 * by default, so Excel reads Korean correctly.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: { bom?: boolean } = {}): string {
  return stringify(
    rows.map((row) => [...row]),
    {
      bom: options.bom ?? true,
      quoted_string: true,
      cast: { string: (value) => ({ value: neutralizeCsvText(value), quoted: true }) },
    },
  );
}
