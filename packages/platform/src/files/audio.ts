import { ALL_FORMATS, FilePathSource, Input } from 'mediabunny';
import { AppError } from '../http/app-error.js';

/**
 * The length of an audio file in whole milliseconds, measured from its packets rather than read
 * from a header: MediaRecorder's WebM has no duration in its header at all (its segment and clusters
 * have unknown sizes), Chromium's and Safari's MP4 recordings are fragmented with a near-zero one, and
 * a header can say anything. mediabunny (a pure TypeScript demuxer) reads WebM/Matroska, MP4, Ogg,
 * WAV, MP3, AAC and FLAC. A file it cannot read, one without an audio track and one with a video
 * track are refused with 415 UNSUPPORTED_MEDIA_TYPE, as an unreadable image is. The end of the last packet counts; a last packet
 * that states no length (WebM's last block) is counted as zero, so the figure may be one packet
 * short (at most 120 ms for Opus).
 */
export async function measureAudio(filePath: string): Promise<number> {
  const input = new Input({ source: new FilePathSource(filePath), formats: ALL_FORMATS });
  try {
    const tracks = await input.getAudioTracks();
    if (tracks.length === 0) throw unreadable();
    if ((await input.getVideoTracks()).length > 0)
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'An audio upload must not contain video.');
    const seconds = await input.computeDuration(tracks);
    if (!Number.isFinite(seconds) || seconds < 0) throw unreadable();
    return Math.round(seconds * 1000);
  } catch (error) {
    throw error instanceof AppError ? error : unreadable();
  } finally {
    input.dispose();
  }
}

function unreadable(): AppError {
  return new AppError('UNSUPPORTED_MEDIA_TYPE', 'The audio could not be read.');
}
