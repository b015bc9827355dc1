/** A normalized token with the span [start, end) it came from in the original string. */
export interface SpanToken {
  value: string;
  start: number;
  end: number;
}

const JAVA_KEYWORDS = new Set(
  (
    'abstract assert boolean break byte case catch char class const continue default do double else enum extends ' +
    'final finally float for goto if implements import instanceof int interface long native new package private ' +
    'protected public return short static strictfp super switch synchronized this throw throws transient try void ' +
    'volatile while var true false null String System out println print Scanner Math length size'
  ).split(' '),
);

const OPERATORS = [
  '>>>=',
  '<<=',
  '>>=',
  '>>>',
  '...',
  '->',
  '::',
  '++',
  '--',
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
];
const COMPOUND = /^[+\-*/%&|^]=$/;

/**
 * Tokenizes C-like source code (Java, C, JS, TS) for plagiarism detection: comments and
 * whitespace dropped, identifiers collapsed to `I` (defeats renaming), literals to `N`/`S`/`C`,
 * keywords and operators kept. Never throws: unknown characters become single-character tokens.
 */
export function codeTokens(source: string): SpanToken[] {
  const out: SpanToken[] = [];
  const n = source.length;
  let i = 0;
  while (i < n) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (/\s/u.test(c)) {
      i++;
    } else if (c === '/' && next === '/') {
      while (i < n && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const close = source.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
    } else if (c === '"' || c === "'" || c === '`') {
      const start = i++;
      while (i < n && source[i] !== c && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      i = Math.min(n, i + 1);
      out.push({ value: c === "'" ? 'C' : 'S', start, end: i });
    } else if (/[0-9]/u.test(c) || (c === '.' && next !== undefined && /[0-9]/u.test(next))) {
      const m = /^(?:0[xX][0-9a-fA-F_]+|[0-9_]*\.?[0-9_]+(?:[eE][+-]?[0-9]+)?)[lLfFdD]?/u.exec(
        source.slice(i, i + 64),
      );
      const len = Math.max(1, m?.[0].length ?? 1);
      out.push({ value: 'N', start: i, end: i + len });
      i += len;
    } else if (/[\p{L}_$]/u.test(c)) {
      const start = i;
      while (i < n && /[\p{L}\p{N}_$]/u.test(source[i] as string)) i++;
      const word = source.slice(start, i);
      out.push({ value: JAVA_KEYWORDS.has(word) ? word : 'I', start, end: i });
    } else {
      const op =
        OPERATORS.find((o) => source.startsWith(o, i)) ??
        (COMPOUND.test(source.slice(i, i + 2)) ? source.slice(i, i + 2) : c);
      out.push({ value: op, start: i, end: i + op.length });
      i += op.length;
    }
  }
  return out;
}

/**
 * Tokenizes prose for plagiarism detection: one token per letter or digit (lower-cased, NFC),
 * so the method works for Korean and English alike and ignores spacing and punctuation.
 */
export function textTokens(text: string): SpanToken[] {
  const out: SpanToken[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) as number;
    const ch = String.fromCodePoint(code);
    const width = ch.length;
    if (/[\p{L}\p{N}]/u.test(ch))
      out.push({ value: ch.toLowerCase().normalize('NFC'), start: i, end: i + width });
    i += width - 1;
  }
  return out;
}
