import { readModelJson } from '../models/loader.js';
import { detectLang, type Lang } from '../text/lang.js';
import {
  createToxicityScorer,
  parseToxicityModel,
  TOXICITY_LABELS,
  type ToxicityLabel,
  type ToxicityScorer,
} from './model.js';

/** Result of {@link classifyToxicity}. */
export interface ToxicityResult {
  label: ToxicityLabel;
  /** Probability of `label`, 0..1. */
  score: number;
  /** P(offensive) + P(hate), 0..1: one number to threshold for "toxic or not". */
  toxicScore: number;
}

const scorers = new Map<Lang, ToxicityScorer>();

/** Loads (once) and returns the shipped toxicity scorer for a language. */
export function getToxicityScorer(lang: Lang): ToxicityScorer {
  let scorer = scorers.get(lang);
  if (!scorer) {
    scorer = createToxicityScorer(parseToxicityModel(readModelJson(`toxicity-${lang}.json`)));
    scorers.set(lang, scorer);
  }
  return scorer;
}

/** Turns class probabilities (in {@link TOXICITY_LABELS} order) into the public result. */
export function toxicityFromProbs(probs: number[]): ToxicityResult {
  let best = 0;
  for (let c = 1; c < TOXICITY_LABELS.length; c++) if ((probs[c] ?? 0) > (probs[best] ?? 0)) best = c;
  const toxic = (probs[1] ?? 0) + (probs[2] ?? 0);
  return {
    label: TOXICITY_LABELS[best] ?? 'none',
    score: probs[best] ?? 0,
    toxicScore: Math.min(1, Math.max(0, toxic)),
  };
}

/**
 * Classifies a chat message or profile text as none, offensive or hate with the local models
 * (trained on news comments for Korean and tweets for English). The language is detected from
 * the share of Hangul when `lang` is omitted.
 */
export function classifyToxicity(text: string, lang?: Lang): ToxicityResult {
  return toxicityFromProbs(getToxicityScorer(lang ?? detectLang(text)).probs(text));
}
