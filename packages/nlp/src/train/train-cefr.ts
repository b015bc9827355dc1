/**
 * Trains the CEFR sentence model and writes models/cefr.json and models/cefr-vocab.json.
 * Usage: tsx src/train/train-cefr.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CEFR_FEATURE_NAMES, sentenceFeatures, sentenceSparseFeatures } from '../cefr/features.js';
import { type CefrModelFile, createCefrScorer, sparseLogProbs } from '../cefr/model.js';
import { buildVocab, createVocabLookup } from '../cefr/vocab.js';
import { analyzeEnglish, type EnToken } from '../en/analyze.js';
import { accuracy, macroF1, withinAccuracy } from '../eval/metrics.js';
import { fitScaler, scale, trainSoftmax } from '../linear/softmax.js';
import { trainSparseSoftmax } from '../linear/sparse-softmax.js';
import { decodeWeights, encodeWeights } from '../models/codec.js';
import { modelsDir, readTsv } from './data.js';

const SEED = 20240607;
const SPARSE_BITS = 16;
const SPARSE = { epochs: 10, learningRate: 0.1, l2: 1e-5, seed: SEED };
const DENSE = { iterations: 500, learningRate: 0.05, l2: 1e-3 };
const FOLDS = 5;

interface Row {
  /** gold = the higher of the two annotators' levels, 0-based (as in the CEFR-SP paper) */
  gold: number;
  tokens: EnToken[];
}

function readSplit(split: string): Row[] {
  return readTsv(`cefr-sentences/${split}.tsv`).map(([a, b, text]) => ({
    gold: Math.max(Number(a), Number(b)) - 1,
    tokens: analyzeEnglish(text ?? '').flatMap((s) => s.tokens),
  }));
}

function oneHot(k: number): number[] {
  return [0, 1, 2, 3, 4, 5].map((i) => (i === k ? 1 : 0));
}

function trainSparse(rows: Row[]) {
  const examples = rows.map((r) => ({
    idx: sentenceSparseFeatures(r.tokens, SPARSE_BITS),
    target: oneHot(r.gold),
  }));
  return trainSparseSoftmax(examples, 6, SPARSE_BITS, SPARSE);
}

const started = performance.now();
const vocabFile = buildVocab(
  readTsv('cefr-vocab/cefrj-vocabulary.tsv'),
  readTsv('cefr-vocab/octanove-c1c2-vocabulary.tsv'),
);
vocabFile.meta = {
  sources: [
    'CEFR-J Wordlist 1.5 (Tono Laboratory, TUFS)',
    'Octanove Vocabulary Profile C1/C2 1.0 (CC BY-SA 4.0)',
  ],
  license: 'CEFR-J terms (free research and commercial use with citation); Octanove part CC BY-SA 4.0',
};
const vocab = createVocabLookup(vocabFile);
const train = readSplit('train');
const dev = readSplit('dev');

// Out-of-fold lexical-model log-probabilities become dense features for the stacked model.
const oof: number[][] = train.map(() => []);
for (let f = 0; f < FOLDS; f++) {
  const model = trainSparse(train.filter((_, i) => i % FOLDS !== f));
  train.forEach((r, i) => {
    if (i % FOLDS === f) oof[i] = sparseLogProbs(model, r.tokens);
  });
}
const rows = train.map((r, i) => [...sentenceFeatures(r.tokens, vocab), ...(oof[i] as number[])]);
const scaler = fitScaler(rows);
const dense = trainSoftmax(
  rows.map((x) => scale(x, scaler)),
  train.map((r) => oneHot(r.gold)),
  DENSE,
);
const sparse = trainSparse(train);
const sparseWeights = encodeWeights(sparse.weights, 8);

const scorer = createCefrScorer(dense, scaler, { ...sparse, weights: decodeWeights(sparseWeights) }, vocab);
const gold = dev.map((r) => r.gold);
const pred = dev.map((r) => {
  const p = scorer.sentenceProbs(r.tokens);
  return p.indexOf(Math.max(...p));
});
const metrics = {
  exact: accuracy(gold, pred),
  withinOne: withinAccuracy(gold, pred),
  macroF1: macroF1(gold, pred, 6),
};
const file: CefrModelFile = {
  format: 'nlp-cefr/1',
  featureNames: [
    ...CEFR_FEATURE_NAMES,
    ...['A1', 'A2', 'B1', 'B2', 'C1', 'C2'].map((l) => `lexical_logp_${l}`),
  ],
  scaler,
  dense,
  sparse: { bits: SPARSE_BITS, classes: 6, bias: sparse.bias, weights: sparseWeights },
  meta: {
    dataset: 'cefr-sentences',
    gold: 'max(A,B)',
    trainRows: train.length,
    devRows: dev.length,
    dev: metrics,
    seed: SEED,
  },
};
writeFileSync(path.join(modelsDir, 'cefr-vocab.json'), `${JSON.stringify(vocabFile)}\n`);
writeFileSync(path.join(modelsDir, 'cefr.json'), `${JSON.stringify(file)}\n`);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `cefr: dev exact ${(metrics.exact * 100).toFixed(2)}%, within-one ${(metrics.withinOne * 100).toFixed(2)}%, macro-F1 ${metrics.macroF1.toFixed(3)} (${seconds}s)`,
);
