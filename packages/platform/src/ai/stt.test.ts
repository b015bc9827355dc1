import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { encodeWav } from './stt/audio.js';
import { scoreReadAloud, tokenizeReading } from './stt/read-aloud.js';
import { testGateway, testPool, usageRows } from './testing/harness.js';
import { errorReply, type ProtocolServer, startProtocolServer } from './testing/protocol-servers.js';

let database: TestDatabase;
let pool: pg.Pool;
let stt: ProtocolServer;

/** One second of silence as 16 kHz WAV: enough bytes for a multipart upload. */
const AUDIO = encodeWav(new Float32Array(16_000));
const NO_POCKETSPHINX = { POCKETSPHINX_BIN: 'pocketsphinx-that-is-not-installed' };

beforeAll(async () => {
  database = await createTestDatabase();
  pool = testPool(database.url);
  stt = await startProtocolServer(() => ({ body: { text: ' hello world ' } }));
});

afterAll(async () => {
  await stt.close();
  await pool.end();
  await database.drop();
});

describe('transcribe', () => {
  it('posts multipart audio to an OpenAI-compatible /audio/transcriptions and meters it', async () => {
    stt.handler = () => ({ body: { text: ' hello world ', duration: 75 } });
    const ai = testGateway(pool, {
      STT_OPENAI_BASE_URL: stt.baseUrl,
      STT_OPENAI_API_KEY: 'stt-key',
      STT_OPENAI_MODEL: 'whisper-large',
    });
    const before = stt.requests.length;
    const result = await ai.transcribe(
      { audio: AUDIO, mediaType: 'audio/wav', language: 'en' },
      { app: 'stt', userId: 'u' },
    );
    expect(result).toMatchObject({
      value: { text: 'hello world' },
      provider: 'stt-openai',
      model: 'whisper-large',
      credits: 2,
    });
    const request = stt.requests[before];
    expect(request?.path).toBe('/v1/audio/transcriptions');
    expect(request?.headers.authorization).toBe('Bearer stt-key');
    expect(request?.form?.get('model')).toBe('whisper-large');
    expect(request?.form?.get('language')).toBe('en');
    const file = request?.form?.get('file') as File;
    expect(file.size).toBe(AUDIO.byteLength);
    expect((await usageRows(pool, 'stt'))[0]).toMatchObject({ task: 'transcribe', status: 'ok', credits: 2 });
  });

  it('names the missing configuration when no engine is available', async () => {
    const ai = testGateway(pool, {});
    const error = await ai.transcribe({ audio: AUDIO }, { app: 'stt' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect((error as Error).message).toMatch(/STT_OPENAI_BASE_URL.*WHISPER_MODEL_PATH/);
  });

  it('reports a missing whisper.cpp model as unavailable instead of trying it', async () => {
    stt.handler = () => errorReply(500);
    const ai = testGateway(pool, {
      STT_OPENAI_BASE_URL: stt.baseUrl,
      WHISPER_MODEL_PATH: '/nonexistent/ggml-base.bin',
    });
    const status = await ai.status();
    expect(status.speechToText.find((e) => e.name === 'whisper')).toMatchObject({
      configured: true,
      available: false,
      reason: expect.stringContaining('no model file'),
    });
    const error = await ai.transcribe({ audio: AUDIO }, { app: 'stt-fail' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      details: { attempts: [{ provider: 'stt-openai', reason: 'unavailable' }] },
    });
  });
});

describe('read-aloud through an OpenAI-compatible endpoint with word timings', () => {
  it('asks for word timestamps and scores them when pocketsphinx is not installed', async () => {
    stt.handler = () => ({
      body: {
        text: 'the cat sat on mat',
        duration: 3,
        words: [
          { word: 'The', start: 0.1, end: 0.3 },
          { word: 'cat', start: 0.35, end: 0.6 },
          { word: 'sat', start: 0.65, end: 0.9 },
          { word: 'on', start: 1.8, end: 1.95 },
          { word: 'mat', start: 2.1, end: 2.6 },
        ],
      },
    });
    const ai = testGateway(pool, { STT_OPENAI_BASE_URL: stt.baseUrl, ...NO_POCKETSPHINX });
    const before = stt.requests.length;
    const result = await ai.assessReadAloud(
      { audio: AUDIO, expectedText: 'The cat sat on the mat.' },
      { app: 'read-aloud' },
    );
    expect(stt.requests[before]?.form?.get('response_format')).toBe('verbose_json');
    expect(stt.requests[before]?.form?.get('timestamp_granularities[]')).toBe('word');
    expect(result.provider).toBe('stt-openai');
    expect(result.value).toMatchObject({ correctWords: 5, scorableWords: 6, durationS: 3 });
    expect(result.value.words.map((w) => w.status)).toEqual([
      'correct',
      'correct',
      'correct',
      'correct',
      'missed',
      'correct',
    ]);
    expect(result.value.pauses).toEqual([{ afterWord: 'sat', beforeWord: 'on', start: 0.9, durationS: 0.9 }]);
  });

  it('names pocketsphinx and STT_OPENAI_BASE_URL when neither is there', async () => {
    const ai = testGateway(pool, NO_POCKETSPHINX);
    const error = await ai
      .assessReadAloud({ audio: AUDIO, expectedText: 'Hello' }, { app: 'read-aloud' })
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/pocketsphinx.*STT_OPENAI_BASE_URL/);
  });
});

describe('scoreReadAloud', () => {
  it('aligns repeated and inserted words without shifting the rest', () => {
    const expected = tokenizeReading("I don't like the rain, but the garden needs water.");
    const heard = ['i', "don't", 'like', 'the', 'rain', 'the', 'but', 'the', 'garden', 'water'].map(
      (word, i) => ({
        word,
        start: i * 0.5,
        end: i * 0.5 + 0.4,
      }),
    );
    const result = scoreReadAloud(expected, heard, { minPauseMs: 300 });
    expect(result.words.filter((w) => w.status === 'missed').map((w) => w.word)).toEqual(['needs']);
    expect(result.correctWords).toBe(9);
    expect(result.accuracy).toBeCloseTo(0.9);
    expect(result.speakingTimeS).toBeCloseTo(4.9);
    expect(result.wordsPerMinute).toBe(Math.round((9 / 4.9) * 60));
    expect(result.pauses).toEqual([{ afterWord: 'rain', beforeWord: 'but', start: 2.4, durationS: 0.6 }]);
  });

  it('leaves out words the recognizer cannot know', () => {
    const expected = tokenizeReading('Meet Zorblax today');
    const result = scoreReadAloud(expected, [{ word: 'meet', start: 0, end: 0.3 }], {
      minPauseMs: 300,
      unscorable: new Set([1]),
    });
    expect(result.words.map((w) => w.status)).toEqual(['correct', 'unscorable', 'missed']);
    expect(result.scorableWords).toBe(2);
  });
});
