import { spawn } from 'node:child_process';
import { access, constants, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from '../../http/app-error.js';
import type { AiConfig } from '../env.js';
import { toPcm16kWav } from './audio.js';
import { type ExpectedWord, tokenizeReading } from './read-aloud.js';
import type { Availability, SpeechToText, TimedWord, Transcript, TranscriptionRequest } from './types.js';

type PocketsphinxConfig = AiConfig['stt']['pocketsphinx'];

/** Transcript of a read-aloud item, with which expected words the grammar could not contain. */
export interface AlignedTranscript extends Transcript {
  expected: ExpectedWord[];
  unscorable: Set<number>;
}

const RUN_TIMEOUT_MS = 60_000;
const NOT_WORDS = /^(<s>|<\/s>|<sil>|\(NULL\)|\[NOISE\]|\+\+.*\+\+)$/;

/**
 * pocketsphinx (Debian's `pocketsphinx_continuous` 0.8, with `pocketsphinx-en-us`) for read-aloud
 * items. It does not transcribe freely: a JSGF grammar made from the expected text (each word
 * optional, in order) constrains recognition, which gives reliable word timings and shows skipped
 * words. A closed grammar cannot show *substituted* words (the nearest expected word wins), so
 * "correct" means "read, or something close enough to it". English only.
 */
export function createPocketsphinxStt(config: PocketsphinxConfig): SpeechToText & {
  align(request: TranscriptionRequest, signal?: AbortSignal): Promise<AlignedTranscript>;
} {
  let dictionary: Promise<Set<string>> | undefined;
  const loadDictionary = async (): Promise<Set<string>> => {
    const text = await readFile(config.dict, 'utf8');
    const words = new Set<string>();
    for (const line of text.split('\n')) {
      const head = line.slice(0, line.indexOf(' '));
      if (head) words.add(head.replace(/\(\d+\)$/, ''));
    }
    return words;
  };

  const align = async (request: TranscriptionRequest, signal?: AbortSignal): Promise<AlignedTranscript> => {
    if (!request.expectedText?.trim()) {
      throw new AppError('BAD_REQUEST', 'pocketsphinx only aligns read-aloud items: pass the expected text.');
    }
    const expected = tokenizeReading(request.expectedText);
    dictionary ??= loadDictionary();
    const known = await dictionary;
    const unscorable = new Set(expected.flatMap((w, i) => (known.has(w.norm) ? [] : [i])));
    const grammarWords = expected.filter((_, i) => !unscorable.has(i)).map((w) => w.norm);
    if (grammarWords.length === 0) {
      throw new AppError(
        'BAD_REQUEST',
        'None of the expected words is in the English pronunciation dictionary.',
      );
    }
    const { wav, durationS } = await toPcm16kWav(request.audio, request.filename, signal);
    const dir = await mkdtemp(path.join(tmpdir(), 'read-aloud-'));
    try {
      const wavPath = path.join(dir, 'audio.wav');
      const grammarPath = path.join(dir, 'read.jsgf');
      await writeFile(wavPath, wav);
      await writeFile(grammarPath, jsgfGrammar(grammarWords));
      // One utterance for the whole reading: by default the voice-activity detector ends an
      // utterance after 0.5 s of silence and the grammar restarts from the first word, so words
      // after a pause get matched to the beginning of the text. 3000 frames = 30 s.
      const args = ['-infile', wavPath, '-jsgf', grammarPath, '-hmm', config.hmm, '-dict', config.dict];
      args.push('-time', 'yes', '-vad_postspeech', '3000', '-logfn', '/dev/null');
      const stdout = await run(config.bin, args, signal);
      const words = parseWordTimings(stdout);
      return {
        text: words.map((w) => w.word).join(' '),
        language: 'en',
        durationS,
        words,
        expected,
        unscorable,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  return {
    name: 'pocketsphinx',
    model: 'pocketsphinx-en-us',
    async availability(): Promise<Availability> {
      const bin = await findExecutable(config.bin);
      if (!bin) return { available: false, reason: `${config.bin} not found (Debian package pocketsphinx)` };
      const hmm = await stat(config.hmm).catch(() => undefined);
      const dict = await stat(config.dict).catch(() => undefined);
      if (!hmm?.isDirectory() || !dict?.isFile()) {
        return { available: false, reason: 'English model not found (Debian package pocketsphinx-en-us)' };
      }
      return { available: true };
    },
    transcribe: align,
    align,
  };
}

/** `#JSGF` grammar: the expected words in order, each optional (skips are allowed, reordering is not). */
export function jsgfGrammar(words: readonly string[]): string {
  return `#JSGF V1.0;\ngrammar read;\npublic <read> = ${words.map((w) => `[${w}]`).join(' ')};\n`;
}

/** Parses `word start end confidence` lines of `-time yes` output; alternates like `the(2)` are folded. */
export function parseWordTimings(stdout: string): TimedWord[] {
  const words: TimedWord[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^(\S+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)$/.exec(line.trim());
    if (!m?.[1] || NOT_WORDS.test(m[1])) continue;
    words.push({ word: m[1].replace(/\(\d+\)$/, ''), start: Number(m[2]), end: Number(m[3]) });
  }
  return words.sort((a, b) => a.start - b.start);
}

/** Finds a binary by absolute path or on PATH. */
export async function findExecutable(name: string): Promise<string | undefined> {
  const candidates = name.includes('/')
    ? [name]
    : (process.env.PATH ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .map((dir) => path.join(dir, name));
  for (const candidate of candidates) {
    if (
      await access(candidate, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return undefined;
}

function run(bin: string, args: string[], signal: AbortSignal | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], signal, timeout: RUN_TIMEOUT_MS });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-2_000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${bin} exited with ${code ?? 'a signal'}: ${stderr.trim().slice(-500)}`));
    });
  });
}
