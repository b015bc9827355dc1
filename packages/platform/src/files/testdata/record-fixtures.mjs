// Records the audio fixtures of files/audio.test.ts with Chromium's own MediaRecorder (what browsers
// upload: WebM/Opus without a duration in its header, fragmented MP4), and prints the duration
// Chromium decodes from each (the tests' expected values). Run from the repository root:
//   node packages/platform/src/files/testdata/record-fixtures.mjs
// Needs /usr/bin/chromium and playwright-core (a dependency of e2e/); nothing is downloaded.
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const here = new URL('.', import.meta.url);
const recordings = [
  { file: 'mediarecorder-opus.webm', mimeType: 'audio/webm;codecs=opus', ms: 1500 },
  { file: 'mediarecorder-opus.mp4', mimeType: 'audio/mp4;codecs=opus', ms: 1500 },
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  for (const { file, mimeType, ms } of recordings) {
    const { base64, decodedMs } = await page.evaluate(
      async ({ mimeType, ms }) => {
        // A 440 Hz tone through MediaRecorder, in 250 ms chunks like a chat recorder.
        const context = new AudioContext({ sampleRate: 48_000 });
        const tone = context.createOscillator();
        const gain = context.createGain();
        gain.gain.value = 0.2;
        const sink = context.createMediaStreamDestination();
        tone.connect(gain).connect(sink);
        tone.start();
        const recorder = new MediaRecorder(sink.stream, { mimeType, audioBitsPerSecond: 16_000 });
        const chunks = [];
        recorder.ondataavailable = (event) => chunks.push(event.data);
        const stopped = new Promise((resolve) => {
          recorder.onstop = resolve;
        });
        recorder.start(250);
        await new Promise((resolve) => setTimeout(resolve, ms));
        recorder.stop();
        await stopped;
        await context.close();
        const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
        const decoded = await new OfflineAudioContext(1, 1, 48_000).decodeAudioData(bytes.slice().buffer);
        let binary = '';
        for (const byte of bytes) binary += String.fromCharCode(byte);
        return { base64: btoa(binary), decodedMs: Math.round(decoded.duration * 1000) };
      },
      { mimeType, ms },
    );
    const bytes = Buffer.from(base64, 'base64');
    writeFileSync(new URL(file, here), bytes);
    process.stdout.write(`${file}: ${bytes.length} bytes, Chromium decodes ${decodedMs} ms\n`);
  }
} finally {
  await browser.close();
}
