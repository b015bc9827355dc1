import type { ServerFrame } from '@app/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  ({ app, wsUrl: url } = await listenTestApp(database.url, { CALL_RING_TIMEOUT_MS: '300' }));
  for (let i = 0; i < 3; i++) {
    const account = await makeAccount(app);
    people.push({ id: account.id, token: (await signIn(app, account)).accessToken });
  }
  // Calls ring only between people who share a context: here, a chat room of each app.
  for (const name of ['languagemate', 'eduforum', 'studymate'] as const)
    await app.platform.chat.groupRoom(name, person(0).id, 'group', [person(1).id, person(2).id]);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const person = (i: number) => people[i] ?? { id: '', token: '' };
const call = (who: number, path: string, payload?: object) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/realtime${path}`,
    headers: bearer(person(who).token),
    ...(payload ? { payload } : {}),
  });
const event = (name: string) => (f: ServerFrame) => f.t === 'ev' && f.d.event === name;
/** A relayed signal from the other participant (a sender also hears its own relay). */
const signalFrom = (userId: string) => (f: ServerFrame) =>
  f.t === 'ev' && f.d.event === 'signal' && (f.d.payload as { from: string }).from === userId;

async function listen(who: number): Promise<TestSocket> {
  const socket = await openSocket(url, person(who).token);
  socket.send({ t: 'sub', id: 1, ch: `user:${person(who).id}` });
  await socket.next((f) => f.t === 'ack' && f.id === 1);
  return socket;
}

describe('1:1 call signaling', () => {
  it('rings, connects, relays offer/answer/ICE between the two only, and hangs up', async () => {
    const caller = await listen(0);
    const callee = await listen(1);
    const started = await call(0, '/calls', { app: 'languagemate', calleeId: person(1).id });
    expect(started.statusCode).toBe(201);
    const id = started.json().id;
    expect(await callee.next(event('call.incoming'))).toMatchObject({
      d: { payload: { id, state: 'ringing' } },
    });
    expect((await call(1, `/calls/${id}/accept`)).json().state).toBe('active');
    expect(await caller.next(event('call.accepted'))).toBeTruthy();

    for (const socket of [caller, callee]) {
      socket.send({ t: 'sub', id: 2, ch: `call:${id}` });
      expect(await socket.next((f) => (f.t === 'ack' || f.t === 'err') && f.id === 2)).toMatchObject({
        t: 'ack',
      });
    }
    const stranger = await openSocket(url, person(2).token);
    stranger.send({ t: 'sub', id: 2, ch: `call:${id}` });
    expect(await stranger.next((f) => f.t === 'err')).toMatchObject({ d: { code: 'FORBIDDEN' } });
    stranger.ws.close();

    caller.send({
      t: 'pub',
      id: 3,
      ch: `call:${id}`,
      d: { event: 'signal', payload: { kind: 'offer', data: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1' } },
    });
    expect(await callee.next(signalFrom(person(0).id))).toMatchObject({
      d: { payload: { from: person(0).id, data: { kind: 'offer' } } },
    });
    callee.send({
      t: 'pub',
      id: 3,
      ch: `call:${id}`,
      d: {
        event: 'signal',
        payload: { kind: 'ice', data: { candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host' } },
      },
    });
    expect(await caller.next(signalFrom(person(1).id))).toMatchObject({
      d: { payload: { data: { kind: 'ice' } } },
    });

    expect((await call(1, `/calls/${id}/hangup`)).json()).toMatchObject({
      state: 'ended',
      endReason: 'hangup',
    });
    expect(await caller.next(event('call.ended'))).toBeTruthy();
    caller.ws.close();
    callee.ws.close();
  });

  it('refuses a callee with no account like any stranger (it was a 500; no existence oracle)', async () => {
    const res = await call(0, '/calls', {
      app: 'languagemate',
      calleeId: '0190a0b0-0000-7000-8000-000000000009',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('lets only the callee decline and only the caller cancel', async () => {
    const id = (await call(0, '/calls', { app: 'languagemate', calleeId: person(1).id })).json().id;
    expect((await call(0, `/calls/${id}/decline`)).statusCode).toBe(403);
    expect((await call(1, `/calls/${id}/decline`)).json().endReason).toBe('declined');
    expect((await call(1, `/calls/${id}/accept`)).statusCode).toBe(409);
    const next = (await call(0, '/calls', { app: 'languagemate', calleeId: person(1).id })).json().id;
    expect((await call(0, `/calls/${next}/cancel`)).json().endReason).toBe('cancelled');
  });

  it('joins two crossing calls into one (glare) and refuses a third while busy', async () => {
    const first = (await call(0, '/calls', { app: 'eduforum', calleeId: person(1).id })).json();
    const second = (await call(1, '/calls', { app: 'eduforum', calleeId: person(0).id })).json();
    expect(second).toMatchObject({ id: first.id, state: 'active' });
    expect((await call(0, '/calls', { app: 'eduforum', calleeId: person(2).id })).statusCode).toBe(409);
    await call(0, `/calls/${first.id}/hangup`);
  });

  it('records a call nobody answered as missed', async () => {
    const callee = await listen(2);
    const id = (await call(0, '/calls', { app: 'studymate', calleeId: person(2).id })).json().id;
    expect(await callee.next(event('call.ended'), 5_000)).toMatchObject({
      d: { payload: { id, endReason: 'missed' } },
    });
    const history = await app.inject({
      method: 'GET',
      url: '/api/v1/realtime/calls?app=studymate',
      headers: bearer(person(2).token),
    });
    expect(history.json().items[0]).toMatchObject({ id, endReason: 'missed' });
    callee.ws.close();
  });

  it('ends a call whose instance died while it rang, so nobody stays busy', async () => {
    const stale = await app.platform.db
      .insertInto('platform.calls')
      .values({
        app: 'eduforum',
        caller_id: person(1).id,
        callee_id: person(2).id,
        created_at: new Date(Date.now() - 3_600_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const fresh = await call(2, '/calls', { app: 'eduforum', calleeId: person(1).id });
    expect(fresh.statusCode).toBe(201);
    const old = await app.platform.db
      .selectFrom('platform.calls')
      .selectAll()
      .where('id', '=', stale.id)
      .executeTakeFirstOrThrow();
    expect(old).toMatchObject({ state: 'ended', end_reason: 'missed' });
    await call(2, `/calls/${fresh.json().id}/cancel`);
  });
});
