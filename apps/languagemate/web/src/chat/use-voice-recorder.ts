import { useCallback, useEffect, useRef, useState } from 'react';

/** The longest voice message we record (the server has its own limit, AUDIO_TOO_LONG). */
export const VOICE_MAX_MS = 2 * 60_000;

export interface Recording {
  blob: Blob;
  durationMs: number;
  fileName: string;
}

/** Containers browsers record, best first (Chromium and Firefox: WebM/Opus; Safari: MP4/AAC). */
const containers = [
  ['audio/webm;codecs=opus', 'webm'],
  ['audio/webm', 'webm'],
  ['audio/ogg;codecs=opus', 'ogg'],
  ['audio/mp4', 'm4a'],
] as const;

/**
 * Records a voice message with the browser's MediaRecorder: `start` asks for the microphone,
 * `elapsedMs` counts while recording (it stops by itself at VOICE_MAX_MS), `finish` resolves with
 * the recording, `cancel` throws it away. The microphone is released as soon as recording ends.
 */
export function useVoiceRecorder() {
  const [state, setState] = useState<'idle' | 'starting' | 'recording'>('idle');
  /** A recording that stopped by itself at the length limit, waiting to be sent or cancelled. */
  const [ready, setReady] = useState<Recording>();
  const [elapsedMs, setElapsedMs] = useState(0);
  const [error, setError] = useState<'denied' | 'unsupported'>();
  const recorder = useRef<MediaRecorder>(undefined);
  const chunks = useRef<Blob[]>([]);
  const startedAt = useRef(0);
  const ticker = useRef<ReturnType<typeof setInterval>>(undefined);
  const done = useRef<((recording: Recording | undefined) => void) | undefined>(undefined);
  const discard = useRef(false);

  const release = useCallback(() => {
    clearInterval(ticker.current);
    for (const track of recorder.current?.stream.getTracks() ?? []) track.stop();
    recorder.current = undefined;
    setState('idle');
  }, []);

  const start = useCallback(async () => {
    setError(undefined);
    setReady(undefined);
    const container = containers.find(([type]) => globalThis.MediaRecorder?.isTypeSupported(type));
    if (!container || !navigator.mediaDevices?.getUserMedia) {
      setError('unsupported');
      return;
    }
    setState('starting');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      setError('denied');
      setState('idle');
      return;
    }
    const [mimeType, extension] = container;
    const rec = new MediaRecorder(stream, { mimeType });
    chunks.current = [];
    discard.current = false;
    rec.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.current.push(event.data);
    };
    rec.onstop = () => {
      const durationMs = Date.now() - startedAt.current;
      const blob = new Blob(chunks.current, { type: mimeType.split(';')[0] });
      release();
      const recording = discard.current ? undefined : { blob, durationMs, fileName: `voice.${extension}` };
      if (done.current) done.current(recording);
      else setReady(recording);
      done.current = undefined;
    };
    recorder.current = rec;
    startedAt.current = Date.now();
    setElapsedMs(0);
    rec.start(250);
    setState('recording');
    ticker.current = setInterval(() => {
      const elapsed = Date.now() - startedAt.current;
      setElapsedMs(elapsed);
      if (elapsed >= VOICE_MAX_MS && rec.state === 'recording') rec.stop();
    }, 200);
  }, [release]);

  /** Stops and hands over the recording (undefined when nothing was recording). */
  const finish = useCallback(
    () =>
      new Promise<Recording | undefined>((resolve) => {
        const rec = recorder.current;
        if (rec?.state !== 'recording') {
          setReady(undefined);
          return resolve(ready);
        }
        done.current = resolve;
        rec.stop();
      }),
    [ready],
  );

  const cancel = useCallback(() => {
    const rec = recorder.current;
    discard.current = true;
    setReady(undefined);
    if (rec && rec.state === 'recording') rec.stop();
    else release();
  }, [release]);

  // Leaving the page mid-recording turns the microphone off.
  useEffect(
    () => () => {
      discard.current = true;
      if (recorder.current?.state === 'recording') recorder.current.stop();
      clearInterval(ticker.current);
    },
    [],
  );

  return { state: ready ? ('ready' as const) : state, elapsedMs, error, start, finish, cancel };
}
