import { finalizeHash, hashPair, hashStart, hashStep, hashString } from '../text/hash.js';
import { normalizeText } from '../text/normalize.js';

/** How raw text becomes hashed sparse features; stored inside each sentiment model. */
export interface NgramFeatureConfig {
  /** Hash space is 2^bits buckets. */
  bits: number;
  /** Character n-gram lengths (inclusive), taken over the normalized text padded with spaces. */
  charMin: number;
  charMax: number;
  /** Word n-grams up to this length (0 = no word features). */
  wordMax: number;
}

const CHAR_SEED = 0x51;
const WORD_SEED = 0x77;
const TOKEN_RE = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]+/gu;

/** Splits normalized text into word tokens and punctuation/emoticon runs. */
export function wordTokens(normalized: string): string[] {
  return normalized.match(TOKEN_RE) ?? [];
}

/** Sorted, de-duplicated hashed feature indices for a text (presence features). */
export function ngramFeatures(text: string, config: NgramFeatureConfig): Uint32Array {
  const mask = (1 << config.bits) - 1;
  const norm = normalizeText(text);
  const out: number[] = [];
  const padded = ` ${norm} `;
  const len = padded.length;
  for (let i = 0; i < len; i++) {
    let h = hashStart(CHAR_SEED);
    for (let n = 1; n <= config.charMax && i + n <= len; n++) {
      h = hashStep(h, padded.charCodeAt(i + n - 1));
      if (n >= config.charMin) out.push(finalizeHash(h) & mask);
    }
  }
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
