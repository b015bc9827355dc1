import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { findExecutable } from './stt/pocketsphinx.js';
import { testGateway, testPool, usageRows } from './testing/harness.js';

const run = promisify(execFile);

// Speech comes from espeak-ng, recognition from pocketsphinx (Debian packages espeak-ng,
// pocketsphinx, pocketsphinx-en-us). Where they are missing these tests are skipped, loudly.
const missing = (
  await Promise.all(
    ['espeak-ng', 'pocketsphinx_continuous'].map(async (bin) => ((await findExecutable(bin)) ? [] : [bin])),
  )
).flat();
if (missing.length > 0) {
  console.warn(
    `[read-aloud] SKIPPED: ${missing.join(', ')} not installed (apt-get install espeak-ng pocketsphinx pocketsphinx-en-us)`,
  );
}

const PASSAGE = 'Every morning I walk to the station and buy a newspaper before the train arrives.';

let database: TestDatabase;
let pool: pg.Pool;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = testPool(database.url);
  dir = await mkdtemp(path.join(tmpdir(), 'read-aloud-test-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await pool.end();
  await database.drop();
});

/** Synthesizes speech (espeak-ng writes 22.05 kHz WAV, so the gateway's resampling runs too). */
async function speak(name: string, text: string, ssml = false): Promise<Uint8Array> {
  const file = path.join(dir, `${name}.wav`);
  await run('espeak-ng', ['-v', 'en-us', '-s', '140', ...(ssml ? ['-m'] : []), '-w', file, text]);
  return readFile(file);
}

describe.skipIf(missing.length > 0)('read-aloud with pocketsphinx on espeak-ng speech', () => {
  it('finds the words read, the speech rate and the length', async () => {
    const ai = testGateway(pool, {});
    const status = await ai.status();
    expect(status.speechToText.find((e) => e.name === 'pocketsphinx')?.available).toBe(true);

    const audio = await speak('full', PASSAGE);
    const result = await ai.assessReadAloud(
      { audio, filename: 'full.wav', expectedText: PASSAGE },
      { app: 'read-aloud', userId: 'learner' },
    );
    expect(result).toMatchObject({ provider: 'pocketsphinx', credits: 0 });
    const value = result.value;
    expect(value.scorableWords).toBe(15);
    expect(value.accuracy).toBeGreaterThanOrEqual(0.8);
    expect(value.durationS).toBeGreaterThan(2);
    // espeak-ng at 140 words per minute; pocketsphinx measures from the first to the last word.
    expect(value.wordsPerMinute).toBeGreaterThan(90);
    expect(value.wordsPerMinute).toBeLessThan(220);
    const timed = value.words.filter((w) => w.status === 'correct');
    for (let i = 1; i < timed.length; i++) {
      expect(timed[i]?.start ?? 0).toBeGreaterThanOrEqual(timed[i - 1]?.end ?? 0);
    }
    expect((await usageRows(pool, 'read-aloud'))[0]).toMatchObject({
      task: 'assessReadAloud',
      provider: 'pocketsphinx',
    });
  });

  it('marks a skipped word as missed', async () => {
    const ai = testGateway(pool, {});
    const audio = await speak(
      'skipped',
      'Every morning I walk to the station and buy a before the train arrives.',
    );
    const { value } = await ai.assessReadAloud({ audio, expectedText: PASSAGE }, { app: 'read-aloud' });
    expect(value.words.find((w) => w.word === 'newspaper')?.status).toBe('missed');
    expect(value.correctWords).toBeGreaterThanOrEqual(11);
  });

  it('scores unrelated speech low (the closed grammar still forces a few near matches)', async () => {
    const ai = testGateway(pool, {});
    const audio = await speak('other', 'The quick brown fox jumps over the lazy dog.');
    const { value } = await ai.assessReadAloud({ audio, expectedText: PASSAGE }, { app: 'read-aloud' });
    expect(value.accuracy).toBeLessThan(0.5);
  });

  it('finds a long pause between sentences', async () => {
    const ai = testGateway(pool, {});
    const audio = await speak(
      'pause',
      '<speak>Every morning I walk to the station. <break time="1500ms"/> And buy a newspaper before the train arrives.</speak>',
      true,
    );
    const { value } = await ai.assessReadAloud(
      { audio, expectedText: PASSAGE, minPauseMs: 800 },
      { app: 'read-aloud' },
    );
    expect(value.pauses).toHaveLength(1);
    expect(value.pauses[0]).toMatchObject({ afterWord: 'station', beforeWord: 'and' });
    expect(value.pauses[0]?.durationS).toBeGreaterThan(1.2);
    expect(value.longestPauseS).toBe(value.pauses[0]?.durationS);
  });

  it('asks for the expected text instead of guessing', async () => {
    const ai = testGateway(pool, {});
    const audio = await speak('nothing', 'Hello');
    const error = await ai
      .assessReadAloud({ audio, expectedText: 'Zorblax Quuxly' }, { app: 'read-aloud' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
  });
});
