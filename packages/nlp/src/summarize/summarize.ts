import { analyzeEnglish } from '../en/analyze.js';
import { nounCore } from '../ko/morph.js';
import { detectLang, type Lang } from '../text/lang.js';
import { splitSentences } from '../text/sentences.js';
import { rankSentenceSets } from './textrank.js';

/** Options for {@link summarize}. */
export interface SummarizeOptions {
  lang?: Lang | undefined;
  /** Number of sentences to keep (default: about a third, between 1 and 5). */
  sentences?: number | undefined;
}

/** A sentence with its TextRank score and position. */
export interface RankedSentence {
  index: number;
  text: string;
  score: number;
}

function koreanTerms(sentence: string): Set<string> {
  const terms = new Set<string>();
  for (const word of sentence.split(' ')) {
    const core = nounCore(word);
    if (core && core.length >= 2) terms.add(core);
    // character bigrams of the word make inflected forms overlap
    const clean = word.replace(/[^\p{L}\p{N}]/gu, '');
    for (let i = 0; i + 2 <= clean.length; i++) terms.add(`#${clean.slice(i, i + 2)}`);
  }
  return terms;
}

/** Splits a text into sentences with their term sets for the sentence graph. */
function sentenceTerms(text: string, lang: Lang): Array<{ text: string; terms: Set<string> }> {
  if (lang === 'ko') return splitSentences(text).map((s) => ({ text: s, terms: koreanTerms(s) }));
  return analyzeEnglish(text)
    .map((s) => ({
      text: s.text.trim(),
      terms: new Set(s.tokens.filter((t) => t.type === 'word' && !t.stop).map((t) => t.lemma)),
    }))
    .filter((s) => s.text.length > 0);
}

/** Ranks the sentences of a text by TextRank centrality, best first. */
export function rankSentences(text: string, lang?: Lang): RankedSentence[] {
  const items = sentenceTerms(text, lang ?? detectLang(text));
  const scores = rankSentenceSets(items.map((i) => i.terms));
  return items
    .map((item, index) => ({ index, text: item.text, score: scores[index] ?? 0 }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
}

/** Extractive summary: the most central sentences, in their original order, joined by spaces. */
export function summarize(text: string, options: SummarizeOptions = {}): string {
  const ranked = rankSentences(text, options.lang);
  const n = ranked.length;
  const keep = Math.max(1, Math.min(n, options.sentences ?? Math.min(5, Math.ceil(n / 3))));
  return ranked
    .slice(0, keep)
    .sort((a, b) => a.index - b.index)
    .map((s) => s.text)
    .join(' ');
}
