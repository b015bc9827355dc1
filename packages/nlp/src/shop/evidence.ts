import { getSentimentScorer } from '../sentiment/sentiment.js';
import type { Lang } from '../text/lang.js';
import { normalizeText } from '../text/normalize.js';
import { aspectsIn, type ShopAspect } from './aspects.js';
import { splitClauses } from './clauses.js';
import { clauseCues } from './cues.js';

/** The raw evidence of one clause, before calibration. */
export interface ClauseEvidence {
  text: string;
  stressed: boolean;
  /** The shipped sentiment model's margin for the clause alone, clipped to ±{@link MARGIN_CLIP}. */
  margin: number;
  /** Shop cue score (see `cues.ts`). */
  cue: number;
  lukewarm: boolean;
  aspects: ShopAspect[];
}

/** Model margins beyond this carry no extra information for a short clause. */
export const MARGIN_CLIP = 6;

/** Splits a review into clauses and scores each with the shipped model and the shop cues. */
export function clauseEvidence(text: string, lang: Lang): ClauseEvidence[] {
  const scorer = getSentimentScorer(lang);
  return splitClauses(text, lang).map((c) => {
    const norm = normalizeText(c.text);
    const cues = clauseCues(norm, lang);
    const m = scorer.margin(c.text);
    return {
      text: c.text,
      stressed: c.stressed,
      margin: Math.max(-MARGIN_CLIP, Math.min(MARGIN_CLIP, Number.isFinite(m) ? m : 0)),
      cue: cues.score,
      lukewarm: cues.lukewarm,
      aspects: aspectsIn(norm, lang),
    };
  });
}

/** How clauses are weighed and damped (fitted per language). */
export interface EvidenceParams {
  stressWeight: number;
  lukewarmDamp: number;
}

/** Features [margin, cue] of one clause: the margin is damped when the clause is lukewarm. */
export function clauseFeatures(c: ClauseEvidence, p: EvidenceParams): [number, number] {
  return [c.lukewarm ? c.margin * p.lukewarmDamp : c.margin, c.cue];
}

/**
 * Features [margin, cue] of a whole review: the weighted means of its clauses' features, where
 * clauses that carry a contrast weigh `stressWeight` and the others 1. Undefined for no clauses.
 */
export function reviewFeatures(clauses: ClauseEvidence[], p: EvidenceParams): [number, number] | undefined {
  if (clauses.length === 0) return undefined;
  let m = 0;
  let c = 0;
  let total = 0;
  for (const clause of clauses) {
    const w = clause.stressed ? p.stressWeight : 1;
    const [fm, fc] = clauseFeatures(clause, p);
    m += w * fm;
    c += w * fc;
    total += w;
  }
  return [m / total, c / total];
}
