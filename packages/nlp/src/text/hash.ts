const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Starts an FNV-1a 32-bit hash, mixed with a seed so that feature families do not collide. */
export function hashStart(seed: number): number {
  return Math.imul(FNV_OFFSET ^ seed, FNV_PRIME) >>> 0;
}

/** Feeds one UTF-16 code unit into a running FNV-1a hash. */
export function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) >>> 0;
}

/** FNV-1a hash of a whole string (UTF-16 code units) under a seed. */
export function hashString(text: string, seed = 0): number {
  let h = hashStart(seed);
  for (let i = 0; i < text.length; i++) h = hashStep(h, text.charCodeAt(i));
  return finalizeHash(h);
}

/** Combines two hashes into one (order-sensitive). */
export function hashPair(a: number, b: number): number {
  return finalizeHash(Math.imul(a ^ Math.imul(b, 0x9e3779b1), FNV_PRIME) >>> 0);
}

/** Avalanche step (murmur3 fmix32) so that low bits are usable as bucket indices. */
export function finalizeHash(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}
