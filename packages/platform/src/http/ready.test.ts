import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { migrate } from '../db/migrate.js';
import { loggerOptions } from '../observability/logger.js';
import { platformMigrations } from '../platform-context.js';
import { testConfig } from '../testing/index.js';
import { type App, buildApp } from './app.js';

// This test stops and restarts a database server, so it uses a private embedded one on a fixed
// port (the pool keeps pointing at the same address) whatever DATABASE_URL says.
let dir: string;
let server: EmbeddedPostgres;
let app: App;
/** The app's log lines (JSON), to see that the detail went there and not to the caller. */
const logLines: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ready-test-'));
  await chmod(dir, 0o755);
  server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), database: 'ready' });
  const pool = new pg.Pool({ connectionString: server.url });
  await migrate(pool, [platformMigrations]);
  await pool.end();
  const config = testConfig(server.url, { LOG_LEVEL: 'warn' });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  app = await buildApp(config, { apps: [], logger: pino(loggerOptions(config), sink) });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

it('turns /ready 503 naming the database while it is down, and 200 again when it returns', async () => {
  expect((await app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);

  await server.stop();
  const down = await app.inject({ method: 'GET', url: '/ready' });
  expect(down.statusCode).toBe(503);
  // A fixed phrase for anyone who asks; the driver's message (address, port, errno) only in the log.
  expect(down.json().error).toEqual({
    code: 'NOT_READY',
    message: 'Not ready: database.',
    details: { part: 'database', reason: 'unreachable' },
  });
  expect(down.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|connect|terminat/i);
  const logged = logLines.map((line) => JSON.parse(line)).find((line) => line.msg === 'not ready');
  expect(logged).toMatchObject({
    part: 'database',
    reason: 'unreachable',
    err: { message: expect.any(String) },
  });
  expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);

  server = await startEmbeddedPostgres({ dataDir: server.dataDir, port: server.port, database: 'ready' });
  const up = await app.inject({ method: 'GET', url: '/ready' });
  expect(up.statusCode).toBe(200);
});

it('turns /ready 503 naming the migrations when one is missing', async () => {
  const pool = new pg.Pool({ connectionString: server.url });
  await pool.query("delete from platform.schema_migrations where module = 'platform'");
  await pool.end();
  const res = await app.inject({ method: 'GET', url: '/ready' });
  expect(res.statusCode).toBe(503);
  const details = res.json().error.details;
  expect(details.part).toBe('migrations');
  expect(details.pending).toContain('platform/0001_platform_schema.sql');
});
