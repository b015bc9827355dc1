import { IMPORT_MAX_ROWS } from '@app/storehelper-contracts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** A spreadsheet as text: its header row and the data rows keyed by header. */
export interface Sheet {
  headers: string[];
  rows: Record<string, string>[];
  /** Spreadsheet row number of the first data row (the header is row 1). */
  firstRow: number;
}

/** Why a file could not be read as a table at all (the whole import is refused). */
export class SheetError extends Error {}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reads a CSV (UTF-8, or CP949 as Korean Excel saves it) or the first worksheet of an XLSX. */
export async function readSheet(bytes: Buffer, contentType: string): Promise<Sheet> {
  if (contentType === XLSX) return readXlsx(bytes);
  if (contentType === 'text/plain; charset=euc-kr') return readCsv(new TextDecoder('euc-kr').decode(bytes));
  if (contentType.startsWith('text/plain')) return readCsv(decode(bytes));
  throw new SheetError('Upload a CSV or an Excel (XLSX) file.');
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Korean Excel's "CSV" is CP949 (a superset of EUC-KR).
    return new TextDecoder('euc-kr').decode(bytes);
  }
}

function readCsv(text: string): Sheet {
  let records: string[][];
  try {
    const delimiter = sniffDelimiter(text);
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      to: IMPORT_MAX_ROWS + 2,
    });
  } catch (error) {
    throw new SheetError(`The CSV cannot be read: ${(error as Error).message}`);
  }
  return toSheet(records);
}

/** Comma, semicolon or tab, whichever the header line has most of. */
function sniffDelimiter(text: string): string {
  const first = text.slice(0, text.indexOf('\n') >>> 0 || text.length);
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new SheetError('The Excel file cannot be read (damaged, or not an XLSX).');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SheetError('The Excel file has no worksheet.');
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (records.length > IMPORT_MAX_ROWS + 1) return;
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = cellText(cell.value);
    });
    records.push(Array.from(values, (v) => v ?? ''));
  });
  return toSheet(records);
}

/** A cell as text: dates as ISO, rich text joined, formulas by their result, hyperlinks by their text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value).trim();
}

function toSheet(records: string[][]): Sheet {
  const [header, ...data] = records;
  if (!header || header.every((h) => !h.trim())) throw new SheetError('The first row must name the columns.');
  if (data.length > IMPORT_MAX_ROWS)
    throw new SheetError(`At most ${IMPORT_MAX_ROWS} rows can be imported at once.`);
  const headers = header.map((h, i) => h.trim() || `Column ${i + 1}`);
  const rows = data.map((values) => Object.fromEntries(headers.map((h, i) => [h, (values[i] ?? '').trim()])));
  return { headers, rows, firstRow: 2 };
}
