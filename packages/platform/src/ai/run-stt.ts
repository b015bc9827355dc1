import { z } from 'zod';
import { AppError } from '../http/app-error.js';
import {
  type AiContext,
  type AiResult,
  checkContext,
  type GatewayDeps,
  meter,
  parseOrThrow,
} from './context.js';
import { createResilience, failureKind } from './resilience.js';
import { createOpenAiStt } from './stt/openai-stt.js';
import { createPocketsphinxStt } from './stt/pocketsphinx.js';
import { type ReadAloudResult, scoreReadAloud, tokenizeReading } from './stt/read-aloud.js';
import type { SpeechToText, Transcript, TranscriptionRequest } from './stt/types.js';
import { createWhisperStt } from './stt/whisper.js';

const MAX_AUDIO_BYTES = 25 * 1024 * 1024;
// z.custom keeps the plain `Uint8Array` type (Buffers and views over any ArrayBuffer are fine).
const audio = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, 'audio must be bytes (Uint8Array or Buffer)')
  .refine((a) => a.byteLength > 0, 'audio is empty')
  .refine((a) => a.byteLength <= MAX_AUDIO_BYTES, 'audio is larger than 25 MB');

export const transcribeInputSchema = z.object({
  audio,
  mediaType: z.string().max(100).optional(),
  filename: z.string().max(200).optional(),
  language: z.string().min(2).max(8).optional(),
});
export type TranscribeInput = z.input<typeof transcribeInputSchema>;

export const readAloudInputSchema = z.object({
  audio,
  mediaType: z.string().max(100).optional(),
  filename: z.string().max(200).optional(),
  expectedText: z.string().trim().min(1).max(5_000),
  /** Gaps between words at least this long count as pauses. */
  minPauseMs: z.number().int().min(50).max(10_000).default(300),
});
export type ReadAloudInput = z.input<typeof readAloudInputSchema>;

export const transcriptSchema = z.object({
  text: z.string(),
  language: z.string().optional(),
  durationS: z.number().optional(),
});

/** The speech-to-text engines of one gateway. */
export interface SttEngines {
  openai: SpeechToText | undefined;
  whisper: SpeechToText;
  pocketsphinx: ReturnType<typeof createPocketsphinxStt>;
}

/** Builds the engines from the config; each reports its own availability. */
export function createSttEngines(deps: Pick<GatewayDeps, 'config'>): SttEngines {
  const { stt, resilience } = deps.config;
  return {
    openai: stt.openai ? createOpenAiStt(stt.openai, createResilience(resilience)) : undefined,
    whisper: createWhisperStt(stt.whisperModelPath),
    pocketsphinx: createPocketsphinxStt(stt.pocketsphinx),
  };
}

/** Transcribes speech: the OpenAI-compatible endpoint first when configured, then local whisper.cpp. */
export async function runTranscribe(
  deps: GatewayDeps,
  engines: SttEngines,
  raw: TranscribeInput,
  ctx: AiContext,
): Promise<AiResult<z.output<typeof transcriptSchema>>> {
  checkContext(ctx);
  const input = parseOrThrow(transcribeInputSchema, raw, 'input');
  const candidates = await usable([engines.openai, engines.whisper]);
  if (candidates.length === 0) {
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      'Speech to text is not configured: set STT_OPENAI_BASE_URL (an OpenAI-compatible /audio/transcriptions endpoint) or WHISPER_MODEL_PATH (a whisper.cpp ggml model file).',
      { task: 'transcribe', missing: ['STT_OPENAI_BASE_URL', 'WHISPER_MODEL_PATH'] },
    );
  }
  return firstThatWorks(deps, ctx, 'transcribe', candidates, input, (t) => ({
    text: t.text,
    language: t.language,
    durationS: t.durationS,
  }));
}

/**
 * Scores a read-aloud item: pocketsphinx aligns the recording to the expected text when it is
 * installed; otherwise an OpenAI-compatible endpoint that returns word timings does the
 * recognition. Either way the same scoring gives accuracy, speech rate and pauses.
 */
export async function runReadAloud(
  deps: GatewayDeps,
  engines: SttEngines,
  raw: ReadAloudInput,
  ctx: AiContext,
): Promise<AiResult<ReadAloudResult>> {
  checkContext(ctx);
  const input = parseOrThrow(readAloudInputSchema, raw, 'input');
  const candidates = await usable([engines.pocketsphinx, engines.openai]);
  if (candidates.length === 0) {
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      'Read-aloud scoring needs pocketsphinx (Debian packages pocketsphinx and pocketsphinx-en-us) or STT_OPENAI_BASE_URL.',
      { task: 'assessReadAloud', missing: ['pocketsphinx', 'STT_OPENAI_BASE_URL'] },
    );
  }
  const request = { ...input, wordTimings: true };
  return firstThatWorks(deps, ctx, 'assessReadAloud', candidates, request, (t) => {
    if (t.words === undefined) throw new Error('the engine returned no word timings');
    const aligned = 'unscorable' in t ? (t as Transcript & { unscorable: Set<number> }) : undefined;
    return scoreReadAloud(tokenizeReading(input.expectedText), t.words, {
      minPauseMs: input.minPauseMs,
      durationS: t.durationS,
      unscorable: aligned?.unscorable,
    });
  });
}

async function usable(engines: (SpeechToText | undefined)[]): Promise<SpeechToText[]> {
  const present = engines.filter((e): e is SpeechToText => e !== undefined);
  const checks = await Promise.all(present.map((e) => e.availability()));
  return present.filter((_, i) => checks[i]?.available);
}

async function firstThatWorks<T>(
  deps: GatewayDeps,
  ctx: AiContext,
  task: string,
  engines: SpeechToText[],
  request: TranscriptionRequest,
  toValue: (transcript: Transcript) => T,
): Promise<AiResult<T>> {
  const attempts: { provider: string; reason: string }[] = [];
  for (const engine of engines) {
    const started = performance.now();
    const base = { userId: ctx.userId, app: ctx.app, task, provider: engine.name, model: engine.model };
    const shared = {
      promptVersion: undefined,
      cached: false,
      tokensIn: 0,
      tokensOut: 0,
      experiment: undefined,
      arm: undefined,
    };
    try {
      const value = toValue(await engine.transcribe(request));
      const durationS = (value as { durationS?: number }).durationS;
      const credits =
        engine.name === 'stt-openai' ? sttCredits(deps.config.stt.creditsPerMinute, durationS) : 0;
      const latencyMs = performance.now() - started;
      const requestId = await meter(deps, {
        ...base,
        ...shared,
        status: 'ok',
        credits,
        latencyMs,
        error: undefined,
      });
      return { value, requestId, provider: engine.name, model: engine.model, cached: false, credits };
    } catch (error) {
      // A caller's mistake (no expected text, undecodable audio) is the same for every engine.
      if (error instanceof AppError && error.status < 500) throw error;
      const reason = failureKind(error);
      attempts.push({ provider: engine.name, reason });
      deps.logger.warn({ err: error, task, provider: engine.name }, 'speech-to-text attempt failed');
      const latencyMs = performance.now() - started;
      await meter(deps, { ...base, ...shared, status: 'error', credits: 0, latencyMs, error: reason });
    }
  }
  throw new AppError('SERVICE_UNAVAILABLE', `No speech-to-text engine could handle ${task} right now.`, {
    task,
    attempts,
  });
}

/** Paid transcription is charged per started minute; unknown length counts as one minute. */
function sttCredits(perMinute: number, durationS: number | undefined): number {
  const minutes = Math.max(1, Math.ceil((durationS ?? 60) / 60));
  return Math.ceil(minutes * perMinute);
}
