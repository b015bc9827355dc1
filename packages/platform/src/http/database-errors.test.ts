import { randomUUID } from 'node:crypto';
import { createServer, type Server, Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// What the central error handler makes of database failures: a value PostgreSQL refuses is the
// caller's 400 (a schema bound is missing; logged as a warning), and an unreachable database is a
// 503 with Retry-After, never a 500. The app reaches PostgreSQL through a loopback TCP relay that
// the test cuts, like a network partition or a database restart.
let database: TestDatabase;
let app: App;
let relay: Relay;
let token: string;

/** A loopback TCP relay to PostgreSQL that can be cut (connections dropped, port closed) and restored. */
interface Relay {
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
}

async function startRelay(target: URL): Promise<Relay> {
  const sockets = new Set<Socket>();
  let server: Server;
  const listen = (port: number) =>
    new Promise<number>((resolve) => {
      server = createServer((client) => {
        const upstream = new Socket();
        upstream.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
    });
  const port = await listen(0);
  return {
    port,
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
    restore: async () => {
      await listen(port);
    },
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  relay = await startRelay(new URL(database.url));
  const url = new URL(database.url);
  url.hostname = '127.0.0.1';
  url.port = String(relay.port);
  app = await buildApp(testConfig(url.toString()), { apps: [] });
  // A handler that passes a query value to PostgreSQL without a schema bound (the bug the
  // last line of defence is for).
  app.get('/test/int', { config: { access: access.public } }, async (request) => {
    const { n } = request.query as { n: string };
    return (await app.platform.pool.query('select $1::int4 as n', [n])).rows[0];
  });
  // A write to a row that does not exist, and a lookup that must find one: checks the code forgot.
  app.get('/test/orphan', { config: { access: access.public } }, async () => {
    await app.platform.pool.query(
      'insert into platform.chat_members (room_id, user_id) values (gen_random_uuid(), gen_random_uuid())',
    );
    return {};
  });
  app.get('/test/lookup', { config: { access: access.public } }, async () =>
    app.platform.db
      .selectFrom('platform.users')
      .select('id')
      .where('id', '=', randomUUID())
      .executeTakeFirstOrThrow(),
  );
  app.get('/test/sleep', { config: { access: access.public } }, async () => {
    await app.platform.pool.query("select pg_sleep(30), 'database-errors-test'");
    return {};
  });
  await app.ready();
  token = (await signIn(app, await makeAccount(app))).accessToken;
});

afterAll(async () => {
  await app?.close();
  await relay?.cut();
  await database?.drop();
});

describe('a value PostgreSQL refuses', () => {
  it('is a 400 VALIDATION_FAILED, not a 500 (out of range, not a number)', async () => {
    for (const n of ['99999999999', 'abc']) {
      const res = await app.inject({ method: 'GET', url: `/test/int?n=${n}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await app.inject({ method: 'GET', url: '/test/int?n=7' })).json()).toEqual({ n: 7 });
  });
});

describe('a write or lookup the code did not check first', () => {
  it('is a 409 for a row that refers to nothing, and a 404 for a row that must exist (they were 500s)', async () => {
    const orphan = await app.inject({ method: 'GET', url: '/test/orphan' });
    expect([orphan.statusCode, orphan.json().error.code]).toEqual([409, 'CONFLICT']);
    const lookup = await app.inject({ method: 'GET', url: '/test/lookup' });
    expect([lookup.statusCode, lookup.json().error.code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('a database outage', () => {
  it('is a 503 with Retry-After when a running query loses its server (57P01)', async () => {
    const pending = app.inject({ method: 'GET', url: '/test/sleep' });
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      // Wait for the query to be running, then shut its backend down as an operator would.
      for (;;) {
        const { rowCount } = await admin.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and query like '%database-errors-test%' and pid <> pg_backend_pid()`,
        );
        if (rowCount) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      await admin.end();
    }
    const res = await pending;
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json().error.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('is a 503 with Retry-After while the database cannot be reached, and recovers after', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(
      200,
    );
    await relay.cut();
    try {
      for (const url of ['/api/v1/me', '/api/v1/notifications', '/api/v1/auth/sessions']) {
        const res = await app.inject({ method: 'GET', url, headers: bearer(token) });
        expect(res.statusCode, url).toBe(503);
        expect(res.headers['retry-after']).toBe('5');
        expect(res.json().error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { retryAfter: 5 } });
      }
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'nobody@example.test', password: 'whatever it is' },
      });
      expect(login.statusCode).toBe(503);
    } finally {
      await relay.restore();
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(
      200,
    );
  });
});
