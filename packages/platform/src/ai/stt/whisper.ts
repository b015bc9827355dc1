import { stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeTo16kMono, loadWhisperBinding, SAMPLE_RATE } from './audio.js';
import type { Availability, SpeechToText, Transcript, TranscriptionRequest } from './types.js';

type WhisperBinding = NonNullable<Awaited<ReturnType<typeof loadWhisperBinding>>>;
type WhisperContext = InstanceType<WhisperBinding['Whisper']>;

/**
 * whisper.cpp through `@napi-rs/whisper`, with a ggml model file the operator supplies
 * (`WHISPER_MODEL_PATH`, e.g. ggml-base.bin from the whisper.cpp model list). The model loads on
 * first use and stays in memory. `Whisper.full` is synchronous and holds the event loop for the
 * length of the inference, so calls are serialized; on a busy web instance prefer an
 * OpenAI-compatible Whisper server, or run transcription on the worker role.
 */
export function createWhisperStt(modelPath: string | undefined): SpeechToText {
  let context: Promise<WhisperContext> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const load = async (): Promise<WhisperContext> => {
    const binding = await loadWhisperBinding();
    if (!binding || !modelPath) throw new Error('whisper.cpp is not available');
    return new binding.Whisper(path.resolve(modelPath));
  };

  return {
    name: 'whisper',
    model: modelPath ? path.basename(modelPath) : 'whisper.cpp',
    async availability(): Promise<Availability> {
      if (!modelPath) return { available: false, reason: 'WHISPER_MODEL_PATH is not set' };
      const file = await stat(modelPath).catch(() => undefined);
      if (!file?.isFile())
        return { available: false, reason: `no model file at WHISPER_MODEL_PATH (${modelPath})` };
      if (!(await loadWhisperBinding())) {
        return { available: false, reason: '@napi-rs/whisper has no native binary for this platform' };
      }
      return { available: true };
    },
    transcribe(request: TranscriptionRequest, signal?: AbortSignal): Promise<Transcript> {
      const run = async (): Promise<Transcript> => {
        const binding = await loadWhisperBinding();
        if (!binding) throw new Error('whisper.cpp is not available');
        const samples = await decodeTo16kMono(request.audio, request.filename, signal);
        signal?.throwIfAborted();
        context ??= load();
        const whisper = await context.catch((error: unknown) => {
          context = undefined;
          throw error;
        });
        const params = new binding.WhisperFullParams(binding.WhisperSamplingStrategy.Greedy);
        params.language = request.language ?? 'auto';
        params.printProgress = false;
        params.printRealtime = false;
        params.printTimestamps = false;
        const text = whisper.full(params, samples);
        return { text: text.trim(), language: request.language, durationS: samples.length / SAMPLE_RATE };
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
