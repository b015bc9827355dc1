/**
 * Trains the Korean and English sentiment models and writes models/sentiment-<lang>.json.
 * Usage: tsx src/train/train-sentiment.ts [ko|en ...]   (default: both)
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { type BinaryLinearModel, binaryMargin, nbRatios, trainBinaryLogReg } from '../linear/logreg.js';
import { fitDenseLogReg } from '../linear/stack.js';
import { decodeWeights, encodeWeights } from '../models/codec.js';
import { type NgramFeatureConfig, ngramFeatures } from '../sentiment/features.js';
import { fromLinear, type SentimentModelFile, type StackWeights } from '../sentiment/model.js';
import type { Lang } from '../text/lang.js';
import { type LabelledText, modelsDir, readSentimentSplit } from './data.js';

interface Settings {
  dataset: string;
  ext: string;
  features: NgramFeatureConfig;
  epochs: number;
  learningRate: number;
  l2: number;
  /** NB log-count-ratio feature scaling (NBSVM-style), with this smoothing; 0 = off. */
  nbAlpha: number;
  /** Blend with wink-nlp's lexicon score through out-of-fold stacking. */
  stackLexicon: boolean;
  quantBits: 8 | 16;
}

const SEED = 20240607;

/** Chosen on a 90/10 split of train (never on dev); see README. */
const SETTINGS: Record<Lang, Settings> = {
  ko: {
    dataset: 'ko-sentiment',
    ext: '.tsv.gz',
    features: { bits: 20, charMin: 1, charMax: 4, wordMax: 1 },
    epochs: 5,
    learningRate: 0.1,
    l2: 1e-6,
    nbAlpha: 0,
    stackLexicon: false,
    quantBits: 8,
  },
  en: {
    dataset: 'en-sentiment',
    ext: '.tsv',
    features: { bits: 20, charMin: 1, charMax: 5, wordMax: 2 },
    epochs: 20,
    learningRate: 0.1,
    l2: 1e-6,
    nbAlpha: 1,
    stackLexicon: true,
    quantBits: 8,
  },
};

function trainNgram(rows: LabelledText[], s: Settings): BinaryLinearModel {
  const dims = 1 << s.features.bits;
  const examples = rows.map((r) => ({ idx: ngramFeatures(r.text, s.features), y: r.y }));
  const featureScale = s.nbAlpha > 0 ? nbRatios(examples, dims, s.nbAlpha) : undefined;
  return trainBinaryLogReg(examples, dims, {
    epochs: s.epochs,
    learningRate: s.learningRate,
    l2: s.l2,
    seed: SEED,
    featureScale,
  });
}

async function fitStack(rows: LabelledText[], s: Settings): Promise<StackWeights> {
  const { lexiconSentiment } = await import('../en/wink.js');
  const folds = 5;
  const margins = new Array<number>(rows.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const fit = rows.filter((_, i) => i % folds !== f);
    const model = trainNgram(fit, s);
    rows.forEach((r, i) => {
      if (i % folds === f) margins[i] = binaryMargin(model, ngramFeatures(r.text, s.features));
    });
  }
  const feats = rows.map((r, i) => [margins[i] as number, lexiconSentiment(r.text)]);
  const [bias, ngram, lexicon] = fitDenseLogReg(
    feats,
    rows.map((r) => r.y),
  );
  return { bias: bias ?? 0, ngram: ngram ?? 1, lexicon: lexicon ?? 0 };
}

async function trainLang(lang: Lang): Promise<void> {
  const s = SETTINGS[lang];
  const started = performance.now();
  const train = readSentimentSplit(`${s.dataset}/train${s.ext}`);
  const dev = readSentimentSplit(`${s.dataset}/dev${s.ext}`);
  const stack = s.stackLexicon ? await fitStack(train, s) : undefined;
  const model = trainNgram(train, s);
  const weights = encodeWeights(model.weights, s.quantBits);
  const lexicon = s.stackLexicon ? (await import('../en/wink.js')).lexiconSentiment : undefined;
  const scorer = fromLinear(
    lang,
    s.features,
    { weights: decodeWeights(weights), bias: model.bias },
    stack,
    lexicon,
  );
  let correct = 0;
  for (const r of dev) if ((scorer.margin(r.text) >= 0 ? 1 : 0) === r.y) correct++;
  const devAccuracy = correct / dev.length;
  const file: SentimentModelFile = {
    format: 'nlp-sentiment/1',
    lang,
    features: s.features,
    bias: model.bias,
    ...(stack ? { stack } : {}),
    meta: {
      dataset: s.dataset,
      trainRows: train.length,
      devRows: dev.length,
      devAccuracy,
      seed: SEED,
      epochs: s.epochs,
      learningRate: s.learningRate,
      l2: s.l2,
      nbAlpha: s.nbAlpha,
    },
    weights,
  };
  const out = path.join(modelsDir, `sentiment-${lang}.json`);
  writeFileSync(out, `${JSON.stringify(file)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`sentiment-${lang}: dev accuracy ${(devAccuracy * 100).toFixed(2)}% (${seconds}s) -> ${out}`);
  if (stack) console.log(`  stack: ${JSON.stringify(stack)}`);
}

const langs = process.argv.slice(2).filter((a): a is Lang => a === 'ko' || a === 'en');
for (const lang of langs.length > 0 ? langs : (['ko', 'en'] as const)) await trainLang(lang);
