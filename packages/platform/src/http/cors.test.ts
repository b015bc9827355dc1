import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testConfig } from '../testing/index.js';
import { type App, buildApp } from './app.js';

let database: TestDatabase;
let open: App;
let closed: App;

beforeAll(async () => {
  database = await createTestDatabase();
  open = await buildApp(testConfig(database.url, { CORS_ORIGINS: 'https://admin.example.com' }), {
    apps: [],
  });
  closed = await buildApp(testConfig(database.url), { apps: [] });
});

afterAll(async () => {
  await open.close();
  await closed.close();
  await database.drop();
});

const preflight = (origin: string) => ({
  method: 'OPTIONS' as const,
  url: '/health',
  headers: { origin, 'access-control-request-method': 'GET' },
});

it('allows a configured origin, with credentials and the request id exposed', async () => {
  const res = await open.inject(preflight('https://admin.example.com'));
  expect(res.statusCode).toBe(204);
  expect(res.headers['access-control-allow-origin']).toBe('https://admin.example.com');
  expect(res.headers['access-control-allow-credentials']).toBe('true');
  const get = await open.inject({
    method: 'GET',
    url: '/health',
    headers: { origin: 'https://admin.example.com' },
  });
  expect(get.headers['access-control-expose-headers']).toBe('x-request-id');
});

it('gives other origins, and every origin when none is configured, no CORS grant', async () => {
  const other = await open.inject(preflight('https://evil.example.com'));
  expect(other.headers['access-control-allow-origin']).toBeUndefined();
  const none = await closed.inject({
    method: 'GET',
    url: '/health',
    headers: { origin: 'https://admin.example.com' },
  });
  expect(none.headers['access-control-allow-origin']).toBeUndefined();
});
