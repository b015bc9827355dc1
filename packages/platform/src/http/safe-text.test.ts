import { errorBodySchema } from '@app/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { access } from '../auth/access.js';
import {
  bearer,
  createTestDatabase,
  makeAccount,
  signIn,
  type TestDatabase,
  testConfig,
} from '../testing/index.js';
import { type App, buildApp } from './app.js';

// NUL and unpaired surrogates in any field of any route: PostgreSQL refuses them (a 500) or mangles
// them (U+FFFD), so the kernel answers 400 VALIDATION_FAILED naming the field before any handler.
let database: TestDatabase;
let app: App;
let token: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp(testConfig(database.url), { apps: [] });
  // A route with a string path parameter, a free query string and a free body: what it echoes
  // is what reached the handler.
  app.post(
    '/test/echo/:name',
    {
      config: { access: access.public },
      schema: { params: z.object({ name: z.string() }), querystring: z.record(z.string(), z.string()) },
    },
    async (request) => ({ params: request.params, query: request.query, body: request.body }),
  );
  await app.ready();
  token = (await signIn(app, await makeAccount(app))).accessToken;
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

function issuesOf(res: { statusCode: number; json(): unknown }) {
  expect(res.statusCode).toBe(400);
  const body = errorBodySchema.parse(res.json());
  expect(body.error.code).toBe('VALIDATION_FAILED');
  return (body.error.details as { issues: { path: string; message: string }[] }).issues;
}

describe('text PostgreSQL cannot store', () => {
  it('is a 400 naming the field, for NUL in a real route (it was a 500)', async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: bearer(token),
      payload: { name: 'Kim\u0000' },
    });
    expect(issuesOf(res)).toEqual([{ path: 'body.name', message: expect.stringMatching(/NUL/) }]);
  });

  it('is a 400 for an unpaired surrogate (it was stored as U+FFFD)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'surrogate@example.test', password: 'a long enough passphrase', name: 'a\ud800b' },
    });
    expect(issuesOf(res)).toEqual([{ path: 'body.name', message: expect.stringMatching(/surrogate/) }]);
    const low = await app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: bearer(token),
      payload: { name: '\udc00' },
    });
    expect(issuesOf(low)[0]?.path).toBe('body.name');
  });

  it('names nested fields and object keys, and lets well-formed pairs through', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo/ok',
      payload: { options: [{ text: 'fine' }, { text: 'bad\u0000' }], meta: { 'k\u0000': 1 } },
    });
    expect(
      issuesOf(res)
        .map((issue) => issue.path)
        .sort(),
    ).toEqual(['body.meta.k\uFFFD', 'body.options.1.text']);
    const emoji = await app.inject({ method: 'POST', url: '/test/echo/ok', payload: { text: '😀 한국어' } });
    expect(emoji.statusCode).toBe(200);
    expect(emoji.json().body).toEqual({ text: '😀 한국어' });
  });

  it('checks the query string and path parameters too', async () => {
    const query = await app.inject({ method: 'POST', url: '/test/echo/ok?q=a%00b', payload: {} });
    expect(issuesOf(query)).toEqual([{ path: 'querystring.q', message: expect.stringMatching(/NUL/) }]);
    const param = await app.inject({ method: 'POST', url: '/test/echo/a%00b', payload: {} });
    expect(issuesOf(param)).toEqual([{ path: 'params.name', message: expect.stringMatching(/NUL/) }]);
  });

  it('refuses very deep nesting (it overflowed the stack: a 500)', async () => {
    const depth = 50_000;
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo/ok',
      headers: { 'content-type': 'application/json' },
      payload: `{"a":${'['.repeat(depth)}1${']'.repeat(depth)}}`,
    });
    expect(issuesOf(res)).toEqual([
      { path: expect.stringMatching(/^body\.a\.0\.0/), message: expect.stringMatching(/deep/) },
    ]);
    const fine = await app.inject({ method: 'POST', url: '/test/echo/ok', payload: { a: [[[[1]]]] } });
    expect(fine.statusCode).toBe(200);
  });

  it('still asks for authentication first', async () => {
    const res = await app.inject({ method: 'PATCH', url: '/api/v1/me', payload: { name: '\u0000' } });
    expect(res.statusCode).toBe(401);
  });
});
