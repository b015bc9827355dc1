import { closeCodes, type ServerFrame } from '@app/contracts';
import fc from 'fast-check';
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

// Two instances on one database: what one publishes, the other's clients receive (through the
// PostgreSQL bus, or Redis when REDIS_URL is set, the engine chosen at boot).
let database: TestDatabase;
let a: App;
let b: App;
let urlA: string;
let urlB: string;
const users: { id: string; token: string }[] = [];

async function start(instance: string): Promise<[App, string]> {
  const env: Record<string, string> = { INSTANCE_ID: instance };
  if (process.env.REDIS_URL) env.REDIS_URL = process.env.REDIS_URL;
  const { app, wsUrl } = await listenTestApp(database.url, env);
  // A room whose members are listed in its id (room:alice.bob); members may "say" things.
  app.platform.realtime.channels.register('room', {
    authorize: (auth, id) => id.split('.').includes(auth.userId),
    clientEvents: { say: { schema: z.object({ text: z.string().min(1).max(500) }) } },
  });
  return [app, wsUrl];
}

beforeAll(async () => {
  database = await createTestDatabase();
  [a, urlA] = await start('rt-a');
  [b, urlB] = await start('rt-b');
  for (let i = 0; i < 2; i++) {
    const account = await makeAccount(a);
    users.push({ id: account.id, token: (await signIn(a, account)).accessToken });
  }
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await database?.drop();
});

const user = (i: number) => users[i] ?? { id: '', token: '' };
const acked = (socket: TestSocket, id: number) =>
  socket.next((f) => (f.t === 'ack' || f.t === 'err') && f.id === id);

describe('authentication', () => {
  it('closes with 4401 a socket whose first frame is not auth, or whose token is bad', async () => {
    const early = await openSocket(urlA);
    early.send({ t: 'sub', id: 1, ch: `user:${user(0).id}` });
    expect(await early.closed).toBe(closeCodes.UNAUTHENTICATED);
    const forged = await openSocket(urlA);
    forged.send({ t: 'auth', d: { token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' } });
    expect(await forged.closed).toBe(closeCodes.UNAUTHENTICATED);
  });
});

describe('frames', () => {
  it('answers bad frames with an error frame and keeps the connection', async () => {
    const socket = await openSocket(urlA, user(0).token);
    socket.send('{not json');
    expect(await socket.next((f) => f.t === 'err')).toMatchObject({ d: { code: 'INVALID_FRAME' } });
    socket.send({ t: 'teleport', id: 3 });
    expect(await socket.next((f) => f.t === 'err')).toMatchObject({ d: { code: 'INVALID_FRAME' } });
    socket.send({ t: 'sub', id: 4, ch: 'nosuchtype:1' });
    expect(await acked(socket, 4)).toMatchObject({ t: 'err', d: { code: 'UNKNOWN_CHANNEL_TYPE' } });
    socket.send({ t: 'sub', id: 5, ch: `user:${user(1).id}` });
    expect(await acked(socket, 5)).toMatchObject({ t: 'err', d: { code: 'FORBIDDEN' } });
    socket.send({ t: 'ping', id: 6 });
    expect(await socket.next((f) => f.t === 'pong')).toEqual({ t: 'pong', id: 6 });
    socket.ws.close();
  });

  it('survives arbitrary frames (fuzzed) and stays usable', async () => {
    const socket = await openSocket(urlB, user(0).token);
    const arbitrary = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.json({ maxDepth: 3 }),
      fc
        .record({
          t: fc.constantFrom('sub', 'unsub', 'pub', 'ping', 'auth'),
          id: fc.integer(),
          ch: fc.string(),
          d: fc.anything(),
        })
        .map((f) => JSON.stringify(f)),
    );
    const samples = fc.sample(arbitrary, { numRuns: 25, seed: 42 });
    for (const sample of samples) socket.send(sample);
    socket.send({ t: 'ping', id: 99 });
    expect(await socket.next((f) => f.t === 'pong' && f.id === 99)).toBeTruthy();
    expect((await b.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    socket.ws.close();
  });

  it('closes a flooding socket with 4429 and an oversize frame with 1009', async () => {
    const flood = await openSocket(urlA, user(0).token);
    for (let i = 0; i < 100; i++) flood.send({ t: 'ping' });
    expect(await flood.closed).toBe(closeCodes.RATE_LIMITED);
    const big = await openSocket(urlA, user(0).token);
    big.send({ t: 'ping', pad: 'x'.repeat(70_000) });
    expect(await big.closed).toBe(closeCodes.MESSAGE_TOO_BIG);
  });
});

describe('channels across instances', () => {
  it("delivers a member's event to members on the other instance, in sequence", async () => {
    const room = `room:${user(0).id}.${user(1).id}`;
    const alice = await openSocket(urlA, user(0).token);
    const bob = await openSocket(urlB, user(1).token);
    alice.send({ t: 'sub', id: 1, ch: room });
    bob.send({ t: 'sub', id: 1, ch: room });
    expect(await acked(alice, 1)).toMatchObject({ t: 'ack' });
    expect(await acked(bob, 1)).toMatchObject({ t: 'ack' });
    for (const [i, text] of ['안녕', 'hello'].entries()) {
      alice.send({ t: 'pub', id: 10 + i, ch: room, d: { event: 'say', payload: { text } } });
      expect(await acked(alice, 10 + i)).toMatchObject({ t: 'ack' });
    }
    const said = (f: ServerFrame) => f.t === 'ev' && f.d.event === 'say';
    const first = await bob.next(said);
    const second = await bob.next(said);
    expect(first).toMatchObject({
      t: 'ev',
      ch: room,
      d: { event: 'say', payload: { from: user(0).id, data: { text: '안녕' } } },
    });
    expect(second).toMatchObject({ d: { payload: { data: { text: 'hello' } } } });
    // Sequence numbers count every event of the channel on this socket (presence too), in order.
    if (first.t !== 'ev' || second.t !== 'ev') throw new Error('expected events');
    expect(second.seq).toBeGreaterThan(first.seq);
    alice.send({ t: 'pub', id: 20, ch: room, d: { event: 'say', payload: { text: '' } } });
    expect(await acked(alice, 20)).toMatchObject({ t: 'err', d: { code: 'INVALID_PAYLOAD' } });
    alice.send({ t: 'pub', id: 21, ch: room, d: { event: 'shout', payload: {} } });
    expect(await acked(alice, 21)).toMatchObject({ t: 'err', d: { code: 'UNKNOWN_EVENT' } });
    alice.ws.close();
    bob.ws.close();
  });

  it('evicts a user from a channel on every instance', async () => {
    const room = `room:${user(0).id}.${user(1).id}`;
    const alice = await openSocket(urlA, user(0).token);
    const bobOnB = await openSocket(urlB, user(1).token);
    const bobOnA = await openSocket(urlA, user(1).token);
    for (const socket of [alice, bobOnB, bobOnA]) {
      socket.send({ t: 'sub', id: 1, ch: room });
      expect(await acked(socket, 1)).toMatchObject({ t: 'ack' });
    }
    await a.platform.realtime.evict(room, user(1).id);
    for (const socket of [bobOnB, bobOnA]) {
      expect(await socket.next((f) => f.t === 'ev' && f.d.event === 'channel.removed')).toMatchObject({
        ch: room,
      });
      socket.send({ t: 'pub', id: 2, ch: room, d: { event: 'say', payload: { text: 'still here?' } } });
      expect(await acked(socket, 2)).toMatchObject({ t: 'err', d: { code: 'NOT_SUBSCRIBED' } });
    }
    alice.send({ t: 'pub', id: 2, ch: room, d: { event: 'say', payload: { text: 'only me' } } });
    expect(await acked(alice, 2)).toMatchObject({ t: 'ack' });
    for (const socket of [alice, bobOnB, bobOnA]) socket.ws.close();
  });

  it('lets server code on one instance reach a user connected to the other', async () => {
    const socket = await openSocket(urlA, user(1).token);
    socket.send({ t: 'sub', id: 1, ch: `user:${user(1).id}` });
    await acked(socket, 1);
    await b.platform.realtime.publish(`user:${user(1).id}`, 'notification', { title: '새 메시지' });
    expect(await socket.next((f) => f.t === 'ev' && f.d.event === 'notification')).toMatchObject({
      ch: `user:${user(1).id}`,
      d: { event: 'notification', payload: { title: '새 메시지' } },
    });
    socket.ws.close();
  });
});

describe('deadlines (one sweep for every socket)', () => {
  it('closes with 4401 a socket that has not authenticated within 10 s', async () => {
    const [d, urlD] = await start('rt-d');
    try {
      const silent = await openSocket(urlD);
      d.platform.realtime.sweep(Date.now() + 5_000);
      silent.send({ t: 'auth', d: { token: user(0).token } });
      expect(await silent.next((f) => f.t === 'ready')).toBeTruthy();
      const late = await openSocket(urlD);
      d.platform.realtime.sweep(Date.now() + d.platform.realtime.authTimeoutMs + 1);
      expect(await late.closed).toBe(closeCodes.UNAUTHENTICATED);
      silent.ws.close();
    } finally {
      await d.close();
    }
  });

  it('asks for a fresh token when it expires, keeps a socket that sends one, closes one that does not', async () => {
    const [d, urlD] = await start('rt-e');
    try {
      const expiresAt =
        1000 *
        (JSON.parse(Buffer.from(user(0).token.split('.')[1] ?? '', 'base64url').toString()).exp as number);
      const renewing = await openSocket(urlD, user(0).token);
      const lapsing = await openSocket(urlD, user(0).token);
      d.platform.realtime.sweep(expiresAt + 1);
      for (const socket of [renewing, lapsing]) {
        expect(await socket.next((f) => f.t === 'err')).toMatchObject({ d: { code: 'TOKEN_EXPIRED' } });
      }
      // A token still valid by the real clock stands in for a fresh one.
      renewing.send({ t: 'auth', id: 7, d: { token: user(0).token } });
      expect(await acked(renewing, 7)).toMatchObject({ t: 'ack' });
      d.platform.realtime.sweep(expiresAt + 31_000);
      expect(await lapsing.closed).toBe(closeCodes.TOKEN_EXPIRED);
      renewing.send({ t: 'ping', id: 8 });
      expect(await renewing.next((f) => f.t === 'pong' && f.id === 8)).toBeTruthy();
      renewing.ws.close();
    } finally {
      await d.close();
    }
  });
});

describe('shutdown', () => {
  it('closes open sockets with 1001 so clients reconnect elsewhere, without hanging', async () => {
    const [c, urlC] = await start('rt-c');
    const socket = await openSocket(urlC, user(0).token);
    await c.close();
    expect(await socket.closed).toBe(closeCodes.GOING_AWAY);
  });
});
