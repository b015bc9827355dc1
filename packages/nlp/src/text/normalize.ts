/** Folds full-width ASCII (U+FF01..U+FF5E) and the ideographic space to plain ASCII. */
export function foldFullWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/gu, (ch) => {
    const c = ch.charCodeAt(0);
    return c === 0x3000 ? ' ' : String.fromCharCode(c - 0xfee0);
  });
}

/**
 * Normalizes free text for feature extraction: NFC, full-width folded to ASCII, lower case,
 * whitespace runs collapsed, and runs of one repeated character capped at `maxRun`
 * (so `ㅋㅋㅋㅋㅋ` and `ㅋㅋㅋ` look alike).
 */
export function normalizeText(text: string, maxRun = 3): string {
  const base = foldFullWidth(text.normalize('NFC')).toLowerCase().replace(/\s+/gu, ' ').trim();
  let out = '';
  let prev = '';
  let run = 0;
  for (const ch of base) {
    if (ch === prev) {
      run++;
      if (run > maxRun) continue;
    } else {
      prev = ch;
      run = 1;
    }
    out += ch;
  }
  return out;
}
