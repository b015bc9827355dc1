/** Languages the local engine has models for. */
export type Lang = 'ko' | 'en';

/** True for Hangul syllables and jamo (including compatibility jamo such as ㅋ, ㅠ). */
export function isHangul(code: number): boolean {
  return (
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0x3130 && code <= 0x318f) ||
    (code >= 0xa960 && code <= 0xa97f) ||
    (code >= 0xd7b0 && code <= 0xd7ff)
  );
}

/** Share of Hangul among letters (Hangul + Latin); 0 when the text has no letters. */
export function hangulRatio(text: string): number {
  let hangul = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHangul(c)) hangul++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  const letters = hangul + latin;
  return letters === 0 ? 0 : hangul / letters;
}

/**
 * Guesses the language from the Hangul ratio. Korean text often carries English loanwords,
 * so a modest share of Hangul already means Korean.
 */
export function detectLang(text: string): Lang {
  return hangulRatio(text) >= 0.3 ? 'ko' : 'en';
}
