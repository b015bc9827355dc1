/** Particle pairs whose form depends on whether the previous syllable has a final consonant. */
export type JosaPair = '이/가' | '을/를' | '은/는' | '과/와' | '으로/로' | '이에요/예요';

/** True when the last Hangul syllable has a final consonant (받침); digits/Latin use a guess. */
export function hasBatchim(word: string): boolean {
  const trimmed = word.replace(/[^\p{L}\p{N}]+$/u, '');
  const last = trimmed.charCodeAt(trimmed.length - 1);
  if (last >= 0xac00 && last <= 0xd7a3) return (last - 0xac00) % 28 !== 0;
  // digits read in Korean: 0 영, 1 일, 3 삼, 6 육, 7 칠, 8 팔 end in a consonant
  if (last >= 0x30 && last <= 0x39) return '013678'.includes(String.fromCharCode(last));
  return /[lmnr]$/iu.test(trimmed);
}

/** Attaches the right particle form: `josa('커피', '이/가')` -> `커피가`. */
export function josa(word: string, pair: JosaPair): string {
  const [withBatchim, without] = pair.split('/') as [string, string];
  if (pair === '으로/로') {
    const last = word.charCodeAt(word.length - 1);
    // ㄹ-final words take 로 (서울로)
    const rieul = last >= 0xac00 && last <= 0xd7a3 && (last - 0xac00) % 28 === 8;
    return word + (hasBatchim(word) && !rieul ? withBatchim : without);
  }
  return word + (hasBatchim(word) ? withBatchim : without);
}
