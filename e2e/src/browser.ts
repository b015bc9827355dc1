import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium; browser tests are skipped (loudly) where it is absent. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) process.stdout.write(`SKIPPED: browser tests (${CHROMIUM} is not installed)\n`);

/**
 * Headless Chromium as this machine allows it: no sandbox (root), no GPU, no background network
 * (the network is closed), and a fresh empty profile (Playwright makes one per launch). `fakeMedia`
 * gives it a synthetic camera and microphone; `fakeAudioFile` (a WAV, looped) is what that
 * microphone hears instead of Chromium's beeps.
 */
export function launchChromium(
  options: { fakeMedia?: boolean; fakeAudioFile?: string } = {},
): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.fakeMedia ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] : []),
      ...(options.fakeAudioFile ? [`--use-file-for-fake-audio-capture=${options.fakeAudioFile}`] : []),
    ],
  });
}
