import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Lang } from '../text/lang.js';
import { makeRng, shuffleInPlace } from '../text/random.js';
import { TOXICITY_LABELS, type ToxicityLabel } from '../toxicity/model.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The monorepo root (/work/main in development): packages/nlp/{src,dist}/train -> ../../../.. */
export const repoRoot = path.resolve(here, '..', '..', '..', '..');

/** Shared datasets live next to the repo, never inside it. */
export const dataRoot = path.resolve(repoRoot, '..', 'shared', 'data');

/** Where trained models are written and loaded from. */
export const modelsDir = path.resolve(here, '..', '..', 'models');

/** Reads a UTF-8 text file under the data root, transparently gunzipping `.gz` files. */
export function readDataText(relative: string): string {
  const file = path.join(dataRoot, relative);
  const buf = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}

/** Reads a header-less TSV into rows of fields (empty trailing line dropped). */
export function readTsv(relative: string): string[][] {
  return readDataText(relative)
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t'));
}

/** A labelled text for binary sentiment. */
export interface LabelledText {
  text: string;
  y: number;
}

/** Loads a `label<TAB>text` sentiment split. */
export function readSentimentSplit(relative: string): LabelledText[] {
  return readTsv(relative).map((fields) => ({ y: Number(fields[0]), text: fields.slice(1).join('\t') }));
}

/** A labelled text for toxicity: `y` indexes {@link TOXICITY_LABELS}. */
export interface ToxicityRow {
  text: string;
  y: number;
}

/** Share of each label's rows set aside as the toxicity dev split. */
export const TOXICITY_DEV_SHARE = 0.1;
const TOXICITY_SPLIT_SEED = 1234;

/**
 * The toxicity datasets ship only a train file (their test splits are held out), so dev is
 * carved from it: per label, the rows are shuffled with a fixed seed and the first 10% are dev.
 * Train rows whose text also occurs in dev are dropped. Same input, same split.
 */
export function readToxicitySplit(lang: Lang, split: 'train' | 'dev'): ToxicityRow[] {
  const rows = readTsv(`${lang}-toxicity/train.tsv.gz`).map((fields) => {
    const y = TOXICITY_LABELS.indexOf(fields[0] as ToxicityLabel);
    if (y < 0) throw new Error(`${lang}-toxicity: unknown label ${fields[0]}`);
    return { y, text: fields.slice(1).join('\t') };
  });
  const rng = makeRng(TOXICITY_SPLIT_SEED);
  const dev: ToxicityRow[] = [];
  for (let y = 0; y < TOXICITY_LABELS.length; y++) {
    const pool = shuffleInPlace(
      rows.filter((r) => r.y === y),
      rng,
    );
    dev.push(...pool.slice(0, Math.round(pool.length * TOXICITY_DEV_SHARE)));
  }
  const devSet = new Set(dev);
  if (split === 'dev') return rows.filter((r) => devSet.has(r));
  const devTexts = new Set(dev.map((r) => r.text));
  return rows.filter((r) => !devSet.has(r) && !devTexts.has(r.text));
}
