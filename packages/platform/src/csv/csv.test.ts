import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeCsvText, toCsv } from './csv.js';

describe('toCsv', () => {
  it('prefixes a quote to text that would start a formula, and quotes every text cell', () => {
    const csv = toCsv(
      [
        ['name', 'score'],
        ['=1+2', 3],
        ['+cmd', -4],
        ['-2+3', 0],
        ['@SUM(A1)', 1],
        ['\t=1', 1],
        ['\r=1', 1],
        ['a, "b"', 1],
      ],
      { bom: false },
    );
    expect(csv.split('\n')[1]).toBe(`"'=1+2",3`);
    // Numbers are numbers, negative ones included.
    expect(csv.split('\n')[2]).toBe(`"'+cmd",-4`);
    expect(parse(csv, { relax_column_count: false })).toEqual([
      ['name', 'score'],
      ["'=1+2", '3'],
      ["'+cmd", '-4'],
      ["'-2+3", '0'],
      ["'@SUM(A1)", '1'],
      ["'\t=1", '1'],
      ["'\r=1", '1'],
      ['a, "b"', '1'],
    ]);
    expect(toCsv([['한글']]).startsWith('\uFEFF')).toBe(true);
  });

  it('never lets a text cell begin with a formula character, and reads back what was written', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { minLength: 1 }),
        (rows) => {
          const back = parse(toCsv(rows, { bom: false }), { relax_column_count: true }) as string[][];
          expect(back).toEqual(rows.map((row) => row.map(neutralizeCsvText)));
          for (const cell of back.flat()) expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
        },
      ),
    );
  });
});
