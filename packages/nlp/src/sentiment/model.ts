import type { BinaryLinearModel } from '../linear/logreg.js';
import { binaryMargin } from '../linear/logreg.js';
import { decodeWeights, type EncodedWeights } from '../models/codec.js';
import { asRecord } from '../models/loader.js';
import type { Lang } from '../text/lang.js';
import { type NgramFeatureConfig, ngramFeatures } from './features.js';

/** Optional second stage: a logistic blend of the n-gram margin and a lexicon score. */
export interface StackWeights {
  ngram: number;
  lexicon: number;
  bias: number;
}

/** JSON layout of a shipped sentiment model (`models/sentiment-<lang>.json`). */
export interface SentimentModelFile {
  format: 'nlp-sentiment/1';
  lang: Lang;
  features: NgramFeatureConfig;
  bias: number;
  weights: EncodedWeights;
  stack?: StackWeights;
  meta: Record<string, unknown>;
}

/** A ready-to-use sentiment scorer. `margin` > 0 means positive. */
export interface SentimentScorer {
  lang: Lang;
  margin(text: string): number;
}

/** Validates the shape of a parsed sentiment model file. */
export function parseSentimentModel(json: unknown): SentimentModelFile {
  const r = asRecord(json, 'sentiment model');
  if (r.format !== 'nlp-sentiment/1') throw new Error(`sentiment model: unknown format ${String(r.format)}`);
  if (r.lang !== 'ko' && r.lang !== 'en') throw new Error('sentiment model: bad lang');
  asRecord(r.features, 'sentiment model features');
  asRecord(r.weights, 'sentiment model weights');
  if (typeof r.bias !== 'number') throw new Error('sentiment model: bad bias');
  return r as unknown as SentimentModelFile;
}

/** Builds a scorer from a model file; `lexicon` is required when the model has a stack stage. */
export function createSentimentScorer(
  file: SentimentModelFile,
  lexicon?: (text: string) => number,
): SentimentScorer {
  const linear: BinaryLinearModel = { weights: decodeWeights(file.weights), bias: file.bias };
  const expected = 1 << file.features.bits;
  if (linear.weights.length !== expected) throw new Error('sentiment model: weights/bits mismatch');
  return fromLinear(file.lang, file.features, linear, file.stack, lexicon);
}

/** Builds a scorer straight from trained weights (used by training and tests). */
export function fromLinear(
  lang: Lang,
  features: NgramFeatureConfig,
  linear: BinaryLinearModel,
  stack?: StackWeights,
  lexicon?: (text: string) => number,
): SentimentScorer {
  return {
    lang,
    margin(text: string): number {
      const m = binaryMargin(linear, ngramFeatures(text, features));
      if (!stack || !lexicon) return m;
      return stack.bias + stack.ngram * m + stack.lexicon * lexicon(text);
    },
  };
}
