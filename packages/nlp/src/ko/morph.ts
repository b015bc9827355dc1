/**
 * Light-weight Korean word handling without a morphological analyser: strip trailing particles
 * (조사) and recognise predicates, so that `가게의`, `가게가`, `가게에서` all count as `가게`.
 */

// Longest first so that `에서는` wins over `는`.
const PARTICLES = [
  '에서부터',
  '으로부터',
  '이라고는',
  '에게서',
  '한테서',
  '으로서',
  '으로써',
  '이라고',
  '이라는',
  '이랑은',
  '에서는',
  '에서도',
  '에게는',
  '으로는',
  '까지는',
  '부터는',
  '이지만',
  '에서',
  '에게',
  '한테',
  '으로',
  '로서',
  '로써',
  '부터',
  '까지',
  '처럼',
  '보다',
  '마다',
  '밖에',
  '조차',
  '라고',
  '라는',
  '이나',
  '이랑',
  '에는',
  '에도',
  '과는',
  '와는',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '와',
  '과',
  '도',
  '만',
  '로',
  '랑',
];

// 하다/되다 inflections: the stem before them is usually a noun (친절하고 -> 친절).
const HADA =
  /(?:하셨습니다|하십니다|하셨어요|하시네요|하시고|하셔서|하시는|하세요|하신|했습니다|합니다|하였다|했어요|해줘요|해주셔서|해주시고|해주세요|해요|했다|하다|하고|하게|하지|해서|하며|하네요|한데|하니|하면|하는|한|할|함|해|되었다|되어|됐어요|돼요|된다|되는|되고|된|됨)$/u;

// Endings that mark a predicate (verb/adjective) rather than a noun. Single-syllable endings
// such as -고/-게/-서 are left out on purpose: too many nouns end that way (최고, 가게, 순서).
const PREDICATE =
  /(?:습니다|니다|어요|아요|에요|예요|여요|세요|네요|군요|지요|구나|었다|았다|였다|겠다|는다|지만|는데|은데|니까|어서|아서|더라|거든|요|죠|다)$/u;
// Stems of very common predicates followed by a short ending: 맛있고, 좋은, 없는, 싶어.
const PREDICATE_STEM = /(?:있|없|았|었|였|겠|좋|싶|같|않|많|싫|괜찮)[고게서네면던는은지어아음기]?$/u;

// Copula after a noun: 최고예요, 맛집입니다, 단골이에요.
const COPULA = /(?:이었습니다|였습니다|입니다|이에요|이예요|예요|에요|이었어요|였어요|이다|이었다|였다)$/u;

/** Removes one trailing particle, keeping at least one syllable of stem. */
export function stripParticle(word: string): string {
  for (const p of PARTICLES) {
    if (word.length > p.length && word.endsWith(p)) return word.slice(0, word.length - p.length);
  }
  return word;
}

/** If the word is a 하다/되다 predicate, returns its noun stem (`친절했어요` -> `친절`). */
export function hadaStem(word: string): string | undefined {
  const m = HADA.exec(word);
  if (!m) return undefined;
  const stem = word.slice(0, m.index);
  return stem.length >= 2 ? stem : undefined;
}

/** True when the word looks like an inflected verb or adjective. */
export function looksLikePredicate(word: string): boolean {
  return word.length >= 2 && (PREDICATE.test(word) || PREDICATE_STEM.test(word));
}

/**
 * The noun-like core of one Korean word, or undefined when the word is a predicate or function
 * word. Punctuation around the word is ignored.
 */
export function nounCore(word: string): string | undefined {
  const clean = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (clean.length === 0) return undefined;
  const hada = hadaStem(clean);
  if (hada) return hada;
  const copula = COPULA.exec(clean);
  if (copula && copula.index >= 2) return clean.slice(0, copula.index);
  if (looksLikePredicate(clean)) return undefined;
  return stripParticle(clean);
}
