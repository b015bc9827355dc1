import { sigmoid } from '../linear/logreg.js';
import { ordinalProbs } from '../linear/ordinal.js';
import { asRecord, readModelJson } from '../models/loader.js';
import type { Lang } from '../text/lang.js';

/** Fitted calibration of one language (see `src/train/train-shop.ts`). */
export interface ShopLangCalibration {
  /** Weight of the clauses that carry a contrast (`A지만 B`: B); other clauses weigh 1. */
  stressWeight: number;
  /** Factor on the model margin of a clause with a so-so word (그냥 그래요, okay). */
  lukewarmDamp: number;
  /** Ordinal weights on the clause-averaged model margin and cue score, and the text's bias. */
  marginWeight: number;
  cueWeight: number;
  bias: number;
  /** Half-width of the neutral class on the evidence scale z. */
  cut: number;
  /** Evidence added by the first keyword tag; the k-th adds tagEvidence / k. */
  tagEvidence: number;
  /** Evidence per star away from 3 (so 1 star adds −2·ratingEvidence). */
  ratingEvidence: number;
  /** |score| below this is labelled neutral (where the neutral class is the most likely). */
  neutralBand: number;
}

/** JSON layout of `models/shop-calibration.json`. */
export interface ShopCalibrationFile {
  format: 'nlp-shop-calibration/1';
  langs: Record<Lang, ShopLangCalibration>;
  meta: Record<string, unknown>;
}

const FIELDS: Array<keyof ShopLangCalibration> = [
  'stressWeight',
  'lukewarmDamp',
  'marginWeight',
  'cueWeight',
  'bias',
  'cut',
  'tagEvidence',
  'ratingEvidence',
  'neutralBand',
];

/** Validates a parsed calibration file. */
export function parseShopCalibration(json: unknown): ShopCalibrationFile {
  const r = asRecord(json, 'shop calibration');
  if (r.format !== 'nlp-shop-calibration/1')
    throw new Error(`shop calibration: unknown format ${String(r.format)}`);
  const langs = asRecord(r.langs, 'shop calibration langs');
  for (const lang of ['ko', 'en'] as const) {
    const c = asRecord(langs[lang], `shop calibration ${lang}`);
    for (const f of FIELDS) {
      if (typeof c[f] !== 'number' || !Number.isFinite(c[f]))
        throw new Error(`shop calibration ${lang}: bad ${f}`);
    }
  }
  return r as unknown as ShopCalibrationFile;
}

let loaded: ShopCalibrationFile | undefined;

/** Loads (once) the shipped calibration. */
export function getShopCalibration(): ShopCalibrationFile {
  loaded ??= parseShopCalibration(readModelJson('shop-calibration.json'));
  return loaded;
}

/**
 * Calibrated score in [-1, 1] at evidence z: P(positive) − P(negative) under the ordinal model,
 * so 0 means "as likely good as bad" and ±1 certainty. Monotone in z; z = 0 gives 0.
 */
export function scoreAt(cut: number, z: number): number {
  if (Number.isNaN(z)) return 0;
  // P(positive) = σ(z − cut), P(negative) = σ(−z − cut): written this way the score is exactly odd in z
  return Math.max(-1, Math.min(1, sigmoid(z - cut) - sigmoid(-z - cut)));
}

/** The 3-class label of a calibrated score. */
export function labelOf(score: number, neutralBand: number): 'positive' | 'neutral' | 'negative' {
  if (score >= neutralBand) return 'positive';
  if (score <= -neutralBand) return 'negative';
  return 'neutral';
}

/**
 * The score at which "neutral" stops being the most likely class: the z where P(neutral) =
 * P(positive), found by bisection, mapped through {@link scoreAt}. 0 when neutral never wins.
 */
export function neutralBandFor(cut: number): number {
  const [, neu0, pos0] = ordinalProbs(cut, 0);
  if (neu0 <= pos0) return 0;
  let lo = 0;
  let hi = 60;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    const [, neu, pos] = ordinalProbs(cut, mid);
    if (neu > pos) lo = mid;
    else hi = mid;
  }
  return scoreAt(cut, (lo + hi) / 2);
}

/** The evidence z at which {@link scoreAt} reaches `score` (0 < score < 1), by bisection. */
export function evidenceFor(cut: number, score: number): number {
  let lo = 0;
  let hi = 60;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (scoreAt(cut, mid) < score) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
