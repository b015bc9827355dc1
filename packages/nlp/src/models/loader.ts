import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package's own `models/` folder (same relative place from `src/` and from `dist/`). */
export const modelsUrl = new URL('../../models/', import.meta.url);

/** Absolute path of a shipped model file. */
export function modelPath(fileName: string): string {
  return fileURLToPath(new URL(fileName, modelsUrl));
}

/** True when the named model file is present (models are committed, but may be retrained). */
export function hasModel(fileName: string): boolean {
  return existsSync(modelPath(fileName));
}

/** Reads and parses one JSON model file; the only place the package touches the file system. */
export function readModelJson(fileName: string): unknown {
  return JSON.parse(readFileSync(modelPath(fileName), 'utf8'));
}

/** Narrows an unknown JSON value to a record, or throws naming the model. */
export function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${what}: expected an object`);
  }
  return value as Record<string, unknown>;
}
