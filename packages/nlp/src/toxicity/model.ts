import { type SparseSoftmaxModel, sparseSoftmaxProbs } from '../linear/sparse-softmax.js';
import { decodeWeights, type EncodedWeights } from '../models/codec.js';
import { asRecord } from '../models/loader.js';
import { type NgramFeatureConfig, ngramFeatures } from '../sentiment/features.js';
import type { Lang } from '../text/lang.js';
import { joinSpacedLetters, nfkcKeepJamo, stripInvisible } from '../text/normalize.js';

/** The toxicity classes, in the order of the model's outputs. */
export const TOXICITY_LABELS = ['none', 'offensive', 'hate'] as const;

/** One toxicity class. */
export type ToxicityLabel = (typeof TOXICITY_LABELS)[number];

/** JSON layout of a shipped toxicity model (`models/toxicity-<lang>.json`). */
export interface ToxicityModelFile {
  format: 'nlp-toxicity/1';
  lang: Lang;
  labels: ToxicityLabel[];
  features: NgramFeatureConfig;
  /** Per-class bias of the hashed softmax. */
  bias: number[];
  /** (2^bits) x classes, row-major by feature. */
  weights: EncodedWeights;
  meta: Record<string, unknown>;
}

/** A ready-to-use toxicity scorer: class probabilities in {@link TOXICITY_LABELS} order. */
export interface ToxicityScorer {
  lang: Lang;
  probs(text: string): number[];
}

/** Validates the shape of a parsed toxicity model file. */
export function parseToxicityModel(json: unknown): ToxicityModelFile {
  const r = asRecord(json, 'toxicity model');
  if (r.format !== 'nlp-toxicity/1') throw new Error(`toxicity model: unknown format ${String(r.format)}`);
  if (r.lang !== 'ko' && r.lang !== 'en') throw new Error('toxicity model: bad lang');
  if (JSON.stringify(r.labels) !== JSON.stringify(TOXICITY_LABELS))
    throw new Error('toxicity model: unexpected labels');
  asRecord(r.features, 'toxicity model features');
  asRecord(r.weights, 'toxicity model weights');
  if (!Array.isArray(r.bias) || r.bias.length !== TOXICITY_LABELS.length)
    throw new Error('toxicity model: bad bias');
  return r as unknown as ToxicityModelFile;
}

/**
 * The text the features are taken from: NFKC (compatibility forms such as circled or styled
 * letters become plain ones) without invisible characters, and with letters written one at a
 * time joined ("병 신", "f.u.c.k"), so these evasions do not hide words.
 */
export function toxicityInput(text: string): string {
  return joinSpacedLetters(stripInvisible(nfkcKeepJamo(text)));
}

/** Hashed features of one text for a toxicity model. */
export function toxicityFeatures(text: string, features: NgramFeatureConfig): Uint32Array {
  return ngramFeatures(toxicityInput(text), features);
}

/** Builds a scorer straight from a trained softmax (training and tests). */
export function fromSparse(
  lang: Lang,
  features: NgramFeatureConfig,
  model: SparseSoftmaxModel,
): ToxicityScorer {
  return { lang, probs: (text) => sparseSoftmaxProbs(model, toxicityFeatures(text, features)) };
}

/** Decodes a model file into a scorer. */
export function createToxicityScorer(file: ToxicityModelFile): ToxicityScorer {
  const classes = TOXICITY_LABELS.length;
  const weights = decodeWeights(file.weights);
  if (weights.length !== (1 << file.features.bits) * classes)
    throw new Error('toxicity model: weights/bits mismatch');
  return fromSparse(file.lang, file.features, {
    classes,
    bits: file.features.bits,
    bias: file.bias,
    weights,
  });
}
