import type { Lang } from '../text/lang.js';
import { splitSentences } from '../text/sentences.js';

/** A piece of a review scored on its own. */
export interface Clause {
  /** The clause as written (NFC, single spaces; case and characters kept for display). */
  text: string;
  /**
   * True for the clause(s) that carry the point of a contrast: what follows the last contrast
   * of the review (`A지만 B`, `A는데 B`, `A. 근데 B`, `A but B`), or the main clause of an English
   * concession (`Although A, B`; `B, though A`).
   */
  stressed: boolean;
}

// Word endings that join two clauses with a contrast: 맛있지만, 있는데, 좋은데, 한데, 예쁜데, 했으나.
const KO_CONTRAST_END =
  /(?:지만|지마는|는데|은데|[인한운쁜픈큰든건긴된난진]데|으나|았으나|었으나|더니|데도|는데도|지만은)[,.!~…]*$/u;
// Words that open a clause contrasting with what came before.
const KO_CONTRAST_START = new Set([
  '근데',
  '그런데',
  '하지만',
  '그러나',
  '그래도',
  '그치만',
  '그렇지만',
  '다만',
  '반면',
  '반면에',
  '그런데도',
  '대신',
]);
// Word endings that join clauses without a contrast: 맛있고, 친절해서, 늦어서, 기름지며.
const KO_PLAIN_END = /(?:[가-힣]고|[아어여해와워져쳐봐돼려러겨켜셔혀펴내새개래]서|며|면서|니까)[,.!~…]*$/u;
// Nouns ending in 고 or 서 that are not connectives.
const KO_NOT_CONNECTIVE = new Set([
  '최고',
  '광고',
  '재고',
  '창고',
  '참고',
  '신고',
  '경고',
  '원고',
  '보고',
  '사고',
  '장고',
  '고고',
  '정말로',
]);

function splitKorean(sentence: string): Array<{ text: string; contrastBefore: boolean }> {
  const out: Array<{ text: string; contrastBefore: boolean }> = [];
  let words: string[] = [];
  let contrastNext = false;
  let contrastCurrent = false;
  const flush = (): void => {
    if (words.length > 0) out.push({ text: words.join(' '), contrastBefore: contrastCurrent });
    words = [];
    contrastCurrent = contrastNext;
    contrastNext = false;
  };
  for (const word of sentence.split(' ')) {
    const bare = word.replace(/[,.!?~…]+$/u, '');
    if (KO_CONTRAST_START.has(bare)) {
      contrastNext = true;
      flush();
      continue;
    }
    words.push(word);
    if (KO_NOT_CONNECTIVE.has(bare)) continue;
    if (KO_CONTRAST_END.test(word)) {
      contrastNext = true;
      flush();
    } else if (KO_PLAIN_END.test(word) || word.endsWith(',')) flush();
  }
  flush();
  return out;
}

const EN_AND_CLAUSE =
  /,? and (?=(?:the|my|our|their|it|its|it's|they|we|i|he|she|service|staff|food|prices?|delivery|parking|everything|nobody)\b)/iu;

const CONCESSIVE = new Set(['although', 'though', 'even though', 'whereas']);

function splitEnglish(sentence: string): Clause[] {
  // "Although A, B" / "Though A, B": B is the point.
  const lead = sentence.match(/^(?:although|though|even though|while|whereas)\s+([^,]+),\s*(.+)$/iu);
  if (lead) {
    return [
      ...splitEnglishPlain(lead[1] as string).map((text) => ({ text, stressed: false })),
      ...splitEnglishPlain(lead[2] as string).map((text) => ({ text, stressed: true })),
    ];
  }
  const parts = sentence.split(
    /,?\s*\b(but|however|yet|nevertheless|although|though|even though|whereas)\b,?\s*/iu,
  );
  if (parts.length === 1) return splitEnglishPlain(sentence).map((text) => ({ text, stressed: false }));
  // parts alternate text, marker, text...; the last marker decides: "A but B" stresses B,
  // "B, though A" stresses B (the text before the concession).
  const last = (parts.length - 3) / 2;
  const concessive = CONCESSIVE.has((parts[parts.length - 2] as string).toLowerCase());
  const out: Clause[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const k = i / 2;
    const stressed = concessive ? k === last : k === last + 1;
    for (const text of splitEnglishPlain(parts[i] as string)) out.push({ text, stressed });
  }
  return out;
}

function splitEnglishPlain(text: string): string[] {
  return text
    .split(/\s*[;,]\s*|\s+-\s+/u)
    .flatMap((p) => p.split(EN_AND_CLAUSE))
    .map((p) => p.trim())
    .filter((p) => /\p{L}/u.test(p));
}

/**
 * Splits a review into clauses: sentences first, then Korean connective endings (-지만, -는데,
 * -고, -서...) and contrast words (근데, 하지만), or English commas, `and` + a new subject, and
 * contrast words. Clauses keep their order; see {@link Clause.stressed} for the contrast rule.
 */
export function splitClauses(text: string, lang: Lang): Clause[] {
  const sentences = splitSentences(text.normalize('NFC'))
    .map((s) => s.replace(/\s+/gu, ' ').trim())
    .filter((s) => s.length > 0);
  if (lang === 'en') {
    return sentences.flatMap((s) => splitEnglish(s.replace(/[.!?…]+$/u, '')));
  }
  const parts = sentences.flatMap(splitKorean).filter((p) => /[\p{L}\p{N}]/u.test(p.text));
  let last = -1;
  parts.forEach((p, i) => {
    if (p.contrastBefore) last = i;
  });
  return parts.map((p, i) => ({ text: p.text, stressed: last >= 0 && i >= last }));
}
