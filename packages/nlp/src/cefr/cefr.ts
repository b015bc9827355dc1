import { analyzeEnglish, type EnSentence } from '../en/analyze.js';
import { readModelJson } from '../models/loader.js';
import { CEFR_LEVELS, type CefrLevel } from './levels.js';
import { type CefrScorer, parseCefrModel, scorerFromFile } from './model.js';
import { createVocabLookup, type VocabFile } from './vocab.js';

/** Result of {@link assessCefr}. `band` is given for texts of two or more sentences. */
export interface CefrResult {
  level: CefrLevel;
  confidence: number;
  band?: { low: CefrLevel; high: CefrLevel };
}

/** Per-sentence detail, for callers that want to highlight hard sentences. */
export interface CefrSentenceResult {
  text: string;
  level: CefrLevel;
  probs: number[];
}

let scorer: CefrScorer | undefined;

/** Loads (once) the shipped CEFR model and word list. */
export function getCefrScorer(): CefrScorer {
  if (!scorer) {
    const vocab = createVocabLookup(readModelJson('cefr-vocab.json') as VocabFile);
    scorer = scorerFromFile(parseCefrModel(readModelJson('cefr.json')), vocab);
  }
  return scorer;
}

function argmax(values: number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
}

function wordCount(s: EnSentence): number {
  return s.tokens.filter((t) => t.type === 'word').length;
}

/** Weighted quantile of integer levels (0-based indices). */
function weightedQuantile(items: Array<{ level: number; weight: number }>, q: number): number {
  const sorted = [...items].sort((a, b) => a.level - b.level);
  const total = sorted.reduce((s, i) => s + i.weight, 0);
  let acc = 0;
  for (const item of sorted) {
    acc += item.weight;
    if (acc >= q * total - 1e-9) return item.level;
  }
  return sorted[sorted.length - 1]?.level ?? 0;
}

/**
 * Aggregates per-sentence distributions into a text level: the word-weighted mean distribution
 * gives the level and confidence; the 20th-80th weighted percentiles of sentence levels give the band.
 */
export function aggregateCefr(sentences: Array<{ probs: number[]; words: number }>): CefrResult {
  const scored = sentences.filter((s) => s.words > 0);
  if (scored.length === 0) return { level: 'A1', confidence: 0 };
  const total = scored.reduce((s, x) => s + x.words, 0);
  const mean = CEFR_LEVELS.map((_, k) => scored.reduce((s, x) => s + (x.probs[k] ?? 0) * x.words, 0) / total);
  const best = argmax(mean);
  const result: CefrResult = { level: CEFR_LEVELS[best] as CefrLevel, confidence: mean[best] ?? 0 };
  if (scored.length >= 2) {
    const items = scored.map((s) => ({ level: argmax(s.probs), weight: s.words }));
    const low = Math.min(best, weightedQuantile(items, 0.2));
    const high = Math.max(best, weightedQuantile(items, 0.8));
    result.band = { low: CEFR_LEVELS[low] as CefrLevel, high: CEFR_LEVELS[high] as CefrLevel };
  }
  return result;
}

/** Scores each sentence of an English text. */
export function assessCefrSentences(text: string): CefrSentenceResult[] {
  const s = getCefrScorer();
  return analyzeEnglish(text).map((sentence) => {
    const probs = s.sentenceProbs(sentence.tokens);
    return { text: sentence.text, level: CEFR_LEVELS[argmax(probs)] as CefrLevel, probs };
  });
}

/**
 * Estimates the CEFR level (A1..C2) of an English sentence or text with the shipped model.
 * Multi-sentence texts are aggregated over sentences and get a `band`.
 */
export function assessCefr(text: string): CefrResult {
  const s = getCefrScorer();
  const sentences = analyzeEnglish(text).map((sentence) => ({
    probs: s.sentenceProbs(sentence.tokens),
    words: wordCount(sentence),
  }));
  return aggregateCefr(sentences);
}
