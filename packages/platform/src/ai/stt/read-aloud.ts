import { z } from 'zod';
import type { TimedWord } from './types.js';

/** A word of the text the learner was asked to read. */
export interface ExpectedWord {
  /** As written in the text. */
  surface: string;
  /** Lower case, apostrophes kept, other punctuation dropped: what recognizers output. */
  norm: string;
}

/** Splits a text to read aloud into words (hyphenated words become separate words). */
export function tokenizeReading(text: string): ExpectedWord[] {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .split(/[\s\u2010-\u2015-]+/)
    .map((surface) => ({ surface, norm: normalizeWord(surface) }))
    .filter((w) => w.norm.length > 0)
    .map((w) => ({ surface: w.surface.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''), norm: w.norm }));
}

/** Lower case, letters, digits and inner apostrophes only. */
export function normalizeWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/[^\p{L}\p{N}']/gu, '')
    .replace(/^'+|'+$/g, '');
}

export const readAloudResultSchema = z.object({
  words: z.array(
    z.object({
      word: z.string(),
      status: z
        .enum(['correct', 'missed', 'unscorable'])
        .describe('unscorable: not in the recognizer dictionary'),
      start: z.number().optional(),
      end: z.number().optional(),
    }),
  ),
  correctWords: z.number().int(),
  scorableWords: z.number().int(),
  accuracy: z.number().min(0).max(1).describe('correct / scorable words'),
  durationS: z.number().optional().describe('length of the recording'),
  speakingTimeS: z.number().describe('from the first to the last word read'),
  wordsPerMinute: z.number().describe('words read correctly per minute of speaking time'),
  pauses: z.array(
    z.object({ afterWord: z.string(), beforeWord: z.string(), start: z.number(), durationS: z.number() }),
  ),
  longestPauseS: z.number(),
});
export type ReadAloudResult = z.output<typeof readAloudResultSchema>;

/**
 * Scores a reading: aligns the recognized words to the expected ones (longest common
 * subsequence, so skipped, repeated and inserted words do not shift the rest), then derives
 * accuracy, speaking time, words per minute and the pauses between consecutive words read.
 * `unscorable` words (e.g. not in the recognizer's dictionary) count neither way.
 */
export function scoreReadAloud(
  expected: readonly ExpectedWord[],
  recognized: readonly TimedWord[],
  options: { minPauseMs: number; durationS?: number | undefined; unscorable?: ReadonlySet<number> },
): ReadAloudResult {
  const heard = recognized.map((w) => ({ ...w, norm: normalizeWord(w.word) })).filter((w) => w.norm);
  const match = lcsMatch(
    expected.map((w, i) => (options.unscorable?.has(i) ? '\u0000' : w.norm)),
    heard.map((w) => w.norm),
  );
  const words: ReadAloudResult['words'] = expected.map((w, i) => {
    if (options.unscorable?.has(i)) return { word: w.surface, status: 'unscorable' };
    const j = match.get(i);
    const timed = j === undefined ? undefined : heard[j];
    return timed
      ? { word: w.surface, status: 'correct', start: round(timed.start), end: round(timed.end) }
      : { word: w.surface, status: 'missed' };
  });
  const read = words.filter((w) => w.status === 'correct' && w.start !== undefined && w.end !== undefined);
  const scorable = words.filter((w) => w.status !== 'unscorable').length;
  const first = read[0];
  const last = read[read.length - 1];
  const speakingTimeS = first && last ? round((last.end ?? 0) - (first.start ?? 0)) : 0;
  const pauses: ReadAloudResult['pauses'] = [];
  for (let i = 1; i < read.length; i++) {
    const before = read[i - 1];
    const after = read[i];
    if (!before || !after) continue;
    const gap = (after.start ?? 0) - (before.end ?? 0);
    if (gap * 1000 >= options.minPauseMs) {
      pauses.push({
        afterWord: before.word,
        beforeWord: after.word,
        start: before.end ?? 0,
        durationS: round(gap),
      });
    }
  }
  return {
    words,
    correctWords: read.length,
    scorableWords: scorable,
    accuracy: scorable > 0 ? round(read.length / scorable) : 0,
    durationS: options.durationS === undefined ? undefined : round(options.durationS),
    speakingTimeS,
    wordsPerMinute: speakingTimeS > 0 ? Math.round((read.length / speakingTimeS) * 60) : 0,
    pauses,
    longestPauseS: round(Math.max(0, ...pauses.map((p) => p.durationS))),
  };
}

/** Longest common subsequence of two word lists: expected index -> recognized index. */
function lcsMatch(a: readonly string[], b: readonly string[]): Map<number, number> {
  const width = b.length + 1;
  const table = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  const match = new Map<number, number>();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      match.set(i, j);
      i++;
      j++;
    } else if ((table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0)) {
      i++;
    } else {
      j++;
    }
  }
  return match;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
