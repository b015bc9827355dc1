/**
 * Which passages a sentence came from: the passages sharing the most character bigrams with it
 * (bigrams work for Korean, where particles change the words, and for English alike). An
 * extractive summary sentence finds its own passage at overlap 1; an abstractive one finds the
 * passages it paraphrases.
 */
export function citePassages(
  sentence: string,
  passages: readonly { ordinal: number; text: string }[],
  max = 2,
): number[] {
  const target = bigrams(sentence);
  if (target.size === 0) return [];
  const scored = passages
    .map((passage) => ({ ordinal: passage.ordinal, score: containment(target, bigrams(passage.text)) }))
    .filter((entry) => entry.score >= MIN_OVERLAP)
    .sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
  const best = scored[0]?.score ?? 0;
  return scored
    .filter((entry) => entry.score >= best * 0.8)
    .slice(0, max)
    .map((entry) => entry.ordinal)
    .sort((a, b) => a - b);
}

/** Below this share of a sentence's bigrams found in a passage, the passage is not a source. */
const MIN_OVERLAP = 0.35;

/** The passage that explains a term best: the first that defines it, else the one that uses it most. */
export function passageOfTerm(
  term: string,
  passages: readonly { ordinal: number; text: string }[],
): number | null {
  const needle = term.toLowerCase();
  let best: { ordinal: number; score: number } | null = null;
  for (const passage of passages) {
    const text = passage.text.toLowerCase();
    const count = text.split(needle).length - 1;
    if (count === 0) continue;
    const defines = DEFINES.some((pattern) => pattern(needle).test(text));
    const score = (defines ? 100 : 0) + count;
    if (!best || score > best.score) best = { ordinal: passage.ordinal, score };
  }
  return best?.ordinal ?? null;
}

const escapeRegExp = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DEFINES: ((term: string) => RegExp)[] = [
  (term) =>
    new RegExp(`${escapeRegExp(term)}\\s*(\\(|,)?[^.]{0,40}\\b(is|are|means|refers to|is called)\\b`, 'u'),
  (term) => new RegExp(`\\b(called|known as|termed)\\s+${escapeRegExp(term)}`, 'u'),
  (term) => new RegExp(`${escapeRegExp(term)}(은|는|이란|란|이라는 것은)\\s`, 'u'),
];

function bigrams(text: string): Set<string> {
  const letters = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const out = new Set<string>();
  for (const word of letters.split(' ')) {
    if (word.length === 1) out.add(word);
    for (let i = 0; i + 1 < word.length; i++) out.add(word.slice(i, i + 2));
  }
  return out;
}

function containment(part: Set<string>, whole: Set<string>): number {
  let shared = 0;
  for (const gram of part) if (whole.has(gram)) shared++;
  return shared / part.size;
}
