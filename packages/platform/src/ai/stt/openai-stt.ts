import { z } from 'zod';
import type { AiConfig } from '../env.js';
import { type Resilience, TransientError } from '../resilience.js';
import type { Availability, SpeechToText, Transcript, TranscriptionRequest } from './types.js';

type SttConfig = NonNullable<AiConfig['stt']['openai']>;

const responseSchema = z.object({
  text: z.string(),
  language: z.string().optional(),
  duration: z.number().optional(),
  words: z.array(z.object({ word: z.string(), start: z.number(), end: z.number() })).optional(),
});

/** A non-retryable answer of the transcription endpoint (bad audio, bad key, unknown model). */
export class TranscriptionRejectedError extends Error {
  constructor(readonly status: number) {
    super(`The transcription endpoint answered ${status}`);
    this.name = 'TranscriptionRejectedError';
  }
}

/**
 * OpenAI-compatible `POST /audio/transcriptions` (OpenAI's Whisper API, faster-whisper and
 * whisper.cpp servers, LocalAI...). The AI SDK's openai-compatible provider has no transcription
 * model, so this is a plain multipart request, behind the same retry/breaker/timeout policy as the
 * language models. Word timings use `verbose_json` with word granularity, which OpenAI's
 * `whisper-1` and most Whisper servers support.
 */
export function createOpenAiStt(config: SttConfig, resilience: Resilience): SpeechToText {
  return {
    name: 'stt-openai',
    model: config.model,
    async availability(): Promise<Availability> {
      return { available: true };
    },
    async transcribe(request: TranscriptionRequest): Promise<Transcript> {
      const json = await resilience.execute((signal) => post(config, request, signal));
      const parsed = responseSchema.parse(json);
      return {
        text: parsed.text.trim(),
        language: parsed.language,
        durationS: parsed.duration,
        words: parsed.words?.map((w) => ({ word: w.word.trim(), start: w.start, end: w.end })),
      };
    },
  };
}

async function post(config: SttConfig, request: TranscriptionRequest, signal: AbortSignal): Promise<unknown> {
  const form = new FormData();
  const type = request.mediaType ?? 'application/octet-stream';
  form.append('file', new Blob([request.audio], { type }), request.filename ?? defaultFilename(type));
  form.append('model', config.model);
  if (request.language) form.append('language', request.language);
  if (request.wordTimings) {
    form.append('response_format', 'verbose_json');
    form.append('timestamp_granularities[]', 'word');
  } else {
    form.append('response_format', 'json');
  }
  let response: Response;
  try {
    response = await fetch(`${config.baseUrl}/audio/transcriptions`, {
      method: 'POST',
      body: form,
      headers: config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {},
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new TransientError('The transcription endpoint could not be reached', { cause: error });
  }
  if (response.status >= 500 || response.status === 429 || response.status === 408) {
    await response.body?.cancel();
    throw new TransientError(`The transcription endpoint answered ${response.status}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new TranscriptionRejectedError(response.status);
  }
  return response.json();
}

function defaultFilename(mediaType: string): string {
  const ext = /audio\/(?:x-)?(wav|webm|ogg|mpeg|mp4|flac|m4a)/.exec(mediaType)?.[1];
  return `audio.${ext === 'mpeg' ? 'mp3' : (ext ?? 'wav')}`;
}
