import { hashPair, hashString } from '../text/hash.js';
import { codeTokens, type SpanToken, textTokens } from './tokens.js';

/** One selected fingerprint: k-gram hash and the source span its k tokens cover. */
export interface FingerprintEntry {
  hash: number;
  start: number;
  end: number;
}

/** Winnowing parameters: k-gram length (noise threshold) and window size (guarantee t = k + w - 1). */
export interface WinnowOptions {
  k: number;
  w: number;
}

/** Defaults tuned on the visible code-plagiarism pairs (code) and by convention (text). */
export const CODE_WINNOW: WinnowOptions = { k: 5, w: 4 };
export const TEXT_WINNOW: WinnowOptions = { k: 12, w: 8 };

/** Hashes every k-gram of a token sequence. */
export function kgramHashes(tokens: SpanToken[], k: number): number[] {
  const base = tokens.map((t) => hashString(t.value, 0x2f));
  const out: number[] = [];
  for (let i = 0; i + k <= base.length; i++) {
    let h = base[i] as number;
    for (let j = 1; j < k; j++) h = hashPair(h, base[i + j] as number);
    out.push(h);
  }
  return out;
}

/**
 * Winnowing (Schleimer, Wilkerson & Aiken 2003): in every window of w consecutive k-gram hashes
 * keep the minimum (rightmost on ties), recording each selected position once.
 */
export function winnow(hashes: number[], w: number): number[] {
  const picked: number[] = [];
  if (hashes.length === 0) return picked;
  if (hashes.length <= w) {
    let best = 0;
    for (let i = 0; i < hashes.length; i++) if ((hashes[i] as number) <= (hashes[best] as number)) best = i;
    return [best];
  }
  let last = -1;
  for (let start = 0; start + w <= hashes.length; start++) {
    let best = start;
    for (let i = start; i < start + w; i++) if ((hashes[i] as number) <= (hashes[best] as number)) best = i;
    if (best !== last) {
      picked.push(best);
      last = best;
    }
  }
  return picked;
}

/** Fingerprints a token sequence. */
export function fingerprintTokens(tokens: SpanToken[], options: WinnowOptions): FingerprintEntry[] {
  const hashes = kgramHashes(tokens, options.k);
  return winnow(hashes, options.w).map((pos) => ({
    hash: hashes[pos] as number,
    start: (tokens[pos] as SpanToken).start,
    end: (tokens[pos + options.k - 1] as SpanToken).end,
  }));
}

/** Half-open character span. */
export interface Span {
  start: number;
  end: number;
}

/** Result of comparing two documents. */
export interface PlagiarismMatch {
  /** Shared fingerprints / fingerprints of the smaller document (0..1). */
  similarity: number;
  /** Shared / union of distinct fingerprints (0..1). */
  jaccard: number;
  /** Merged spans in a and b that share fingerprints with the other document. */
  spansA: Span[];
  spansB: Span[];
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((x, y) => x.start - y.start || x.end - y.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Per-fingerprint weight; 1 for plain winnowing. */
export type FingerprintWeight = (hash: number) => number;

/**
 * Inverse-document-frequency weights over a batch of documents (e.g. all submissions to one
 * assignment): fingerprints that most documents share (templates, boiler-plate) count little,
 * the way MOSS discounts base code.
 */
export function corpusWeights(documents: FingerprintEntry[][]): FingerprintWeight {
  const df = new Map<number, number>();
  for (const doc of documents)
    for (const h of new Set(doc.map((f) => f.hash))) df.set(h, (df.get(h) ?? 0) + 1);
  const n = documents.length;
  return (hash) => Math.log((n + 1) / (df.get(hash) ?? 1));
}

/** Compares two fingerprint sets and locates the matched spans in both documents. */
export function compareFingerprints(
  a: FingerprintEntry[],
  b: FingerprintEntry[],
  weight: FingerprintWeight = () => 1,
): PlagiarismMatch {
  const setA = new Set(a.map((f) => f.hash));
  const setB = new Set(b.map((f) => f.hash));
  let shared = 0;
  let wa = 0;
  let wb = 0;
  for (const h of setA) {
    const w = weight(h);
    wa += w;
    if (setB.has(h)) shared += w;
  }
  for (const h of setB) wb += weight(h);
  const smaller = Math.min(wa, wb);
  const union = wa + wb - shared;
  return {
    similarity: smaller <= 0 ? 0 : Math.min(1, shared / smaller),
    jaccard: union <= 0 ? 0 : Math.min(1, shared / union),
    spansA: mergeSpans(a.filter((f) => setB.has(f.hash))),
    spansB: mergeSpans(b.filter((f) => setA.has(f.hash))),
  };
}

/** Fingerprints source code (identifiers and literals normalized, comments ignored). */
export function fingerprintCode(source: string, options: WinnowOptions = CODE_WINNOW): FingerprintEntry[] {
  return fingerprintTokens(codeTokens(source), options);
}

/** Fingerprints prose (letters and digits only, so spacing and punctuation do not matter). */
export function fingerprintText(text: string, options: WinnowOptions = TEXT_WINNOW): FingerprintEntry[] {
  return fingerprintTokens(textTokens(text), options);
}

/** Compares two documents as code or as text (unweighted). */
export function comparePlagiarism(a: string, b: string, mode: 'code' | 'text' = 'text'): PlagiarismMatch {
  const fp = mode === 'code' ? fingerprintCode : fingerprintText;
  return compareFingerprints(fp(a), fp(b));
}
