import { analyzeEnglish, type EnToken } from '../en/analyze.js';
import { nounCore } from '../ko/morph.js';
import { detectLang, type Lang } from '../text/lang.js';
import { splitSentences } from '../text/sentences.js';

/** A key term of a text. `kind` lets quiz generation pick distractors of the same type. */
export interface Keyword {
  term: string;
  score: number;
  count: number;
  kind: 'noun' | 'proper' | 'number' | 'phrase';
}

/** Options for {@link extractKeywords}. */
export interface KeywordOptions {
  lang?: Lang | undefined;
  /** Maximum number of terms (default 10). */
  limit?: number | undefined;
}

const KO_STOP = new Set(
  (
    '정말 진짜 너무 완전 그냥 아주 매우 조금 많이 다시 이번 오늘 여기 거기 저기 이거 그거 저거 이것 그것 저것 ' +
    '우리 저희 제가 내가 나는 그리고 하지만 그런데 근데 그래서 그러나 또한 이런 그런 저런 어떤 모든 때문 정도 ' +
    '하나 가장 제일 항상 계속 역시 별로 그렇게 이렇게 저렇게 이제 지금 아직 벌써 다음 처음 마지막 이게 그게 ' +
    '뭔가 무엇 누구 언제 어디 왜 어떻게 좀더 훨씬 약간 거의 전혀 모두 다들 자체 경우 부분'
  ).split(' '),
);

interface Candidate {
  count: number;
  first: number;
  kind: Keyword['kind'];
}

function bump(map: Map<string, Candidate>, term: string, pos: number, kind: Keyword['kind']): void {
  const c = map.get(term);
  if (c) c.count++;
  else map.set(term, { count: 1, first: pos, kind });
}

function rank(
  map: Map<string, Candidate>,
  total: number,
  limit: number,
  minCount: (k: string) => number,
): Keyword[] {
  const scored: Keyword[] = [];
  for (const [term, c] of map) {
    if (c.count < minCount(term)) continue;
    const words = term.split(' ').length;
    const positionBoost = 1 + 0.2 * (1 - c.first / Math.max(1, total));
    const score =
      c.count * (1 + 0.5 * (words - 1)) * Math.log2(1 + Math.min(term.length, 12)) * positionBoost;
    scored.push({ term, score, count: c.count, kind: c.kind });
  }
  scored.sort((a, b) => b.score - a.score || a.term.localeCompare(b.term));
  const picked: Keyword[] = [];
  for (const k of scored) {
    if (picked.length >= limit) break;
    // skip a single word already covered by a chosen phrase with the same count
    const covered = picked.some((p) => p.term.split(' ').includes(k.term) && p.count >= k.count);
    if (!covered) picked.push(k);
  }
  return picked;
}

/** Merges forms where one is the other plus one trailing syllable (사장 / 사장님) into the more frequent. */
function mergeVariants(map: Map<string, Candidate>): void {
  const terms = [...map.keys()].filter((t) => !t.includes(' ')).sort((a, b) => a.length - b.length);
  for (const short of terms) {
    for (const long of terms) {
      if (long.length !== short.length + 1 || !long.startsWith(short)) continue;
      const a = map.get(short);
      const b = map.get(long);
      if (!a || !b) continue;
      const [keep, drop, dropKey] = a.count >= b.count ? [a, b, long] : [b, a, short];
      keep.count += drop.count;
      keep.first = Math.min(keep.first, drop.first);
      map.delete(dropKey);
    }
  }
}

/** Korean key terms: noun cores of words (particles stripped) and repeated two-word compounds. */
export function koreanKeywords(text: string, limit = 10): Keyword[] {
  const map = new Map<string, Candidate>();
  let position = 0;
  for (const sentence of splitSentences(text)) {
    let prev: string | undefined;
    for (const word of sentence.split(' ')) {
      const core = nounCore(word);
      const ok = core !== undefined && core.length >= 2 && !KO_STOP.has(core) && /\p{L}/u.test(core);
      if (ok) {
        const kind: Keyword['kind'] = /\d/u.test(core) ? 'number' : /^[a-z]/iu.test(core) ? 'proper' : 'noun';
        bump(map, core, position, kind);
        if (prev) bump(map, `${prev} ${core}`, position, 'phrase');
      }
      prev = ok ? core : undefined;
      position++;
    }
  }
  mergeVariants(map);
  return rank(map, position, limit, (t) => (t.includes(' ') ? 2 : 1));
}

const NP_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);

function npChunks(tokens: EnToken[]): EnToken[][] {
  const chunks: EnToken[][] = [];
  let run: EnToken[] = [];
  const flush = (): void => {
    // trim to a head noun at the end, no stop words at the edges, at most 4 words
    while (run.length > 0) {
      const last = run[run.length - 1] as EnToken;
      if ((last.pos === 'NOUN' || last.pos === 'PROPN') && !last.stop) break;
      run.pop();
    }
    while (run.length > 0 && (run[0] as EnToken).stop) run.shift();
    if (run.length > 0) chunks.push(run.slice(-4));
    run = [];
  };
  for (const t of tokens) {
    if (NP_POS.has(t.pos) && t.type === 'word') run.push(t);
    else if (t.pos === 'NUM' && t.type === 'number') run.push(t);
    else flush();
  }
  flush();
  return chunks;
}

/** English key terms: noun phrases found with wink-nlp POS tags, head nouns lemmatized. */
export function englishKeywords(text: string, limit = 10): Keyword[] {
  const map = new Map<string, Candidate>();
  let position = 0;
  for (const sentence of analyzeEnglish(text)) {
    for (const chunk of npChunks(sentence.tokens)) {
      const words = chunk.map((t, i) => (i === chunk.length - 1 && t.pos === 'NOUN' ? t.lemma : t.normal));
      const head = chunk[chunk.length - 1] as EnToken;
      const kind: Keyword['kind'] = chunk.some((t) => t.pos === 'NUM')
        ? 'number'
        : head.pos === 'PROPN'
          ? 'proper'
          : chunk.length > 1
            ? 'phrase'
            : 'noun';
      if (words.join('').length >= 2) bump(map, words.join(' '), position, kind);
      if (chunk.length > 1 && head.normal.length >= 3) {
        bump(
          map,
          head.pos === 'NOUN' ? head.lemma : head.normal,
          position,
          head.pos === 'PROPN' ? 'proper' : 'noun',
        );
      }
      position++;
    }
  }
  return rank(map, position, limit, () => 1);
}

/** Key terms of a Korean or English text (language detected when not given), best first. */
export function extractKeywords(text: string, options: KeywordOptions = {}): Keyword[] {
  const lang = options.lang ?? detectLang(text);
  const limit = options.limit ?? 10;
  return lang === 'ko' ? koreanKeywords(text, limit) : englishKeywords(text, limit);
}
