import type { PartOfSpeech } from 'wink-nlp';
import type { EnToken } from '../en/analyze.js';
import { uniqueSorted } from '../sentiment/features.js';
import { hashString } from '../text/hash.js';
import { isLexicalToken, tokenLevels, type VocabLookup } from './vocab.js';

const POS_SHARES: PartOfSpeech[] = [
  'NOUN',
  'VERB',
  'ADJ',
  'ADV',
  'PROPN',
  'NUM',
  'ADP',
  'PRON',
  'DET',
  'AUX',
  'CCONJ',
  'SCONJ',
  'PART',
  'PUNCT',
];

const SUBORDINATORS = new Set([
  'although',
  'though',
  'because',
  'since',
  'unless',
  'whereas',
  'while',
  'whilst',
  'if',
  'when',
  'whenever',
  'until',
  'after',
  'before',
  'once',
  'as',
  'whether',
  'so',
]);
const RELATIVES = new Set(['which', 'who', 'whom', 'whose', 'where', 'that']);
const BE_FORMS = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being']);

/** Names of the dense CEFR features, in the order {@link sentenceFeatures} returns them. */
export const CEFR_FEATURE_NAMES: readonly string[] = [
  'log_words',
  'log_tokens',
  'mean_word_chars',
  'share_long_words',
  'mean_syllables',
  'share_polysyllabic',
  'share_lv1',
  'share_lv2',
  'share_lv3',
  'share_lv4',
  'share_lv5',
  'share_lv6',
  'share_unlisted',
  'mean_listed_level',
  'max_level',
  'second_level',
  'log_count_b1plus',
  'log_count_b2plus',
  'log_count_c1plus',
  'log_count_unlisted',
  'share_oov',
  'log_count_oov',
  ...POS_SHARES.map((p) => `share_${p.toLowerCase()}`),
  'log_subordinators',
  'log_relatives',
  'log_commas',
  'log_brackets',
  'passive',
  'log_ing',
  'share_content',
  'log_propn',
  'log_numbers',
  'lexical_density',
];

/** Rough English syllable count (vowel groups, silent final e). */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  const groups = w.match(/[aeiouy]+/g)?.length ?? 0;
  const silentE = w.length > 2 && w.endsWith('e') && !w.endsWith('le') ? 1 : 0;
  return Math.max(1, groups - silentE);
}

const log1p = Math.log1p;

/** Dense, unscaled features of one sentence for the CEFR model. */
export function sentenceFeatures(tokens: EnToken[], vocab: VocabLookup): number[] {
  const words = tokens.filter((t) => t.type === 'word');
  const lexical = tokens.filter(isLexicalToken);
  const nWords = Math.max(1, words.length);
  const nTokens = Math.max(1, tokens.length);
  const chars = words.map((t) => t.value.length);
  const syl = words.map((t) => syllables(t.value));
  const levels = tokenLevels(tokens, vocab);
  const nLv = Math.max(1, levels.length);
  const listed = levels.filter((l) => l > 0).sort((a, b) => b - a);
  const countAtLeast = (k: number): number => levels.filter((l) => l >= k).length;
  const unlisted = levels.filter((l) => l === 0).length;
  const oov = lexical.filter((t) => t.oov).length;
  const posShares = POS_SHARES.map((p) => tokens.filter((t) => t.pos === p).length / nTokens);
  let subordinators = 0;
  let relatives = 0;
  let passive = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as EnToken;
    if (t.pos === 'SCONJ' || (SUBORDINATORS.has(t.normal) && t.pos !== 'ADP' && t.pos !== 'ADV'))
      subordinators++;
    const prev = tokens[i - 1];
    if (
      RELATIVES.has(t.normal) &&
      prev &&
      (prev.pos === 'NOUN' || prev.pos === 'PROPN' || prev.value === ',')
    ) {
      relatives++;
    }
    if (BE_FORMS.has(t.normal)) {
      const next = tokens[i + 1]?.pos === 'ADV' ? tokens[i + 2] : tokens[i + 1];
      if (next && next.pos === 'VERB' && /(ed|en|wn|un)$/.test(next.normal)) passive++;
    }
  }
  const content = words.filter((t) => !t.stop).length;
  const lexicalDensity = tokens.filter((t) => ['NOUN', 'VERB', 'ADJ', 'ADV'].includes(t.pos)).length / nWords;
  return [
    log1p(words.length),
    log1p(tokens.length),
    chars.reduce((a, b) => a + b, 0) / nWords,
    chars.filter((c) => c >= 8).length / nWords,
    syl.reduce((a, b) => a + b, 0) / nWords,
    syl.filter((s) => s >= 3).length / nWords,
    ...[1, 2, 3, 4, 5, 6].map((k) => levels.filter((l) => l === k).length / nLv),
    unlisted / nLv,
    listed.length > 0 ? listed.reduce((a, b) => a + b, 0) / listed.length : 0,
    listed[0] ?? 0,
    listed[1] ?? 0,
    log1p(countAtLeast(3)),
    log1p(countAtLeast(4)),
    log1p(countAtLeast(5)),
    log1p(unlisted),
    oov / Math.max(1, lexical.length),
    log1p(oov),
    ...posShares,
    log1p(subordinators),
    log1p(relatives),
    log1p(tokens.filter((t) => t.value === ',' || t.value === ';').length),
    log1p(tokens.filter((t) => t.value === '(' || t.value === '-LRB-').length),
    log1p(passive),
    log1p(tokens.filter((t) => t.pos === 'VERB' && t.normal.endsWith('ing')).length),
    content / nWords,
    log1p(tokens.filter((t) => t.pos === 'PROPN').length),
    log1p(tokens.filter((t) => t.pos === 'NUM').length),
    lexicalDensity,
  ];
}

/** Hashed sparse features of a sentence: lemmas, POS n-grams (1-3) and 3-letter word endings. */
export function sentenceSparseFeatures(tokens: EnToken[], bits: number): Uint32Array {
  const mask = (1 << bits) - 1;
  const out: number[] = [];
  const pos = ['<s>', ...tokens.map((t) => t.pos), '</s>'];
  for (const t of tokens) {
    if (t.type !== 'word') continue;
    out.push(hashString(t.pos === 'PROPN' ? 'PROPN' : t.lemma, 11) & mask);
    if (t.normal.length > 4) out.push(hashString(t.normal.slice(-3), 13) & mask);
  }
  for (let i = 0; i < pos.length; i++) {
    out.push(hashString(pos[i] as string, 17) & mask);
    if (i + 1 < pos.length) out.push(hashString(`${pos[i]} ${pos[i + 1]}`, 17) & mask);
    if (i + 2 < pos.length) out.push(hashString(`${pos[i]} ${pos[i + 1]} ${pos[i + 2]}`, 17) & mask);
  }
  return uniqueSorted(out);
}
