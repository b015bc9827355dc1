import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testConfig } from '../testing/index.js';
import { type App, buildApp } from './app.js';

let database: TestDatabase;
let app: App;
const token = 'metrics-token-for-tests-0123456789';

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp(testConfig(database.url, { METRICS_TOKEN: token }), { apps: [] });
});

afterAll(async () => {
  await app.close();
  await database.drop();
});

it('serves /metrics only with the configured bearer token', async () => {
  expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
  const wrong = await app.inject({
    method: 'GET',
    url: '/metrics',
    headers: { authorization: `Bearer ${token}x` },
  });
  expect(wrong.statusCode).toBe(401);
  const right = await app.inject({
    method: 'GET',
    url: '/metrics',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(right.statusCode).toBe(200);
  expect(right.body).toContain('http_request_duration_seconds');
});

it('has no /metrics at all when METRICS_ENABLED=false', async () => {
  const off = await buildApp(testConfig(database.url, { METRICS_ENABLED: 'false' }), { apps: [] });
  try {
    expect((await off.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    expect((await off.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
  } finally {
    await off.close();
  }
});
