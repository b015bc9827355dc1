import { writeFile } from 'node:fs/promises';

const RATE = 16_000;

/**
 * Writes a mono 16-bit WAV that sounds like someone talking in turns: `pattern` alternates
 * silence and "speech" in milliseconds, speech being a 140 Hz voice-like tone with harmonics whose
 * loudness rises and falls four times a second (syllables). Chromium plays it as the microphone.
 */
export async function writeVoiceWav(path: string, pattern: number[]): Promise<void> {
  const total = pattern.reduce((sum, ms) => sum + ms, 0);
  const samples = Math.round((total / 1000) * RATE);
  const data = Buffer.alloc(samples * 2);
  let index = 0;
  for (const [segment, ms] of pattern.entries()) {
    const speaking = segment % 2 === 1;
    const count = Math.round((ms / 1000) * RATE);
    for (let i = 0; i < count && index < samples; i++, index++) {
      const t = index / RATE;
      let value = 0;
      if (speaking) {
        const syllables = 0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * t);
        for (let harmonic = 1; harmonic <= 6; harmonic++)
          value += Math.sin(2 * Math.PI * 140 * harmonic * t) / harmonic;
        value *= 0.25 * syllables;
      }
      data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(value * 32767))), index * 2);
    }
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  await writeFile(path, Buffer.concat([header, data]));
}
