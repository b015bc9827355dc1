/** One closed interval of speech, epoch milliseconds (what the `speaking` event carries). */
export interface SpeechInterval {
  startedAt: number;
  endedAt: number;
}

export interface VoiceActivityOptions {
  /** Speech is this many dB above the running noise floor... */
  marginDb?: number;
  /** ...and louder than this absolute level (dBFS), so a silent room's hiss never counts. */
  minLevelDb?: number;
  /** Pauses shorter than this stay inside one utterance. */
  hangoverMs?: number;
  /** Utterances shorter than this (a cough, a click) are not speech. */
  minSpeechMs?: number;
  /** While someone keeps talking, report what they said so far this often (a live dashboard). */
  chunkMs?: number;
}

/** The level of one frame of samples in dBFS (root mean square; -100 for silence). */
export function levelDb(samples: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i] ?? 0;
    sum += s * s;
  }
  const rms = Math.sqrt(sum / Math.max(1, samples.length));
  return rms > 0 ? Math.max(-100, 20 * Math.log10(rms)) : -100;
}

/**
 * Voice activity detection from frame levels: an adaptive noise floor (falls fast, rises slowly
 * while nobody speaks), a margin above it, a hangover that bridges short pauses, and a minimum
 * utterance length. Only times leave the device, never audio. Reports are closed, ordered,
 * non-overlapping intervals; long speech is reported in `chunkMs` pieces as it goes.
 */
export class VoiceActivityDetector {
  private readonly marginDb: number;
  private readonly minLevelDb: number;
  private readonly hangoverMs: number;
  private readonly minSpeechMs: number;
  private readonly chunkMs: number;
  private noiseDb = -70;
  private speaking = false;
  private utteranceStart = 0;
  private reportedUntil = 0;
  private lastVoice = 0;

  constructor(options: VoiceActivityOptions = {}) {
    this.marginDb = options.marginDb ?? 12;
    this.minLevelDb = options.minLevelDb ?? -50;
    this.hangoverMs = options.hangoverMs ?? 400;
    this.minSpeechMs = options.minSpeechMs ?? 250;
    this.chunkMs = options.chunkMs ?? 1000;
  }

  /** Whether the last frame was inside an utterance. */
  get active(): boolean {
    return this.speaking;
  }

  /** Feeds one frame's level at time `now` (ms, non-decreasing); returns intervals to report. */
  feed(level: number, now: number): SpeechInterval[] {
    const voiced = level > Math.max(this.noiseDb + this.marginDb, this.minLevelDb);
    if (!this.speaking) {
      // The floor follows quiet quickly and noise slowly, so a voice does not become the floor.
      this.noiseDb += (level - this.noiseDb) * (level < this.noiseDb ? 0.3 : 0.02);
    }
    const out: SpeechInterval[] = [];
    if (voiced) {
      if (!this.speaking) {
        this.speaking = true;
        this.utteranceStart = now;
        this.reportedUntil = now;
      }
      this.lastVoice = now;
      if (now - this.utteranceStart >= this.minSpeechMs && now - this.reportedUntil >= this.chunkMs) {
        out.push({ startedAt: this.reportedUntil, endedAt: now });
        this.reportedUntil = now;
      }
      return out;
    }
    if (this.speaking && now - this.lastVoice > this.hangoverMs) out.push(...this.end());
    return out;
  }

  /** Ends any utterance in progress (the microphone was turned off); returns what is left to report. */
  flush(): SpeechInterval[] {
    return this.speaking ? this.end() : [];
  }

  private end(): SpeechInterval[] {
    this.speaking = false;
    const end = this.lastVoice;
    if (end - this.utteranceStart < this.minSpeechMs || end <= this.reportedUntil) return [];
    return [{ startedAt: this.reportedUntil, endedAt: end }];
  }
}
