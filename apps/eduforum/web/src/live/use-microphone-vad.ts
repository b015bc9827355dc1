import { useCallback, useEffect, useRef, useState } from 'react';
import { levelDb, type SpeechInterval, VoiceActivityDetector } from './voice-activity.js';

export type MicrophoneState = 'off' | 'starting' | 'on' | 'denied' | 'unsupported';

const FRAME_MS = 50;

/**
 * The microphone for TalkTime: Web Audio reads its level every 50 ms, the detector turns levels
 * into intervals of speech, and `report` sends them. The audio itself never leaves the device.
 */
export function useMicrophoneVad(report: (interval: SpeechInterval) => void) {
  const [state, setState] = useState<MicrophoneState>('off');
  const [speaking, setSpeaking] = useState(false);
  const stopRef = useRef<(() => void) | null>(null);
  const reportRef = useRef(report);
  reportRef.current = report;

  const stop = useCallback(() => {
    stopRef.current?.();
    stopRef.current = null;
    setSpeaking(false);
    setState((current) => (current === 'on' || current === 'starting' ? 'off' : current));
  }, []);

  const start = useCallback(async () => {
    if (!navigator.mediaDevices?.getUserMedia || typeof AudioContext === 'undefined') {
      setState('unsupported');
      return;
    }
    setState('starting');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: { echoCancellation: true, noiseSuppression: true },
      });
    } catch {
      setState('denied');
      return;
    }
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const vad = new VoiceActivityDetector();
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      for (const interval of vad.feed(levelDb(samples), Date.now())) reportRef.current(interval);
      setSpeaking(vad.active);
    }, FRAME_MS);
    stopRef.current = () => {
      clearInterval(timer);
      for (const interval of vad.flush()) reportRef.current(interval);
      for (const track of stream.getTracks()) track.stop();
      void context.close();
    };
    setState('on');
  }, []);

  useEffect(() => () => stopRef.current?.(), []);
  return { state, speaking, start, stop };
}
