import { extractKeywords, type Keyword } from '../keywords/keywords.js';
import { rankSentences } from '../summarize/summarize.js';
import { detectLang, type Lang } from '../text/lang.js';
import { makeRng, shuffleInPlace } from '../text/random.js';

/** Kinds of generated questions. */
export type QuizType = 'cloze' | 'multiple-choice' | 'true-false';

/** One generated question. `sentence` is the source sentence it came from. */
export type QuizItem =
  | { type: 'cloze'; prompt: string; answer: string; sentence: string }
  | { type: 'multiple-choice'; prompt: string; choices: string[]; answerIndex: number; sentence: string }
  | { type: 'true-false'; statement: string; answer: boolean; sentence: string };

/** Options for {@link generateQuiz}. */
export interface QuizOptions {
  lang?: Lang | undefined;
  /** Maximum number of questions (default 5). */
  count?: number | undefined;
  /** Question types to cycle through (default all three). */
  types?: QuizType[] | undefined;
  /** Seed for choice order and true/false decisions (default 1). */
  seed?: number | undefined;
}

/** The blank shown in cloze and multiple-choice prompts. */
export const BLANK = '_____';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Finds a key term in a sentence; English allows inflected last words (cell -> cells). */
export function findTerm(
  sentence: string,
  term: string,
  lang: Lang,
): { index: number; surface: string } | undefined {
  const words = term.split(' ').map(escapeRegExp);
  const source =
    lang === 'ko'
      ? words.join('\\s*')
      : `(?<![\\p{L}\\p{N}])${words.join('\\s+')}[\\p{Ll}]{0,3}(?![\\p{L}\\p{N}])`;
  const m = new RegExp(source, 'iu').exec(sentence);
  return m ? { index: m.index, surface: m[0] } : undefined;
}

/**
 * Distractors for an answer: other key terms of the same kind first, then of similar length,
 * never overlapping the answer or already present in the sentence.
 */
export function pickDistractors(
  answer: string,
  kind: Keyword['kind'],
  pool: Keyword[],
  sentence: string,
  n: number,
): string[] {
  const a = answer.toLowerCase();
  const candidates = pool.filter((k) => {
    const t = k.term.toLowerCase();
    return !a.includes(t) && !t.includes(a) && !sentence.toLowerCase().includes(t);
  });
  candidates.sort(
    (x, y) =>
      Number(y.kind === kind) - Number(x.kind === kind) ||
      Math.abs(x.term.length - answer.length) - Math.abs(y.term.length - answer.length) ||
      y.score - x.score,
  );
  const out: string[] = [];
  for (const c of candidates) if (out.length < n && !out.includes(c.term)) out.push(c.term);
  return out;
}

/**
 * Generates questions from study material: central sentences (TextRank) with one key term each.
 * Cloze blanks the term; multiple choice adds distractors drawn from other key terms of the same
 * kind and similar length; true/false swaps the term for a distractor in about half the items.
 */
export function generateQuiz(text: string, options: QuizOptions = {}): QuizItem[] {
  const lang = options.lang ?? detectLang(text);
  const count = options.count ?? 5;
  const types =
    options.types && options.types.length > 0
      ? options.types
      : (['cloze', 'multiple-choice', 'true-false'] as const);
  const rng = makeRng(options.seed ?? 1);
  const keywords = extractKeywords(text, { lang, limit: 30 });
  const items: QuizItem[] = [];
  const used = new Set<string>();
  for (const { text: sentence } of rankSentences(text, lang)) {
    if (items.length >= count) break;
    let hit: { kw: Keyword; index: number; surface: string } | undefined;
    for (const kw of keywords) {
      if (used.has(kw.term)) continue;
      const found = findTerm(sentence, kw.term, lang);
      if (found) {
        hit = { kw, ...found };
        break;
      }
    }
    if (!hit) continue;
    const before = sentence.slice(0, hit.index);
    const after = sentence.slice(hit.index + hit.surface.length);
    const type = types[items.length % types.length] as QuizType;
    const distractors = pickDistractors(hit.surface, hit.kw.kind, keywords, sentence, 3);
    if (type === 'cloze') {
      items.push({ type, prompt: `${before}${BLANK}${after}`, answer: hit.surface, sentence });
    } else if (type === 'multiple-choice') {
      if (distractors.length === 0) continue;
      const choices = shuffleInPlace([hit.surface, ...distractors], rng);
      items.push({
        type,
        prompt: `${before}${BLANK}${after}`,
        choices,
        answerIndex: choices.indexOf(hit.surface),
        sentence,
      });
    } else {
      const swap = distractors[0];
      const makeFalse = swap !== undefined && rng() < 0.5;
      items.push({
        type,
        statement: makeFalse ? `${before}${swap}${after}` : sentence,
        answer: !makeFalse,
        sentence,
      });
    }
    used.add(hit.kw.term);
  }
  return items;
}
