/**
 * Trains the Korean and English toxicity models and writes models/toxicity-<lang>.json.
 * Usage: tsx src/train/train-toxicity.ts [ko|en ...]            (default: both)
 *        tsx src/train/train-toxicity.ts --search [ko|en ...]   (the hyper-parameter search, on train only)
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { confusion, macroF1 } from '../eval/metrics.js';
import { type SparseSoftmaxModel, trainSparseSoftmax } from '../linear/sparse-softmax.js';
import { decodeWeights, encodeWeights } from '../models/codec.js';
import type { NgramFeatureConfig } from '../sentiment/features.js';
import type { Lang } from '../text/lang.js';
import { makeRng, shuffleInPlace } from '../text/random.js';
import { fromSparse, TOXICITY_LABELS, type ToxicityModelFile, toxicityFeatures } from '../toxicity/model.js';
import { modelsDir, readToxicitySplit, type ToxicityRow } from './data.js';

interface Settings {
  features: NgramFeatureConfig;
  epochs: number;
  learningRate: number;
  l2: number;
  /** Loss weight per class = (n / (k * count))^power: 0 = unweighted, 1 = balanced. */
  classWeightPower: number;
}

const SEED = 20240607;
const CLASSES = TOXICITY_LABELS.length;

/** Chosen with `--search` on a 90/10 split of train (never on dev); see README. */
const SETTINGS: Record<Lang, Settings> = {
  ko: {
    features: {
      bits: 18,
      charMin: 1,
      charMax: 4,
      wordMax: 1,
      squeeze: { min: 2, max: 4 },
      choseong: { min: 2, max: 3 },
    },
    epochs: 10,
    learningRate: 0.1,
    l2: 1e-6,
    classWeightPower: 0.5,
  },
  en: {
    features: { bits: 18, charMin: 1, charMax: 5, wordMax: 2, squeeze: { min: 3, max: 5 } },
    epochs: 5,
    learningRate: 0.1,
    l2: 1e-6,
    classWeightPower: 0.5,
  },
};

function classWeights(rows: ToxicityRow[], power: number): number[] {
  const counts = new Array<number>(CLASSES).fill(0);
  for (const r of rows) counts[r.y] = (counts[r.y] as number) + 1;
  return counts.map((c) => (rows.length / (CLASSES * Math.max(1, c))) ** power);
}

function train(rows: ToxicityRow[], s: Settings): SparseSoftmaxModel {
  const examples = rows.map((r) => ({
    idx: toxicityFeatures(r.text, s.features),
    target: TOXICITY_LABELS.map((_, c) => (c === r.y ? 1 : 0)),
  }));
  return trainSparseSoftmax(examples, CLASSES, s.features.bits, {
    epochs: s.epochs,
    learningRate: s.learningRate,
    l2: s.l2,
    seed: SEED,
    classWeights: classWeights(rows, s.classWeightPower),
  });
}

/** 3-class and toxic-vs-none macro-F1 of argmax predictions. */
function score(probs: (text: string) => number[], rows: ToxicityRow[]) {
  const gold = rows.map((r) => r.y);
  const pred = rows.map((r) => {
    const p = probs(r.text);
    return p.indexOf(Math.max(...p));
  });
  return {
    macroF1: macroF1(gold, pred, CLASSES),
    binaryMacroF1: macroF1(
      gold.map((g) => (g > 0 ? 1 : 0)),
      pred.map((p) => (p > 0 ? 1 : 0)),
      2,
    ),
    confusion: confusion(gold, pred, CLASSES),
  };
}

function search(lang: Lang): void {
  const rows = shuffleInPlace(readToxicitySplit(lang, 'train').slice(), makeRng(SEED));
  const cut = Math.floor(rows.length * 0.9);
  const fit = rows.slice(0, cut);
  const check = rows.slice(cut);
  const base = SETTINGS[lang];
  const plain = {
    bits: base.features.bits,
    charMin: 1,
    charMax: base.features.charMax,
    wordMax: base.features.wordMax,
  };
  const featureSets: Record<string, NgramFeatureConfig> = {
    plain,
    squeeze: { ...plain, squeeze: { min: 2, max: 4 } },
    'squeeze+choseong': { ...plain, squeeze: { min: 2, max: 4 }, choseong: { min: 2, max: 3 } },
    chosen: base.features,
  };
  for (const [name, features] of Object.entries(featureSets)) {
    for (const classWeightPower of [0, 0.5, 1]) {
      for (const epochs of [5, 10]) {
        const s = { ...base, features, classWeightPower, epochs };
        const r = score(fromSparse(lang, features, train(fit, s)).probs, check);
        console.log(
          `${lang} ${name.padEnd(17)} w^${classWeightPower} epochs ${epochs}: macro-F1 ${r.macroF1.toFixed(4)}, toxic-vs-none ${r.binaryMacroF1.toFixed(4)}`,
        );
      }
    }
  }
}

function trainLang(lang: Lang): void {
  const s = SETTINGS[lang];
  const started = performance.now();
  const trainRows = readToxicitySplit(lang, 'train');
  const dev = readToxicitySplit(lang, 'dev');
  const model = train(trainRows, s);
  const weights = encodeWeights(model.weights, 8);
  const scorer = fromSparse(lang, s.features, { ...model, weights: decodeWeights(weights) });
  const devScores = score(scorer.probs, dev);
  const file: ToxicityModelFile = {
    format: 'nlp-toxicity/1',
    lang,
    labels: [...TOXICITY_LABELS],
    features: s.features,
    bias: model.bias,
    meta: {
      dataset: `${lang}-toxicity`,
      split: 'dev = a seeded 10% per label of the shipped train file (src/train/data.ts)',
      trainRows: trainRows.length,
      devRows: dev.length,
      devMacroF1: devScores.macroF1,
      devToxicVsNoneMacroF1: devScores.binaryMacroF1,
      seed: SEED,
      epochs: s.epochs,
      learningRate: s.learningRate,
      l2: s.l2,
      classWeightPower: s.classWeightPower,
    },
    weights,
  };
  const out = path.join(modelsDir, `toxicity-${lang}.json`);
  writeFileSync(out, `${JSON.stringify(file)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `toxicity-${lang}: dev macro-F1 ${devScores.macroF1.toFixed(3)}, toxic-vs-none ${devScores.binaryMacroF1.toFixed(3)} (${seconds}s) -> ${out}`,
  );
}

const args = process.argv.slice(2);
const langs = args.filter((a): a is Lang => a === 'ko' || a === 'en');
for (const lang of langs.length > 0 ? langs : (['ko', 'en'] as const)) {
  if (args.includes('--search')) search(lang);
  else trainLang(lang);
}
