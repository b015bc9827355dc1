import { errorBodySchema } from '@app/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { access } from '../auth/access.js';
import { createTestDatabase, type TestDatabase, testConfig } from '../testing/index.js';
import { type App, buildApp } from './app.js';
import { AppError } from './app-error.js';

let database: TestDatabase;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp(testConfig(database.url, { BODY_LIMIT_BYTES: '1024' }), { apps: [] });
  app.post(
    '/test/echo',
    {
      config: { access: access.public },
      schema: { body: z.object({ name: z.string().min(2), age: z.number().int().min(0) }) },
    },
    async (request) => request.body,
  );
  app.get('/test/boom', { config: { access: access.public } }, async () => {
    throw new Error('secret internal detail: password=hunter2');
  });
  app.get('/test/page', { config: { access: access.public } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send('<p>hi</p>'),
  );
  app.get('/test/conflict', { config: { access: access.public } }, async () => {
    throw new AppError('CONFLICT', 'That code is taken.', { field: 'code' });
  });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await database.drop();
});

describe('error shape', () => {
  it('answers 400 VALIDATION_FAILED with one issue per bad field', async () => {
    const res = await app.inject({ method: 'POST', url: '/test/echo', payload: { name: 'x', age: -1 } });
    expect(res.statusCode).toBe(400);
    const body = errorBodySchema.parse(res.json());
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const issues = (body.error.details as { issues: { path: string }[] }).issues.map((i) => i.path).sort();
    expect(issues).toEqual(['body.age', 'body.name']);
  });

  it("answers the router's own refusals in the same shape (they were Fastify's)", async () => {
    const badEncoding = await app.inject({ method: 'GET', url: '/api/v1/files/%ED%A0%80' });
    expect(badEncoding.statusCode).toBe(400);
    expect(errorBodySchema.parse(badEncoding.json()).error.code).toBe('BAD_REQUEST');
    const longParam = await app.inject({ method: 'GET', url: `/api/v1/files/${'x'.repeat(300)}` });
    expect(longParam.statusCode).toBe(414);
    expect(errorBodySchema.parse(longParam.json()).error.code).toBe('URI_TOO_LONG');
  });

  it('answers 400 INVALID_JSON for a body that is not JSON', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_JSON');
  });

  it('answers 413 PAYLOAD_TOO_LARGE above the body limit', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      payload: { name: 'x'.repeat(5000), age: 1 },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 415 for a content type nobody parses', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/x-unknown' },
      payload: 'abc',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 404 ROUTE_NOT_FOUND for unknown routes, in the same shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(errorBodySchema.parse(res.json()).error).toEqual({
      code: 'ROUTE_NOT_FOUND',
      message: 'No endpoint GET /api/v1/nothing-here.',
    });
  });

  it('passes an AppError through with its code, message and details', async () => {
    const res = await app.inject({ method: 'GET', url: '/test/conflict' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: { code: 'CONFLICT', message: 'That code is taken.', details: { field: 'code' } },
    });
  });

  it('turns an unexpected error into a generic 500 that leaks nothing but the request id', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/test/boom',
      headers: { 'x-request-id': 'req-500-check' },
    });
    expect(res.statusCode).toBe(500);
    const body = errorBodySchema.parse(res.json());
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.message).toContain('req-500-check');
    expect(res.body).not.toMatch(/secret|hunter2|stack|Error:/);
  });
});

describe('request ids', () => {
  it('echoes a well-formed x-request-id', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'client-abc.123' },
    });
    expect(res.headers['x-request-id']).toBe('client-abc.123');
  });

  it('replaces a malformed one (it would be written into logs) and makes one when absent', async () => {
    const bad = await app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'evil\nline' },
    });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const none = await app.inject({ method: 'GET', url: '/health' });
    expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(none.headers['x-request-id']).not.toBe(bad.headers['x-request-id']);
  });
});

describe('operations endpoints', () => {
  it('/health and /ready answer 200 on a migrated database', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('/metrics exposes HTTP latency, pool usage and event-loop lag in Prometheus format', async () => {
    await app.inject({ method: 'GET', url: '/health' });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/http_request_duration_seconds_bucket\{.*route="\/health".*status="200"/);
    expect(res.body).toContain('db_pool_connections{state="total"}');
    expect(res.body).toContain('nodejs_eventloop_lag_seconds');
  });

  it("gives pages a strict content security policy and helmet's other headers", async () => {
    const res = await app.inject({ method: 'GET', url: '/test/page' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('gives JSON responses, errors included, the stricter API headers', async () => {
    for (const url of ['/health', '/api/v1/missing']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('serves a generated OpenAPI 3.1 document and the docs UI', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.paths['/ready'].get.responses['503']).toBeDefined();
    expect(spec.paths['/test/echo'].post.requestBody).toBeDefined();
    expect(spec.components.schemas.Error).toBeDefined();
    expect(spec.paths['/metrics']).toBeUndefined();
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });
});
