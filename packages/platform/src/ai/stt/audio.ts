import { AppError } from '../../http/app-error.js';

export const SAMPLE_RATE = 16_000;

type WhisperBinding = typeof import('@napi-rs/whisper');

let binding: Promise<WhisperBinding | undefined> | undefined;

/**
 * Loads `@napi-rs/whisper` (whisper.cpp plus a Symphonia audio decoder) on first use. It is a
 * native addon with prebuilt binaries for some platforms only, so a failed load means "not
 * available here", not a crash at boot.
 */
export function loadWhisperBinding(): Promise<WhisperBinding | undefined> {
  binding ??= import('@napi-rs/whisper').catch(() => undefined);
  return binding;
}

interface WavInfo {
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  format: number;
  data: Uint8Array;
}

/** Reads the fmt and data chunks of a RIFF/WAVE file; undefined when it is not one. */
export function parseWav(bytes: Uint8Array): WavInfo | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return undefined;
  let offset = 12;
  let fmt: Omit<WavInfo, 'data'> | undefined;
  while (offset + 8 <= bytes.byteLength) {
    const id = tag(offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ' && size >= 16) {
      fmt = {
        format: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    } else if (id === 'data' && fmt) {
      // Streaming writers (espeak-ng --stdout, browsers) may leave the size at 0 or 0xffffffff.
      const end = size === 0 || body + size > bytes.byteLength ? bytes.byteLength : body + size;
      return { ...fmt, data: bytes.subarray(body, end) };
    }
    offset = body + size + (size % 2);
  }
  return undefined;
}

/** A 16-bit PCM mono WAV file from float samples in -1..1. */
export function encodeWav(samples: Float32Array, sampleRate = SAMPLE_RATE): Uint8Array {
  const out = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(out.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) out[offset + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    view.setInt16(44 + i * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true);
  }
  return out;
}

/**
 * Returns 16 kHz mono 16-bit PCM WAV (what pocketsphinx's acoustic model expects) and the
 * duration. Such a WAV passes through; anything else is decoded and resampled by the whisper
 * binding's decoder (WAV, MP3, OGG/Vorbis, FLAC, AAC...). Without that binding only the exact
 * format is accepted.
 */
export async function toPcm16kWav(
  audio: Uint8Array,
  filename: string | undefined,
  signal?: AbortSignal,
): Promise<{ wav: Uint8Array; durationS: number }> {
  const wav = parseWav(audio);
  if (
    wav &&
    wav.format === 1 &&
    wav.channels === 1 &&
    wav.sampleRate === SAMPLE_RATE &&
    wav.bitsPerSample === 16
  ) {
    return { wav: audio, durationS: wav.data.byteLength / 2 / SAMPLE_RATE };
  }
  const samples = await decodeTo16kMono(audio, filename, signal);
  return { wav: encodeWav(samples), durationS: samples.length / SAMPLE_RATE };
}

/** Decodes any supported audio into 16 kHz mono float samples. */
export async function decodeTo16kMono(
  audio: Uint8Array,
  filename: string | undefined,
  signal?: AbortSignal,
): Promise<Float32Array> {
  const whisper = await loadWhisperBinding();
  if (!whisper) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send 16 kHz mono 16-bit PCM WAV: the audio decoder (@napi-rs/whisper) is not available on this platform.',
    );
  }
  try {
    return await whisper.decodeAudioAsync(audio, filename ?? 'audio', signal ?? null);
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The audio could not be decoded.');
  }
}
