import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levelDb, type SpeechInterval, VoiceActivityDetector } from './voice-activity.js';

const FRAME = 50;

/** Runs a detector over levels, one per 50 ms frame starting at t0. */
function run(levels: number[], t0 = 1_000_000): SpeechInterval[] {
  const vad = new VoiceActivityDetector();
  const out: SpeechInterval[] = [];
  for (const [i, level] of levels.entries()) out.push(...vad.feed(level, t0 + i * FRAME));
  out.push(...vad.flush());
  return out;
}

const silence = (ms: number) => Array.from({ length: ms / FRAME }, () => -75);
const speech = (ms: number) => Array.from({ length: ms / FRAME }, () => -25);

describe('levelDb', () => {
  it('is -100 for silence and 0 for a full-scale square wave', () => {
    expect(levelDb(new Float32Array(128))).toBe(-100);
    expect(levelDb(Float32Array.from({ length: 128 }, (_, i) => (i % 2 ? 1 : -1)))).toBeCloseTo(0);
  });
});

describe('VoiceActivityDetector', () => {
  it('hears nothing in a quiet room', () => {
    expect(run(silence(5000))).toEqual([]);
  });

  it('reports speech between silences, in one-second pieces while it lasts', () => {
    const intervals = run([...silence(2000), ...speech(2600), ...silence(2000)]);
    const total = intervals.reduce((sum, i) => sum + i.endedAt - i.startedAt, 0);
    // 2.6 s of speech; the last voiced frame starts 50 ms before the speech ends.
    expect(total).toBeGreaterThanOrEqual(2500);
    expect(total).toBeLessThanOrEqual(2600);
    expect(intervals.length).toBe(3);
  });

  it('bridges a short pause and ignores a click', () => {
    const bridged = run([
      ...silence(1000),
      ...speech(500),
      ...silence(200),
      ...speech(500),
      ...silence(1000),
    ]);
    // One utterance: its pieces touch, and together they span the pause.
    expect(bridged.length).toBeGreaterThanOrEqual(1);
    for (const [i, piece] of bridged.slice(1).entries()) expect(piece.startedAt).toBe(bridged[i]?.endedAt);
    expect((bridged.at(-1)?.endedAt ?? 0) - (bridged[0]?.startedAt ?? 0)).toBeGreaterThanOrEqual(1100);
    expect(run([...silence(1000), ...speech(100), ...silence(1000)])).toEqual([]);
  });

  it('does not learn a steady voice as its noise floor', () => {
    const intervals = run([...silence(1000), ...speech(20_000)]);
    const total = intervals.reduce((sum, i) => sum + i.endedAt - i.startedAt, 0);
    expect(total).toBeGreaterThan(19_000);
  });

  it('reports ordered, non-overlapping intervals within the time fed, for any levels', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 0, noNaN: true }), { maxLength: 600 }), (levels) => {
        const t0 = 1_000_000;
        const intervals = run(levels, t0);
        let last = t0;
        for (const { startedAt, endedAt } of intervals) {
          expect(endedAt).toBeGreaterThan(startedAt);
          expect(startedAt).toBeGreaterThanOrEqual(last);
          expect(endedAt - startedAt).toBeLessThanOrEqual(10 * 60_000);
          last = endedAt;
        }
        expect(last).toBeLessThanOrEqual(t0 + Math.max(0, levels.length - 1) * FRAME);
      }),
    );
  });
});
