import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { access } from '../auth/access.js';
import { createTestDatabase, type TestDatabase, testConfig } from '../testing/index.js';
import { buildApp } from './app.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

it('lets an in-flight request finish, refuses new connections, then closes the pool', async () => {
  const app = await buildApp(testConfig(database.url), { apps: [] });
  let entered!: () => void;
  const handlerEntered = new Promise<void>((resolve) => (entered = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  app.get('/test/slow', { config: { access: access.public } }, async () => {
    entered();
    await released;
    // The pool is still open while the request runs.
    const { rows } = await app.platform.pool.query<{ n: number }>('select 42 as n');
    return { n: rows[0]?.n };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;

  const inFlight = get(port, '/test/slow');
  await handlerEntered;
  const closing = app.close();
  // The listener is closed at once: a new connection is refused while the old request still runs.
  await expect(get(port, '/health')).rejects.toThrow(/ECONNREFUSED|ECONNRESET/);
  release();
  const done = await inFlight;
  expect(done.status).toBe(200);
  expect(JSON.parse(done.body)).toEqual({ n: 42 });
  await closing;
  expect(app.platform.pool.ended).toBe(true);
});
