import { analyzeSentiment } from '../sentiment/sentiment.js';
import { analyzeShopReview } from '../shop/analyze.js';
import type { Lang } from '../text/lang.js';
import { SHOP_LABELS, type ShopReviewRow } from '../train/shop-data.js';
import { accuracy, confusion, macroF1 } from './metrics.js';

/** The product's alert line: a review scoring below it notifies the owner. */
export const ALERT_LINE = -0.3;

/** Predictions of the old and the new scorer for one labelled review. */
export interface ShopPrediction {
  row: ShopReviewRow;
  /** `analyzeSentiment` (binary, movie/UCI-trained): score and its label as a class (0 or 2). */
  before: { score: number; y: number };
  /** Same old score with a ±0.3 neutral band, as a fairer 3-class baseline. */
  beforeBand: number;
  /** `analyzeShopReview` on the text alone. */
  text: { score: number; y: number };
  /** `analyzeShopReview` with the row's rating (same as `text` when the row has none). */
  rated: { score: number; y: number };
}

const classOf = (label: string): number => SHOP_LABELS.indexOf(label as (typeof SHOP_LABELS)[number]);

/** Runs the old and new scorers over labelled rows. */
export function predictShop(rows: ShopReviewRow[]): ShopPrediction[] {
  return rows.map((row) => {
    const old = analyzeSentiment(row.text, row.lang);
    const text = analyzeShopReview(row.text, { lang: row.lang });
    const rated =
      row.rating === undefined ? text : analyzeShopReview(row.text, { lang: row.lang, rating: row.rating });
    return {
      row,
      before: { score: old.score, y: old.label === 'positive' ? 2 : 0 },
      beforeBand: old.score >= 0.3 ? 2 : old.score <= -0.3 ? 0 : 1,
      text: { score: text.score, y: classOf(text.label) },
      rated: { score: rated.score, y: classOf(rated.label) },
    };
  });
}

/** Accuracy and macro-F1 (3 classes) of one scorer over predictions. */
export interface ClassScores3 {
  rows: number;
  accuracy: number;
  macroF1: number;
}

function scores(gold: number[], pred: number[]): ClassScores3 {
  return { rows: gold.length, accuracy: accuracy(gold, pred), macroF1: macroF1(gold, pred, 3) };
}

/** 3-class figures of the old scorer, the old scorer with a band, and the new one. */
export function shopClassScores(preds: ShopPrediction[]) {
  const gold = preds.map((p) => p.row.y);
  return {
    before: scores(
      gold,
      preds.map((p) => p.before.y),
    ),
    beforeBand: scores(
      gold,
      preds.map((p) => p.beforeBand),
    ),
    text: scores(
      gold,
      preds.map((p) => p.text.y),
    ),
    rated: scores(
      gold,
      preds.map((p) => p.rated.y),
    ),
    confusion: confusion(
      gold,
      preds.map((p) => p.rated.y),
      3,
    ),
  };
}

/** Share of rows of a gold class whose score falls below the alert line, before and after. */
export function alertRates(preds: ShopPrediction[], goldY: number) {
  const sel = preds.filter((p) => p.row.y === goldY);
  const below = (f: (p: ShopPrediction) => number): number =>
    sel.length === 0 ? 0 : sel.filter((p) => f(p) < ALERT_LINE).length / sel.length;
  return {
    rows: sel.length,
    before: below((p) => p.before.score),
    text: below((p) => p.text.score),
    rated: below((p) => p.rated.score),
  };
}

/** Binary accuracy on a two-class sentiment set: positive when the score is ≥ 0; and share labelled neutral. */
export function binaryCheck(rows: Array<{ text: string; y: number }>, lang: Lang) {
  let oldOk = 0;
  let newOk = 0;
  let neutral = 0;
  for (const r of rows) {
    const old = analyzeSentiment(r.text, lang);
    const now = analyzeShopReview(r.text, { lang });
    if ((old.label === 'positive' ? 1 : 0) === r.y) oldOk++;
    if ((now.score >= 0 ? 1 : 0) === r.y) newOk++;
    if (now.label === 'neutral') neutral++;
  }
  const n = Math.max(1, rows.length);
  return { rows: rows.length, before: oldOk / n, after: newOk / n, neutralShare: neutral / n };
}
