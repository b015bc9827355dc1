import { finalizeHash, hashPair, hashStart, hashStep, hashString } from '../text/hash.js';
import { choseongText, normalizeText, squeezeText } from '../text/normalize.js';

/** An inclusive range of n-gram lengths. */
export interface NgramRange {
  min: number;
  max: number;
}

/** How raw text becomes hashed sparse features; stored inside each model that uses them. */
export interface NgramFeatureConfig {
  /** Hash space is 2^bits buckets. */
  bits: number;
  /** Character n-gram lengths (inclusive), taken over the normalized text padded with spaces. */
  charMin: number;
  charMax: number;
  /** Word n-grams up to this length (0 = no word features). */
  wordMax: number;
  /**
   * Character n-grams over the letters and digits only (spaces, dots and symbols dropped), so
   * spaced or punctuated evasions ("시 발", "f.u.c.k") share features with the plain word.
   */
  squeeze?: NgramRange;
  /** Character n-grams over the initial consonants of Hangul syllables (시발 -> ㅅㅂ, as in abbreviations). */
  choseong?: NgramRange;
}

const CHAR_SEED = 0x51;
const WORD_SEED = 0x77;
const SQUEEZE_SEED = 0x5a;
const CHOSEONG_SEED = 0xc5;
const TOKEN_RE = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]+/gu;

/** Splits normalized text into word tokens and punctuation/emoticon runs. */
export function wordTokens(normalized: string): string[] {
  return normalized.match(TOKEN_RE) ?? [];
}

function pushCharNgrams(out: number[], padded: string, seed: number, range: NgramRange, mask: number): void {
  const len = padded.length;
  for (let i = 0; i < len; i++) {
    let h = hashStart(seed);
    for (let n = 1; n <= range.max && i + n <= len; n++) {
      h = hashStep(h, padded.charCodeAt(i + n - 1));
      if (n >= range.min) out.push(finalizeHash(h) & mask);
    }
  }
}

/** Sorted, de-duplicated hashed feature indices for a text (presence features). */
export function ngramFeatures(text: string, config: NgramFeatureConfig): Uint32Array {
  const mask = (1 << config.bits) - 1;
  const norm = normalizeText(text);
  const out: number[] = [];
  pushCharNgrams(out, ` ${norm} `, CHAR_SEED, { min: config.charMin, max: config.charMax }, mask);
  if (config.wordMax > 0) {
    const hashes = wordTokens(norm).map((w) => hashString(w, WORD_SEED));
    for (let i = 0; i < hashes.length; i++) {
      let h = hashes[i] as number;
      out.push(h & mask);
      for (let n = 2; n <= config.wordMax && i + n <= hashes.length; n++) {
        h = hashPair(h, hashes[i + n - 1] as number);
        out.push(h & mask);
      }
    }
  }
  if (config.squeeze) pushCharNgrams(out, `^${squeezeText(norm)}$`, SQUEEZE_SEED, config.squeeze, mask);
  if (config.choseong) {
    const initials = choseongText(norm);
    if (initials.length > 0) pushCharNgrams(out, ` ${initials} `, CHOSEONG_SEED, config.choseong, mask);
  }
  return uniqueSorted(out);
}

/** Sorts and de-duplicates indices into a typed array. */
export function uniqueSorted(values: number[]): Uint32Array {
  const arr = Uint32Array.from(values).sort();
  let w = 0;
  for (let r = 0; r < arr.length; r++) {
    if (r === 0 || arr[r] !== arr[w - 1]) arr[w++] = arr[r] as number;
  }
  return arr.subarray(0, w);
}
