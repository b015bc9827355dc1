import { lexiconSentiment } from '../en/wink.js';
import { readModelJson } from '../models/loader.js';
import { detectLang, type Lang } from '../text/lang.js';
import { createSentimentScorer, parseSentimentModel, type SentimentScorer } from './model.js';

/** Result of {@link analyzeSentiment}; `score` runs from -1 (negative) to 1 (positive). */
export interface SentimentResult {
  label: 'positive' | 'negative';
  score: number;
  lang: Lang;
}

const scorers = new Map<Lang, SentimentScorer>();

/** Loads (once) and returns the shipped scorer for a language. */
export function getSentimentScorer(lang: Lang): SentimentScorer {
  let scorer = scorers.get(lang);
  if (!scorer) {
    const file = parseSentimentModel(readModelJson(`sentiment-${lang}.json`));
    scorer = createSentimentScorer(file, lang === 'en' ? lexiconSentiment : undefined);
    scorers.set(lang, scorer);
  }
  return scorer;
}

/** Maps a logistic margin to a score in [-1, 1] (2·sigmoid(m) − 1). */
export function marginToScore(margin: number): number {
  if (!Number.isFinite(margin)) return margin > 0 ? 1 : margin < 0 ? -1 : 0;
  return Math.tanh(margin / 2);
}

/** Turns a margin into the public result shape. */
export function sentimentFromMargin(margin: number, lang: Lang): SentimentResult {
  const score = marginToScore(margin);
  return { label: score >= 0 ? 'positive' : 'negative', score, lang };
}

/**
 * Classifies a review or comment as positive or negative with the local models.
 * The language is detected from the share of Hangul when `lang` is omitted.
 */
export function analyzeSentiment(text: string, lang?: Lang): SentimentResult {
  const useLang = lang ?? detectLang(text);
  return sentimentFromMargin(getSentimentScorer(useLang).margin(text), useLang);
}
