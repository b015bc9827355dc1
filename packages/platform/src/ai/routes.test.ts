import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/app.js';
import { createTestDatabase, type TestDatabase, testConfig } from '../testing/index.js';
import { aiStatusSchema } from './status.js';

let database: TestDatabase;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase();
  // The app builds its gateway from the same environment variables a deployment sets.
  const env = {
    AI_ANTHROPIC_API_KEY: 'sk-ant-secret',
    AI_ROUTING: JSON.stringify({ tasks: { analyzeSentiment: ['local', 'anthropic'] } }),
    WHISPER_MODEL_PATH: '/nonexistent/ggml-base.bin',
    POCKETSPHINX_BIN: 'pocketsphinx-that-is-not-installed',
  };
  app = await buildApp(testConfig(database.url, env), { apps: [] });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await database.drop();
});

describe('GET /api/v1/ai/status', () => {
  it('lists engines as configured and available, or says why not, without secrets', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/ai/status' });
    expect(res.statusCode).toBe(200);
    const status = aiStatusSchema.parse(res.json());
    const byName = Object.fromEntries([...status.providers, ...status.speechToText].map((e) => [e.name, e]));
    expect(byName.openai).toMatchObject({
      configured: false,
      available: false,
      reason: expect.stringMatching(/AI_OPENAI/),
    });
    expect(byName.anthropic).toMatchObject({
      configured: true,
      available: true,
      breaker: 'closed',
      model: 'claude-haiku-4-5',
    });
    expect(byName.local).toMatchObject({ available: true });
    expect(byName['stt-openai']).toMatchObject({ available: false });
    expect(byName.whisper).toMatchObject({ configured: true, available: false });
    expect(byName.pocketsphinx).toMatchObject({
      available: false,
      reason: expect.stringMatching(/not found/),
    });
    expect(status.tasks.find((t) => t.task === 'analyzeSentiment')?.route).toEqual([
      'local',
      'anthropic:claude-haiku-4-5',
    ]);
    expect(status.tasks.find((t) => t.task === 'translate')?.route).toEqual(['anthropic:claude-haiku-4-5']);
    expect(res.body).not.toContain('sk-ant-secret');
  });

  it('is documented in the OpenAPI document', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.paths['/api/v1/ai/status'].get.responses['200']).toBeDefined();
  });
});
