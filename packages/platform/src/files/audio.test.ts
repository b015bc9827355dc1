import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  BufferTarget,
  EncodedAudioPacketSource,
  EncodedPacket,
  EncodedVideoPacketSource,
  Output,
  WebMOutputFormat,
} from 'mediabunny';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../ai/stt/audio.js';
import { type App, buildApp } from '../http/app.js';
import {
  bearer,
  createTestDatabase,
  makeAccount,
  signIn,
  type TestDatabase,
  testConfig,
  uploadFile,
} from '../testing/index.js';

// Recordings made by Chromium's own MediaRecorder (testdata/record-fixtures.mjs), and the length
// Chromium decodes from each: the WebM has no duration in its header (unknown-size segment and
// clusters), the MP4 is fragmented with a header duration of 7 ms.
const RECORDED = [
  { file: 'mediarecorder-opus.webm', decodedMs: 1440, contentType: 'audio/webm' },
  { file: 'mediarecorder-opus.mp4', decodedMs: 1420, contentType: 'audio/mp4' },
];
const testdata = (file: string) => readFile(new URL(`./testdata/${file}`, import.meta.url));

let database: TestDatabase;
let dataDir: string;
let app: App;

async function person() {
  const account = await makeAccount(app);
  return { ...account, token: (await signIn(app, account)).accessToken };
}

/** A WAV of `ms` milliseconds of a 440 Hz tone at 16 kHz. */
function tone(ms: number): Buffer {
  const samples = new Float32Array((16_000 * ms) / 1000);
  for (let i = 0; i < samples.length; i++) samples[i] = 0.3 * Math.sin((2 * Math.PI * 440 * i) / 16_000);
  return Buffer.from(encodeWav(samples));
}

/** A WebM with a (tiny, undecodable) VP8 video track beside an Opus one, written with mediabunny. */
async function videoWebm(): Promise<Buffer> {
  const target = new BufferTarget();
  const output = new Output({ format: new WebMOutputFormat(), target });
  const video = new EncodedVideoPacketSource('vp8');
  const audio = new EncodedAudioPacketSource('opus');
  output.addVideoTrack(video);
  output.addAudioTrack(audio);
  await output.start();
  await video.add(new EncodedPacket(new Uint8Array(16), 'key', 0, 0.04), {
    decoderConfig: { codec: 'vp8', codedWidth: 16, codedHeight: 16 },
  });
  // One Opus packet that is only its TOC byte: 20 ms, a frame with no data (silence).
  await audio.add(new EncodedPacket(new Uint8Array([0xf8]), 'key', 0, 0.02), {
    decoderConfig: { codec: 'opus', numberOfChannels: 1, sampleRate: 48_000 },
  });
  await output.finalize();
  if (!target.buffer) throw new Error('mediabunny wrote nothing');
  return Buffer.from(target.buffer);
}

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'campus-audio-'));
  app = await buildApp(testConfig(database.url, { DATA_DIR: dataDir, FILES_AUDIO_MAX_DURATION_S: '2' }), {
    apps: [],
  });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('audio uploads', () => {
  it('measures a WAV and tells its length to whoever may read it', async () => {
    const me = await person();
    const res = await uploadFile(app, me.token, 'audio', '녹음.wav', tone(1250));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ contentType: 'audio/wav', durationMs: 1250 });
    const info = await app.inject({
      method: 'GET',
      url: `/api/v1/files/${res.json().id}/info`,
      headers: bearer(me.token),
    });
    expect(info.json()).toMatchObject({ purpose: 'audio', name: '녹음.wav', durationMs: 1250 });
    const stranger = await person();
    const hidden = await app.inject({
      method: 'GET',
      url: `/api/v1/files/${res.json().id}/info`,
      headers: bearer(stranger.token),
    });
    expect(hidden.statusCode).toBe(404);
  });

  it.each(RECORDED)('measures a MediaRecorder recording from its packets ($file)', async (recording) => {
    const me = await person();
    const res = await uploadFile(app, me.token, 'audio', recording.file, await testdata(recording.file));
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file.contentType).toBe(recording.contentType);
    // Within one Opus packet of what Chromium decodes (the last WebM block states no length).
    expect(Math.abs(file.durationMs - recording.decodedMs)).toBeLessThanOrEqual(120);
  });

  it('refuses a recording longer than FILES_AUDIO_MAX_DURATION_S, and stores nothing', async () => {
    const me = await person();
    const res = await uploadFile(app, me.token, 'audio', 'long.wav', tone(3000));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'AUDIO_TOO_LONG',
      details: { durationMs: 3000, maxDurationMs: 2000 },
    });
    const usage = await app.inject({ method: 'GET', url: '/api/v1/files/usage', headers: bearer(me.token) });
    expect(usage.json().usedBytes).toBe(0);
    // The default limit is five minutes.
    expect(testConfig(database.url).files.audioMaxDurationMs).toBe(300_000);
  });

  it('refuses audio it cannot measure, and video passed off as audio', async () => {
    const me = await person();
    const cut = (await testdata('mediarecorder-opus.mp4')).subarray(0, 200);
    const unreadable = await uploadFile(app, me.token, 'audio', 'cut.mp4', cut);
    expect(unreadable.statusCode).toBe(415);
    expect(unreadable.json().error).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'The audio could not be read.',
    });
    const video = await uploadFile(app, me.token, 'audio', 'clip.webm', await videoWebm());
    expect(video.statusCode).toBe(415);
    expect(video.json().error.message).toBe('An audio upload must not contain video.');
  });

  it('leaves durationMs null for other purposes', async () => {
    const me = await person();
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } })
      .png()
      .toBuffer();
    const res = await uploadFile(app, me.token, 'image', 'dot.png', png);
    expect(res.json()).toMatchObject({ contentType: 'image/webp', durationMs: null });
  });
});
