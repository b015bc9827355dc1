import type { EnToken } from '../en/analyze.js';
import type { Scaler, SoftmaxModel } from '../linear/softmax.js';
import { scale, softmaxProbs } from '../linear/softmax.js';
import { type SparseSoftmaxModel, sparseSoftmaxProbs } from '../linear/sparse-softmax.js';
import { decodeWeights, type EncodedWeights } from '../models/codec.js';
import { asRecord } from '../models/loader.js';
import { sentenceFeatures, sentenceSparseFeatures } from './features.js';
import type { VocabLookup } from './vocab.js';

/** JSON layout of `models/cefr.json`: a hashed lexical model stacked under a dense one. */
export interface CefrModelFile {
  format: 'nlp-cefr/1';
  featureNames: string[];
  scaler: Scaler;
  dense: SoftmaxModel;
  sparse: { bits: number; classes: number; bias: number[]; weights: EncodedWeights };
  meta: Record<string, unknown>;
}

/** Everything needed to score one sentence. */
export interface CefrScorer {
  /** Probabilities of A1..C2 for one tokenized sentence. */
  sentenceProbs(tokens: EnToken[]): number[];
}

/** Validates the shape of a parsed CEFR model file. */
export function parseCefrModel(json: unknown): CefrModelFile {
  const r = asRecord(json, 'cefr model');
  if (r.format !== 'nlp-cefr/1') throw new Error(`cefr model: unknown format ${String(r.format)}`);
  asRecord(r.scaler, 'cefr model scaler');
  asRecord(r.dense, 'cefr model dense');
  asRecord(r.sparse, 'cefr model sparse');
  return r as unknown as CefrModelFile;
}

/** Log-probabilities from the lexical model, used as extra dense features. */
export function sparseLogProbs(model: SparseSoftmaxModel, tokens: EnToken[]): number[] {
  return sparseSoftmaxProbs(model, sentenceSparseFeatures(tokens, model.bits)).map((p) => Math.log(p + 1e-6));
}

/** Builds a scorer from trained parts (training and tests) or a decoded model file. */
export function createCefrScorer(
  dense: SoftmaxModel,
  scaler: Scaler,
  sparse: SparseSoftmaxModel,
  vocab: VocabLookup,
): CefrScorer {
  return {
    sentenceProbs(tokens) {
      const x = [...sentenceFeatures(tokens, vocab), ...sparseLogProbs(sparse, tokens)];
      return softmaxProbs(dense, scale(x, scaler));
    },
  };
}

/** Decodes a model file into a scorer. */
export function scorerFromFile(file: CefrModelFile, vocab: VocabLookup): CefrScorer {
  const sparse: SparseSoftmaxModel = {
    bits: file.sparse.bits,
    classes: file.sparse.classes,
    bias: file.sparse.bias,
    weights: decodeWeights(file.sparse.weights),
  };
  if (sparse.weights.length !== (1 << sparse.bits) * sparse.classes)
    throw new Error('cefr model: bad sparse size');
  return createCefrScorer(file.dense, file.scaler, sparse, vocab);
}
