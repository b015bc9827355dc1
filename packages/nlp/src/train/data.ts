import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

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
