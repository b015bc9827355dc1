import { errorBodySchema } from '@app/contracts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { App } from '../../http/app.js';
import {
  createTestDatabase,
  listenTestApp,
  makeAccount,
  openSocket,
  signIn,
  type TestDatabase,
  type TestSocket,
} from '../../testing/index.js';
import { clientEvent } from './channels.js';

// Bad frames get a named refusal that answers their id, and the connection stays open: text
// PostgreSQL cannot store, malformed channel ids, values the database refuses, and a database
// that goes away mid-frame. None of them is an INTERNAL error.
let database: TestDatabase;
let app: App;
let wsUrl: string;
let token: string;
let userId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, wsUrl } = await listenTestApp(database.url));
  // A channel whose events reach PostgreSQL with what the client sent.
  app.platform.realtime.channels.register('probe', {
    authorize: () => true,
    clientEvents: {
      // An unbounded number into an int4: the database is the only check (the bug being defended).
      store: clientEvent({
        schema: z.object({ n: z.number() }),
        handle: async ({ payload }) =>
          (await app.platform.pool.query('select $1::int4 as n', [payload.n])).rows[0],
      }),
      say: { schema: z.object({ text: z.string() }) },
      wait: clientEvent({
        schema: z.object({}),
        handle: async () =>
          (await app.platform.pool.query("select pg_sleep(30), 'frames-test-wait'")).rows[0],
      }),
    },
  });
  const account = await makeAccount(app);
  userId = account.id;
  token = (await signIn(app, account)).accessToken;
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

async function subscribed(): Promise<TestSocket> {
  const socket = await openSocket(wsUrl, token);
  expect(await socket.request({ t: 'sub', ch: 'probe:one' })).toMatchObject({ t: 'ack' });
  return socket;
}

async function stillOpen(socket: TestSocket): Promise<void> {
  socket.send({ t: 'ping', id: 424_242 });
  expect(await socket.next((f) => f.t === 'pong' && f.id === 424_242)).toBeTruthy();
}

describe('frames with text PostgreSQL cannot store', () => {
  it('are refused naming the field, answering their id (NUL and unpaired surrogates)', async () => {
    const socket = await subscribed();
    for (const text of ['a\u0000b', 'a\ud800b']) {
      const reply = await socket.request({
        t: 'pub',
        ch: 'probe:one',
        d: { event: 'say', payload: { text } },
      });
      expect(reply).toMatchObject({
        t: 'err',
        d: { code: 'INVALID_PAYLOAD', message: expect.stringMatching(/^d\.payload\.text: /) },
      });
    }
    const event = await socket.request({ t: 'pub', ch: 'probe:one', d: { event: 's\u0000y', payload: {} } });
    expect(event).toMatchObject({
      t: 'err',
      d: { code: 'INVALID_FRAME', message: expect.stringMatching(/^d\.event: /) },
    });
    await stillOpen(socket);
    socket.ws.close();
  });
});

describe('invalid frames', () => {
  it('answer the id they carry, so the client is not left waiting', async () => {
    const socket = await openSocket(wsUrl, token);
    expect(await socket.request({ t: 'sub', ch: 'NOT A CHANNEL' })).toMatchObject({
      t: 'err',
      d: { code: 'INVALID_FRAME' },
    });
    socket.ws.close();
  });

  it('with a malformed id of a platform channel are refused before any lookup (they were INTERNAL)', async () => {
    const socket = await openSocket(wsUrl, token);
    for (const ch of ['chat:x', 'call:1e30', 'chat:99999999999']) {
      expect(await socket.request({ t: 'sub', ch })).toMatchObject({
        t: 'err',
        d: { code: 'INVALID_FRAME' },
      });
    }
    expect(await socket.request({ t: 'sub', ch: `user:${userId}` })).toMatchObject({ t: 'ack' });
    socket.ws.close();
  });
});

describe('database failures in a handler', () => {
  it('a value the database refuses is INVALID_PAYLOAD, not INTERNAL', async () => {
    const socket = await subscribed();
    const store = (n: number) =>
      socket.request({ t: 'pub', ch: 'probe:one', d: { event: 'store', payload: { n } } });
    expect(await store(7)).toMatchObject({ t: 'ack', d: { n: 7 } });
    expect(await store(2 ** 40)).toMatchObject({ t: 'err', d: { code: 'INVALID_PAYLOAD' } });
    await stillOpen(socket);
    socket.ws.close();
  });

  it('a database going away mid-frame is UNAVAILABLE, not INTERNAL', async () => {
    const socket = await subscribed();
    const reply = socket.request({ t: 'pub', ch: 'probe:one', d: { event: 'wait', payload: {} } });
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      for (;;) {
        const { rowCount } = await admin.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
            where query like '%frames-test-wait%' and pid <> pg_backend_pid()`,
        );
        if (rowCount) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      await admin.end();
    }
    expect(await reply).toMatchObject({ t: 'err', d: { code: 'UNAVAILABLE' } });
    await stillOpen(socket);
    socket.ws.close();
  });
});

describe('GET /ws without an upgrade', () => {
  it('answers 426 in the error shape (it was an empty 404)', async () => {
    const res = await app.inject({ method: 'GET', url: '/ws' });
    expect(res.statusCode).toBe(426);
    expect(errorBodySchema.parse(res.json()).error.code).toBe('BAD_REQUEST');
  });
});
