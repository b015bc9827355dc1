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

/** Zero-width and other invisible format characters that split words without showing (ZWSP, ZWJ, BOM, soft hyphen...). */
const INVISIBLE_RE = /[\p{Cf}\u115f\u1160\u3164\uffa0]/gu;

/** Removes invisible characters (including the Hangul fillers used as "blank" letters). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_RE, '');
}

/** Keeps only letters and digits: "시 발", "f.u.c.k" and "s-e-x" become one run. */
export function squeezeText(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

const CHOSEONG = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';

/**
 * The initial consonants of the Hangul in a text, one word per space-separated group
 * ("시발 놈아" -> "ㅅㅂ ㄴㅇ"); compatibility consonants already written as jamo are kept.
 */
export function choseongText(text: string): string {
  const words: string[] = [];
  for (const word of text.split(/\s+/u)) {
    let w = '';
    for (const ch of word) {
      const c = ch.charCodeAt(0);
      if (c >= 0xac00 && c <= 0xd7a3) w += CHOSEONG[Math.floor((c - 0xac00) / 588)];
      else if (c >= 0x3131 && c <= 0x314e) w += ch;
    }
    if (w.length > 0) words.push(w);
  }
  return words.join(' ');
}

const SPACED_RUN_RE =
  /(?<![\p{L}\p{M}\p{N}])[\p{L}\p{N}]\p{M}*(?:[\s.\-_·*/]{1,3}[\p{L}\p{N}]\p{M}*(?![\p{L}\p{M}\p{N}])){1,}/gu;

/**
 * Joins letters or digits written one at a time to dodge filters: three or more single
 * characters separated by spaces or symbols ("s e x", "0 1 0 1 2 3", "카 톡 아 이 디"), or two
 * separated by symbols only ("카.톡"), become one word. Longer words are left alone.
 */
export function joinSpacedLetters(text: string): string {
  return text.replace(SPACED_RUN_RE, (run) => {
    const parts = run.match(/[\p{L}\p{N}]\p{M}*/gu) ?? [];
    const spaced = /\s/u.test(run);
    if (parts.length >= 3 || (parts.length === 2 && !spaced)) return parts.join('');
    return run;
  });
}

/**
 * NFKC that keeps Hangul compatibility jamo (ㅋ, ㅅ, ㅂ...) as they are: plain NFKC would turn
 * them into conjoining jamo, so "ㅋㅌ" or "ㅅㅂ" would no longer match themselves.
 */
export function nfkcKeepJamo(text: string): string {
  return text.replace(/[^\u3131-\u318e]+/gu, (part) => part.normalize('NFKC'));
}
