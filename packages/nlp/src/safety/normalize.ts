import { joinSpacedLetters, nfkcKeepJamo, stripInvisible } from '../text/normalize.js';

function step(text: string): string {
  const folded = stripInvisible(nfkcKeepJamo(text)).toLowerCase();
  return joinSpacedLetters(folded.replace(/\s+/gu, ' ').trim());
}

/**
 * Normalises a message before the safety rules read it: NFKC (full-width and styled letters
 * and digits become plain ASCII; Hangul jamo such as ㅋㅌ kept), invisible characters removed, lower case, whitespace runs
 * collapsed, and letters or digits written one at a time joined ("0 1 0 1 2", "카.톡").
 * Idempotent and total: any string, including lone surrogates, gives a string.
 */
export function normalizeForSafety(text: string): string {
  let out = text;
  // NFKC, lower-casing and joining can each enable another; a few rounds reach the fixed point.
  for (let round = 0; round < 5; round++) {
    const next = step(out);
    if (next === out) break;
    out = next;
  }
  return out;
}
