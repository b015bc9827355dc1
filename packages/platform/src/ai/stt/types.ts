/** Engines that turn speech into text. */
export const sttEngineNames = ['stt-openai', 'whisper', 'pocketsphinx'] as const;
export type SttEngineName = (typeof sttEngineNames)[number];

/** Audio to transcribe. `expectedText` turns on read-aloud alignment (pocketsphinx needs it). */
export interface TranscriptionRequest {
  audio: Uint8Array;
  /** MIME type, e.g. audio/wav, audio/webm. */
  mediaType?: string | undefined;
  filename?: string | undefined;
  /** ISO-639-1 hint, e.g. en, ko. */
  language?: string | undefined;
  /** The text the speaker was asked to read, for read-aloud items. */
  expectedText?: string | undefined;
  /** Ask for word timings (read-aloud); engines that cannot give them say so. */
  wordTimings?: boolean | undefined;
}

/** A recognized word with its start and end in seconds from the start of the audio. */
export interface TimedWord {
  word: string;
  start: number;
  end: number;
}

export interface Transcript {
  text: string;
  language?: string | undefined;
  durationS?: number | undefined;
  words?: TimedWord[] | undefined;
}

/** Whether an engine can run here, and if not, why (shown by the status endpoint). */
export interface Availability {
  available: boolean;
  reason?: string | undefined;
}

/** One speech-to-text engine. Engines that are not installed report it; they never fake a transcript. */
export interface SpeechToText {
  readonly name: SttEngineName;
  /** The model or binary used, for metering. */
  readonly model: string;
  availability(): Promise<Availability>;
  transcribe(request: TranscriptionRequest, signal?: AbortSignal): Promise<Transcript>;
}
