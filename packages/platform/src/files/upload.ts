import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import sharp from 'sharp';
import { AppError } from '../http/app-error.js';
import { measureAudio } from './audio.js';
import type { FilePurpose } from './env.js';
import { allowedTypes, displayName, sniff } from './sniff.js';

/** An upload checked and ready to store: the file to keep and what it is. */
export interface PreparedUpload {
  body: string;
  contentType: string;
  size: number;
  sha256: string;
  name: string;
  /** Audio: its measured length; null for other purposes. */
  durationMs: number | null;
}

/** What one upload may be: bytes for its purpose, and for audio its length. */
export interface UploadLimits {
  maxBytes: number;
  audioMaxDurationMs: number;
}

class TooLarge extends Error {}

/**
 * Streams an upload into `work` with a byte limit, sniffs it against the purpose's allow-list,
 * re-encodes images to WebP without metadata and measures audio. Throws PAYLOAD_TOO_LARGE,
 * UNSUPPORTED_MEDIA_TYPE or AUDIO_TOO_LONG.
 */
export async function prepareUpload(
  input: { purpose: FilePurpose; fileName: string | undefined; stream: Readable },
  { maxBytes, audioMaxDurationMs }: UploadLimits,
  work: string,
): Promise<PreparedUpload> {
  const raw = path.join(work, 'raw');
  try {
    await pipeline(input.stream, limitSize(maxBytes), createWriteStream(raw));
  } catch (error) {
    if (error instanceof TooLarge || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('PAYLOAD_TOO_LARGE', `Files for ${input.purpose} may be at most ${maxBytes} bytes.`);
    throw error;
  }
  const sniffed = await sniff(raw);
  if (!sniffed || !allowedTypes[input.purpose].includes(sniffed))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `This is not an accepted ${input.purpose} file.`, {
      detected: sniffed ?? null,
      accepted: allowedTypes[input.purpose],
    });
  let body = raw;
  let contentType = sniffed;
  let name = displayName(input.fileName);
  let durationMs: number | null = null;
  if (input.purpose === 'audio') {
    durationMs = await measureAudio(raw);
    // Measured: audio only, so a WebM or MP4 recording is served as what it is.
    contentType = contentType.replace(/^video\//, 'audio/');
    if (durationMs > audioMaxDurationMs)
      throw new AppError(
        'AUDIO_TOO_LONG',
        `Recordings may be at most ${Math.floor(audioMaxDurationMs / 1000)} seconds long.`,
        { durationMs, maxDurationMs: audioMaxDurationMs },
      );
  }
  if (input.purpose === 'image') {
    // Re-encoding drops EXIF (GPS, camera) and any payload hidden in the original container.
    body = path.join(work, 'image.webp');
    try {
      await sharp(raw, { limitInputPixels: 50_000_000 })
        .rotate()
        .resize({ width: 4096, height: 4096, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 82 })
        .toFile(body);
    } catch {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The image could not be read.');
    }
    contentType = 'image/webp';
    name = displayName(input.fileName, 'webp');
  }
  const { size } = await stat(body);
  return { body, contentType, size, sha256: await hashFile(body), name, durationMs };
}

/** Fails the stream as soon as more than `max` bytes went through. */
function limitSize(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > max) callback(new TooLarge());
      else callback(null, chunk);
    },
  });
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
