import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import type { FilePurpose } from './env.js';

/** What each purpose accepts, by sniffed content (never by the name or the client's content type). */
export const allowedTypes: Record<FilePurpose, readonly string[]> = {
  image: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/heic', 'image/tiff'],
  // file-type names WebM and MP4 by container, so browsers' audio-only recordings (MediaRecorder:
  // WebM in Chromium and Firefox, MP4 in Safari and Chromium) sniff as video/*; measureAudio then
  // refuses any with a video track.
  audio: [
    'audio/mpeg',
    'audio/ogg',
    'audio/opus',
    'audio/wav',
    'audio/x-wav',
    'audio/webm',
    'video/webm',
    'audio/mp4',
    'video/mp4',
    'audio/x-m4a',
    'audio/aac',
    'audio/flac',
    'audio/x-flac',
  ],
  document: [
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/x-hwp',
    'text/plain; charset=utf-8',
    // Korean Windows software (Excel's "CSV", Notepad) saves text in CP949, a superset of EUC-KR.
    'text/plain; charset=euc-kr',
  ],
};

/**
 * The content type of a file from its bytes. Plain text has no signature: a file file-type does
 * not recognise counts as text only if its start is valid UTF-8, or valid CP949/EUC-KR with Hangul
 * in it (Korean Excel's CSV), without NUL bytes.
 */
export async function sniff(filePath: string): Promise<string | undefined> {
  const detected = await fileTypeFromFile(filePath);
  if (detected) return detected.mime;
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    if (bytesRead === 0 || head.includes(0)) return undefined;
    // A multi-byte character cut at the end of the window is fine; anything else is not text.
    const window = head.subarray(0, Math.max(0, bytesRead - 3));
    if (decodes('utf-8', window)) return 'text/plain; charset=utf-8';
    if (decodes('euc-kr', window) && /[\uac00-\ud7a3]/.test(new TextDecoder('euc-kr').decode(window)))
      return 'text/plain; charset=euc-kr';
    return undefined;
  } finally {
    await handle.close();
  }
}

/**
 * The name shown for a file: the last path segment of what the client sent, without control
 * characters (NUL among them), unpaired surrogates or leading dots, at most 200 characters (code
 * points: a cut never splits an emoji into half a pair). It is display text only: storage keys are ours.
 */
export function displayName(name: string | undefined, extension?: string): string {
  const last = (name ?? '').split(/[/\\]/).pop() ?? '';
  const kept = [...last]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !/\p{Cs}/u.test(c))
    .join('')
    .replace(/^[.\s]+/, '')
    .trim();
  let clean = [...kept].slice(0, 200).join('');
  if (extension) clean = `${clean.replace(/\.[^.]*$/, '') || 'image'}.${extension}`;
  return clean || 'file';
}

function decodes(encoding: string, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
