import { fitOrdinal, type OrdinalModel, ordinalLogLoss } from '../linear/ordinal.js';
import { evidenceFor, neutralBandFor, type ShopLangCalibration } from '../shop/calibration.js';
import { type ClauseEvidence, type EvidenceParams, reviewFeatures } from '../shop/evidence.js';

/** A review prepared for fitting: its clause evidence and ordinal gold class. */
export interface FitRow {
  clauses: ClauseEvidence[];
  y: number;
}

/** The clause-weighting settings tried by {@link fitShopCalibration}. */
export const STRESS_WEIGHTS = [1, 1.5, 2, 3, 4];
export const LUKEWARM_DAMPS = [0, 0.25, 0.5, 1];

/** Score one keyword tag alone gives (an empty review with one tag). */
export const ONE_TAG_SCORE = 0.6;
/** Score a 1- or 5-star rating alone gives (no text); a weak prior on top of the text. */
export const EXTREME_RATING_SCORE = 0.4;

const FOLDS = 5;

function features(rows: FitRow[], p: EvidenceParams): number[][] {
  return rows.map((r) => reviewFeatures(r.clauses, p) ?? [0, 0]);
}

/** Mean held-fold log loss of the ordinal map under one setting (rows in a fixed order, i % 5 folds). */
export function crossValidatedLoss(rows: FitRow[], p: EvidenceParams): number {
  const xs = features(rows, p);
  const ys = rows.map((r) => r.y);
  let loss = 0;
  for (let f = 0; f < FOLDS; f++) {
    const trainIdx = rows.map((_, i) => i).filter((i) => i % FOLDS !== f);
    const testIdx = rows.map((_, i) => i).filter((i) => i % FOLDS === f);
    const model = fitOrdinal(
      trainIdx.map((i) => xs[i] as number[]),
      trainIdx.map((i) => ys[i] as number),
    );
    loss +=
      ordinalLogLoss(
        model,
        testIdx.map((i) => xs[i] as number[]),
        testIdx.map((i) => ys[i] as number),
      ) * testIdx.length;
  }
  return loss / rows.length;
}

/** Picks the clause-weighting setting with the lowest cross-validated loss (ties: first in grid order). */
export function chooseEvidenceParams(rows: FitRow[]): { params: EvidenceParams; loss: number } {
  let best: { params: EvidenceParams; loss: number } | undefined;
  for (const stressWeight of STRESS_WEIGHTS) {
    for (const lukewarmDamp of LUKEWARM_DAMPS) {
      const params = { stressWeight, lukewarmDamp };
      const loss = crossValidatedLoss(rows, params);
      if (!best || loss < best.loss - 1e-9) best = { params, loss };
    }
  }
  if (!best) throw new Error('chooseEvidenceParams: no rows');
  return best;
}

/** Fits the ordinal map for fixed clause weighting and derives tag, rating and band settings. */
export function fitShopCalibration(rows: FitRow[], params: EvidenceParams): ShopLangCalibration {
  const model: OrdinalModel = fitOrdinal(
    features(rows, params),
    rows.map((r) => r.y),
  );
  return {
    stressWeight: params.stressWeight,
    lukewarmDamp: params.lukewarmDamp,
    marginWeight: model.weights[0] ?? 0,
    cueWeight: model.weights[1] ?? 0,
    bias: model.bias,
    cut: model.cut,
    tagEvidence: evidenceFor(model.cut, ONE_TAG_SCORE),
    ratingEvidence: evidenceFor(model.cut, EXTREME_RATING_SCORE) / 2,
    neutralBand: neutralBandFor(model.cut),
  };
}
