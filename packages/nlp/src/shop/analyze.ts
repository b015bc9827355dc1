import { extractKeywords } from '../keywords/keywords.js';
import { detectLang, type Lang } from '../text/lang.js';
import { SHOP_ASPECTS, type ShopAspect } from './aspects.js';
import { getShopCalibration, labelOf, type ShopLangCalibration, scoreAt } from './calibration.js';
import { type ClauseEvidence, clauseEvidence, clauseFeatures, reviewFeatures } from './evidence.js';
import { lookupTag } from './tags.js';

/** Three-way label of a shop review or aspect. */
export type ShopLabel = 'positive' | 'neutral' | 'negative';

/** Options for {@link analyzeShopReview}. */
export interface ShopReviewOptions {
  /** Language of the text; detected from the share of Hangul when omitted. */
  lang?: Lang | undefined;
  /** Star rating 1–5 where the platform has one: a weak prior added to the text's evidence. */
  rating?: number | undefined;
  /** Fixed keyword tags picked by the reviewer (Naver Place), see `NAVER_KEYWORD_TAGS`. */
  tags?: readonly string[] | undefined;
}

/** Sentiment about one aspect; `evidence` is the clause (or tag) it was read from. */
export interface AspectSentiment {
  aspect: ShopAspect;
  score: number;
  label: ShopLabel;
  evidence: string;
}

/** Result of {@link analyzeShopReview}. */
export interface ShopReviewAnalysis {
  /** Calibrated score in [-1, 1]: P(positive) − P(negative) for a shop review. */
  score: number;
  label: ShopLabel;
  aspects: AspectSentiment[];
  keywords: string[];
  lang: Lang;
}

/** Evidence of one clause on the calibrated scale. */
function clauseZ(c: ClauseEvidence, cal: ShopLangCalibration): number {
  const [m, q] = clauseFeatures(c, cal);
  return cal.bias + cal.marginWeight * m + cal.cueWeight * q;
}

/** Evidence of k tags: tagEvidence · (1 + 1/2 + … + 1/k), growing with every tag added. */
function tagsZ(k: number, cal: ShopLangCalibration): number {
  let h = 0;
  for (let i = 1; i <= k; i++) h += 1 / i;
  return cal.tagEvidence * h;
}

function knownTags(
  tags: readonly string[] | undefined,
): Array<{ phrase: string; aspect: ShopAspect | null }> {
  const seen = new Map<string, ShopAspect | null>();
  for (const t of tags ?? []) {
    const hit = lookupTag(t);
    if (hit) seen.set(hit.phrase, hit.aspect);
  }
  return [...seen].map(([phrase, aspect]) => ({ phrase, aspect }));
}

function aspectSentiments(
  clauses: ClauseEvidence[],
  tags: Array<{ phrase: string; aspect: ShopAspect | null }>,
  cal: ShopLangCalibration,
): AspectSentiment[] {
  const out: AspectSentiment[] = [];
  for (const aspect of SHOP_ASPECTS) {
    const mentions = clauses.filter((c) => c.aspects.includes(aspect));
    const tagged = tags.filter((t) => t.aspect === aspect);
    if (mentions.length === 0 && tagged.length === 0) continue;
    let z = 0;
    let evidence = tagged[0]?.phrase ?? '';
    if (mentions.length > 0) {
      const zs = mentions.map((c) => clauseZ(c, cal));
      z = zs.reduce((s, v) => s + v, 0) / zs.length;
      let best = 0;
      zs.forEach((v, i) => {
        if (Math.abs(v) > Math.abs(zs[best] as number)) best = i;
      });
      evidence = (mentions[best] as ClauseEvidence).text;
    }
    z += tagsZ(tagged.length, cal);
    const score = scoreAt(cal.cut, z);
    out.push({ aspect, score, label: labelOf(score, cal.neutralBand), evidence });
  }
  return out;
}

/**
 * Analyzes one shop review (Naver Place, Kakao Map, Google...) on arrival:
 *
 * - `score`: the shipped sentiment model's margin per clause plus shop cue words (negation,
 *   contrast, 별로, 다시는 안 가, 비싸기만...), weighted toward the clause after the last
 *   contrast, then mapped through an ordinal calibration fitted on hand-labelled shop reviews.
 *   Keyword tags and the rating add evidence before the map, so a tag never lowers the score
 *   and a rating shifts it but cannot outvote clear text. Labels come from a neutral band.
 * - `aspects`: taste, service, price, cleanliness, waiting, parking, delivery, atmosphere, each
 *   scored from the clauses that mention it (and tags about it), with the clause as evidence.
 * - `keywords`: key terms of the text (see `extractKeywords`).
 *
 * Throws a RangeError for a rating outside 1–5.
 */
export function analyzeShopReview(text: string, options: ShopReviewOptions = {}): ShopReviewAnalysis {
  const { rating } = options;
  if (rating !== undefined && !(rating >= 1 && rating <= 5)) {
    throw new RangeError('rating must be a number from 1 to 5');
  }
  const lang = options.lang ?? (text.trim().length === 0 && options.tags?.length ? 'ko' : detectLang(text));
  const cal = getShopCalibration().langs[lang];
  const clauses = clauseEvidence(text, lang);
  const tags = knownTags(options.tags);
  const features = reviewFeatures(clauses, cal);
  let z = features ? cal.bias + cal.marginWeight * features[0] + cal.cueWeight * features[1] : 0;
  z += tagsZ(tags.length, cal);
  if (rating !== undefined) z += cal.ratingEvidence * (rating - 3);
  const score = scoreAt(cal.cut, z);
  return {
    score,
    label: labelOf(score, cal.neutralBand),
    aspects: aspectSentiments(clauses, tags, cal),
    keywords: clauses.length > 0 ? extractKeywords(text, { lang, limit: 8 }).map((k) => k.term) : [],
    lang,
  };
}
