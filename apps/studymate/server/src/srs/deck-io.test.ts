import { describe, expect, it } from 'vitest';
import {
  type DeckCard,
  type DeckImport,
  exportDeck,
  importDeck,
  MAX_FIELD_LENGTH,
  MAX_IMPORT_CARDS,
  MAX_REPORTED_ERRORS,
  parseAnkiText,
  parseDeckCsv,
} from './deck-io.js';

function cardsOf(result: DeckImport): DeckCard[] {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors)}`);
  return result.cards;
}

function errorsOf(result: DeckImport) {
  if (result.ok) throw new Error('import should have failed');
  return result;
}

describe('CSV import', () => {
  it('reads a deck with the header line', () => {
    const csv = 'front,back,tags\nhola,hello,spanish greetings\nadiós,goodbye,\n';
    expect(cardsOf(parseDeckCsv(csv))).toEqual([
      { front: 'hola', back: 'hello', tags: ['spanish', 'greetings'] },
      { front: 'adiós', back: 'goodbye', tags: [] },
    ]);
  });

  it('reads a deck without header, tags optional', () => {
    expect(cardsOf(parseDeckCsv('hola,hello\r\nadiós,goodbye,es\r\n'))).toEqual([
      { front: 'hola', back: 'hello', tags: [] },
      { front: 'adiós', back: 'goodbye', tags: ['es'] },
    ]);
  });

  it('follows the header when it reorders the columns', () => {
    expect(cardsOf(parseDeckCsv('Tags,Back,Front\nx,hello,hola\n'))).toEqual([
      { front: 'hola', back: 'hello', tags: ['x'] },
    ]);
  });

  it('unquotes RFC 4180 fields: separators, doubled quotes, line breaks; skips a BOM and blank lines', () => {
    const csv = '\uFEFFfront,back\n"a, b","say ""hi"""\n\n"two\r\nlines",x\n';
    expect(cardsOf(parseDeckCsv(csv))).toEqual([
      { front: 'a, b', back: 'say "hi"', tags: [] },
      { front: 'two\r\nlines', back: 'x', tags: [] },
    ]);
  });

  it('reports every bad row with its row and line, and gives no cards', () => {
    const csv = 'front,back,tags\nok,fine\n"multi\nline",\n,no front\na,b,c,d\n';
    const result = errorsOf(parseDeckCsv(csv));
    expect(result.errors).toEqual([
      { row: 2, line: 3, reason: 'the back is empty' },
      { row: 3, line: 5, reason: 'the front is empty' },
      { row: 4, line: 6, reason: '4 columns, at most 3 expected' },
    ]);
    expect(result.errorCount).toBe(3);
  });

  it('reports a broken quote as a file error with its line', () => {
    const result = errorsOf(parseDeckCsv('front,back\na,b\n"never closed,c\n'));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.reason).toMatch(/cannot be read/);
    expect(result.errors[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('keeps a stray quote inside an unquoted field', () => {
    expect(cardsOf(parseDeckCsv('5" floppy,disk\n'))[0]?.front).toBe('5" floppy');
  });

  it('lists at most MAX_REPORTED_ERRORS errors and counts them all', () => {
    const result = errorsOf(parseDeckCsv('x,\n'.repeat(MAX_REPORTED_ERRORS + 50)));
    expect(result.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(result.errorCount).toBe(MAX_REPORTED_ERRORS + 50);
  });
});

describe('limits', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `q${i},a${i}\n`).join('');

  it(`accepts ${MAX_IMPORT_CARDS} cards and refuses one more`, () => {
    expect(cardsOf(parseDeckCsv(`front,back\n${rows(MAX_IMPORT_CARDS)}`))).toHaveLength(MAX_IMPORT_CARDS);
    const over = errorsOf(parseDeckCsv(`front,back\n${rows(MAX_IMPORT_CARDS + 1)}`));
    expect(over.errors[0]?.reason).toMatch(/at most 10,000 cards/);
    expect(errorsOf(parseDeckCsv(rows(MAX_IMPORT_CARDS + 1))).errors[0]?.row).toBe(MAX_IMPORT_CARDS + 1);
    const anki = `#separator:comma\n${rows(MAX_IMPORT_CARDS + 5)}`;
    expect(errorsOf(parseAnkiText(anki)).errors[0]?.reason).toMatch(/at most 10,000 cards/);
  });

  it(`accepts fields of ${MAX_FIELD_LENGTH} characters, counting an emoji as one, and refuses longer`, () => {
    const longest = 'é'.repeat(MAX_FIELD_LENGTH);
    const emoji = '🙂'.repeat(MAX_FIELD_LENGTH);
    expect(cardsOf(parseDeckCsv(`${longest},${emoji}\n`))).toHaveLength(1);
    const result = errorsOf(parseDeckCsv(`ok,fine\n${longest}x,b\n`));
    expect(result.errors).toEqual([{ row: 2, line: 2, reason: 'column 1 is longer than 10,000 characters' }]);
  });
});

describe('Anki plain-text import', () => {
  const exported = [
    '#separator:tab',
    '#html:true',
    '#tags column:3',
    '<b>der Hund</b>\tthe dog\tgerman::nouns animals',
    '"<img src=""dog.jpg"">"\t"a line<br>and ""quotes"""\t',
    '"tab\there"\tback\t',
    '',
  ].join('\n');

  it("reads Anki's export: header lines, HTML kept, quoted fields, tags column", () => {
    const result = parseAnkiText(exported);
    expect(result).toEqual({
      ok: true,
      html: true,
      cards: [
        { front: '<b>der Hund</b>', back: 'the dog', tags: ['german::nouns', 'animals'] },
        { front: '<img src="dog.jpg">', back: 'a line<br>and "quotes"', tags: [] },
        { front: 'tab\there', back: 'back', tags: [] },
      ],
    });
  });

  it('skips guid, notetype and deck columns and ignores extra note fields', () => {
    const text = [
      '#separator:Semicolon',
      '#html:false',
      '#guid column:1',
      '#notetype column:2',
      '#deck column:3',
      '#tags column:7',
      'g1;Basic;Deck;front;back;extra;t1',
    ].join('\r\n');
    expect(parseAnkiText(text)).toEqual({
      ok: true,
      html: false,
      cards: [{ front: 'front', back: 'back', tags: ['t1'] }],
    });
  });

  it('numbers lines from the top of the file, header included', () => {
    const result = errorsOf(parseAnkiText('#separator:tab\n#html:false\nok\tfine\nno back\t\n'));
    expect(result.errors).toEqual([{ row: 2, line: 4, reason: 'the back is empty' }]);
  });

  it('refuses an unknown separator and a bad column number', () => {
    expect(errorsOf(parseAnkiText('#separator:weird\na\tb\n')).errors[0]).toMatchObject({ line: 1 });
    expect(errorsOf(parseAnkiText('#html:true\n#tags column:zero\na\tb\n')).errors[0]).toMatchObject({
      line: 2,
    });
  });

  it('is tab-separated and plain text when there is no header', () => {
    expect(parseAnkiText('a\tb\n')).toEqual({
      ok: true,
      html: false,
      cards: [{ front: 'a', back: 'b', tags: [] }],
    });
  });
});

describe('importDeck / exportDeck', () => {
  it('detects the format', () => {
    expect(importDeck('#separator:tab\na\tb\n')).toMatchObject({
      ok: true,
      cards: [{ front: 'a', back: 'b' }],
    });
    expect(importDeck('a,b\n')).toMatchObject({ ok: true, cards: [{ front: 'a', back: 'b' }] });
    expect(importDeck('a\tb\n', 'anki')).toMatchObject({ ok: true, cards: [{ front: 'a', back: 'b' }] });
  });

  it("writes Anki's header lines and a CSV header", () => {
    const cards = [{ front: 'q', back: 'a', tags: ['t'] }];
    expect(exportDeck(cards, 'anki', { html: true })).toBe(
      '#separator:tab\n#html:true\n#tags column:3\nq\ta\tt\n',
    );
    expect(exportDeck(cards, 'csv')).toBe('front,back,tags\r\nq,a,t\r\n');
  });

  it('quotes a field starting with # so it is not read as an Anki header line', () => {
    const cards = [{ front: '#separator:comma', back: 'x', tags: [] }];
    expect(cardsOf(importDeck(exportDeck(cards, 'anki')))).toEqual(cards);
    expect(cardsOf(importDeck(exportDeck(cards, 'csv')))).toEqual(cards);
  });
});
