import { closeCodes } from '@app/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { access } from '../auth/access.js';
import type { App } from '../http/app.js';
import {
  bearer,
  createTestDatabase,
  listenTestApp,
  makeAccount,
  openSocket,
  signIn,
  type TestDatabase,
  type TestSocket,
} from '../testing/index.js';

let database: TestDatabase;
let app: App;
let url: string;
const people: { id: string; token: string }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  // Small budgets so a test can spend them; the defaults are in limits.ts.
  const budgets = {
    'chat.send': { points: 3, duration: 600 },
    'api.request': { points: 40, duration: 600 },
  };
  ({ app, wsUrl: url } = await listenTestApp(
    database.url,
    { RATE_LIMITS: JSON.stringify(budgets), WS_MAX_SOCKETS_PER_USER: '2' },
    {
      setup: (built) => {
        // An app's own write action, declared on its route.
        built.platform.limits.define('test.ping', { points: 2, duration: 600 });
        built.post(
          '/api/v1/test/ping',
          { config: { access: access.user(), rateLimit: 'test.ping' } },
          async () => ({ ok: true }),
        );
      },
    },
  ));
  for (let i = 0; i < 5; i++) {
    const account = await makeAccount(app);
    people.push({ id: account.id, token: (await signIn(app, account)).accessToken });
  }
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const person = (i: number) => people[i] ?? { id: '', token: '' };
const pong = (socket: TestSocket) => {
  socket.send({ t: 'ping', id: 7 });
  return socket.next((f) => f.t === 'pong' && f.id === 7);
};
const post = (who: number, path: string, payload: object = {}) =>
  app.inject({ method: 'POST', url: path, headers: bearer(person(who).token), payload });

describe('per-user limits', () => {
  it('spends one chat.send budget across REST and the chat channel', async () => {
    const room = await app.platform.chat.groupRoom('languagemate', person(0).id, 'study', [person(1).id]);
    const messages = `/api/v1/chat/rooms/${room}/messages`;
    expect((await post(0, messages, { body: 'one' })).statusCode).toBe(201);
    expect((await post(0, messages, { body: 'two' })).statusCode).toBe(201);
    const socket = await openSocket(url, person(0).token);
    expect(await socket.request({ t: 'sub', ch: `chat:${room}` })).toMatchObject({ t: 'ack' });
    const send = (body: string) =>
      socket.request({ t: 'pub', ch: `chat:${room}`, d: { event: 'send', payload: { body } } });
    expect(await send('three')).toMatchObject({ t: 'ack', d: { seq: 3 } });
    // The budget is spent: the socket is told when to try again, and stays open.
    expect(await send('four')).toMatchObject({
      t: 'ack',
      d: {
        error: { code: 'RATE_LIMITED', details: { action: 'chat.send', retryAfter: expect.any(Number) } },
      },
    });
    const refused = await post(0, messages, { body: 'five' });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().error).toMatchObject({ code: 'RATE_LIMITED', details: { action: 'chat.send' } });
    expect(await pong(socket)).toMatchObject({ t: 'pong' });
    // Another member has a budget of their own.
    expect((await post(1, messages, { body: 'hello' })).statusCode).toBe(201);
    const stored = await app.platform.db
      .selectFrom('platform.chat_messages')
      .select('body')
      .where('room_id', '=', room)
      .orderBy('seq')
      .execute();
    expect(stored.map((m) => m.body)).toEqual(['one', 'two', 'three', 'hello']);
    socket.ws.close();
  });

  it('limits every authenticated REST request per user', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(person(2).token) });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    expect(statuses[40]).toBe(429);
    // Someone else is not affected.
    const other = await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(person(3).token) });
    expect(other.statusCode).toBe(200);
  });

  it("spends a route's declared budget", async () => {
    expect((await post(3, '/api/v1/test/ping')).statusCode).toBe(200);
    expect((await post(3, '/api/v1/test/ping')).statusCode).toBe(200);
    const third = await post(3, '/api/v1/test/ping');
    expect(third.statusCode).toBe(429);
    expect(third.json().error.details).toMatchObject({ action: 'test.ping' });
  });

  it('closes a socket beyond the per-user cap with TOO_MANY_SOCKETS', async () => {
    const first = await openSocket(url, person(4).token);
    const second = await openSocket(url, person(4).token);
    const third = await openSocket(url);
    third.send({ t: 'auth', d: { token: person(4).token } });
    const outcome = await Promise.race([
      third.closed,
      third.next((f) => f.t === 'ready').then(() => 'ready'),
    ]);
    expect(outcome).toBe(closeCodes.TOO_MANY_SOCKETS);
    // The two admitted sockets still work.
    expect(await pong(second)).toMatchObject({ t: 'pong' });
    // Another user is counted separately.
    const other = await openSocket(url, person(3).token);
    expect(await pong(other)).toMatchObject({ t: 'pong' });
    for (const socket of [first, second, other]) socket.ws.close();
  });
});
