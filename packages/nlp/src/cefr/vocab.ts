import type { PartOfSpeech } from 'wink-nlp';
import type { EnToken } from '../en/analyze.js';
import { levelNumber } from './levels.js';

/**
 * Compact word-level list shipped as `models/cefr-vocab.json`: key -> "posCode+level" items,
 * e.g. `"cast": "v1,n2"`. Keys are lower-case headwords; multi-word entries keep their spaces.
 */
export interface VocabFile {
  format: 'nlp-cefr-vocab/1';
  entries: Record<string, string>;
  meta: Record<string, unknown>;
}

const POS_CODES: Record<string, string> = {
  noun: 'n',
  verb: 'v',
  'be-verb': 'v',
  'do-verb': 'v',
  'have-verb': 'v',
  'modal auxiliary': 'v',
  adjective: 'j',
  adverb: 'r',
  pronoun: 'p',
  preposition: 'i',
  determiner: 'd',
  conjunction: 'c',
  number: 'm',
  interjection: 'u',
  'infinitive-to': 't',
};

const UD_CODES: Partial<Record<PartOfSpeech, string>> = {
  NOUN: 'n',
  PROPN: 'n',
  VERB: 'v',
  AUX: 'v',
  ADJ: 'j',
  ADV: 'r',
  PRON: 'p',
  ADP: 'i',
  DET: 'd',
  CCONJ: 'c',
  SCONJ: 'c',
  NUM: 'm',
  INTJ: 'u',
  PART: 't',
};

/**
 * Merges the CEFR-J rows (headword, pos, level) and Octanove C1/C2 rows into one vocabulary.
 * CEFR-J wins when both list the same (word, pos); otherwise the lowest level is kept.
 * Headwords with spelling variants (`analyze/analyse`) are split on `/`.
 */
export function buildVocab(cefrj: string[][], octanove: string[][]): VocabFile {
  const map = new Map<string, Map<string, number>>();
  const fromCefrj = new Set<string>();
  const add = (rows: string[][], primary: boolean): void => {
    for (const [head, pos, level] of rows) {
      const lv = levelNumber(level ?? '');
      const code = POS_CODES[(pos ?? '').trim()] ?? 'x';
      if (!head || lv === undefined) continue;
      for (const variant of head.split('/')) {
        const key = variant.trim().toLowerCase();
        if (!key || (!primary && fromCefrj.has(`${key}|${code}`))) continue;
        if (primary) fromCefrj.add(`${key}|${code}`);
        const byPos = map.get(key) ?? new Map<string, number>();
        map.set(key, byPos);
        const old = byPos.get(code);
        if (old === undefined || lv < old) byPos.set(code, lv);
      }
    }
  };
  add(cefrj, true);
  add(octanove, false);
  const entries: Record<string, string> = {};
  for (const key of [...map.keys()].sort()) {
    const byPos = map.get(key) as Map<string, number>;
    entries[key] = [...byPos.entries()]
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
      .map(([code, lv]) => `${code}${lv}`)
      .join(',');
  }
  return { format: 'nlp-cefr-vocab/1', entries, meta: {} };
}

/** Word-level lookups over a vocabulary file. */
export interface VocabLookup {
  /** Level 1..6 of a word (by POS when listed for it), or 0 when unknown. */
  levelOf(words: string[], pos: PartOfSpeech): number;
  /** Level of a multi-word entry, or 0. */
  phraseLevel(phrase: string): number;
  /** Longest multi-word entry length, in words. */
  maxPhraseWords: number;
}

function parseItems(value: string): Array<[string, number]> {
  return value.split(',').map((item) => [item.slice(0, 1), Number(item.slice(1))]);
}

/** Prepares fast lookups over a vocabulary file. */
export function createVocabLookup(file: VocabFile): VocabLookup {
  const single = new Map<string, Array<[string, number]>>();
  const phrases = new Map<string, number>();
  let maxPhraseWords = 1;
  for (const [key, value] of Object.entries(file.entries)) {
    const items = parseItems(value);
    if (key.includes(' ')) {
      phrases.set(key, Math.min(...items.map((i) => i[1])));
      maxPhraseWords = Math.max(maxPhraseWords, key.split(' ').length);
    } else single.set(key, items);
  }
  return {
    maxPhraseWords,
    phraseLevel: (phrase) => phrases.get(phrase) ?? 0,
    levelOf(words, pos) {
      const code = UD_CODES[pos];
      for (const w of words) {
        const items = single.get(w);
        if (!items) continue;
        const exact = items.find((i) => i[0] === code);
        return exact ? exact[1] : (items[0]?.[1] ?? 0);
      }
      return 0;
    },
  };
}

/** True for tokens that count as words for vocabulary statistics. */
export function isLexicalToken(t: EnToken): boolean {
  return t.type === 'word' && t.pos !== 'PROPN' && t.pos !== 'PUNCT' && t.pos !== 'SYM' && t.pos !== 'NUM';
}

/**
 * CEFR level of each lexical token (0 = not listed). Multi-word entries (`according to`) are
 * matched greedily on normal forms and lemmas; the words they cover count once.
 */
export function tokenLevels(tokens: EnToken[], vocab: VocabLookup): number[] {
  const levels: number[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as EnToken;
    let matched = 0;
    for (let n = Math.min(vocab.maxPhraseWords, tokens.length - i); n >= 2 && matched === 0; n--) {
      const span = tokens.slice(i, i + n);
      const lv =
        vocab.phraseLevel(span.map((s) => s.normal).join(' ')) ||
        vocab.phraseLevel(span.map((s) => s.lemma).join(' '));
      if (lv > 0) {
        levels.push(lv);
        matched = n;
      }
    }
    if (matched > 0) {
      i += matched;
      continue;
    }
    if (isLexicalToken(t)) {
      let lv = vocab.levelOf([t.lemma, t.normal], t.pos);
      if (lv === 0 && t.normal.includes('-')) {
        const parts = t.normal.split('-').filter(Boolean);
        const partLv = parts.map((p) => vocab.levelOf([p], t.pos));
        lv = partLv.every((l) => l > 0) ? Math.max(...partLv) : 0;
      }
      levels.push(lv);
    }
    i++;
  }
  return levels;
}
