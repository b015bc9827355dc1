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
let a: App;
let b: App;
let urlA: string;
let urlB: string;
const people: { id: string; token: string }[] = [];

async function start(instance: string): Promise<[App, string]> {
  const { app, wsUrl } = await listenTestApp(database.url, { INSTANCE_ID: instance });
  return [app, wsUrl];
}

beforeAll(async () => {
  database = await createTestDatabase();
  [a, urlA] = await start('chat-a');
  [b, urlB] = await start('chat-b');
  for (let i = 0; i < 3; i++) {
    const account = await makeAccount(a);
    people.push({ id: account.id, token: (await signIn(a, account)).accessToken });
  }
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await database?.drop();
});

const person = (i: number) => people[i] ?? { id: '', token: '' };
const reply = (socket: TestSocket, id: number) =>
  socket.next((f) => (f.t === 'ack' || f.t === 'err') && f.id === id);
const rest = (
  app: App,
  who: number,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) =>
  app.inject({
    method,
    url: `/api/v1/chat${url}`,
    headers: bearer(person(who).token),
    ...(payload ? { payload } : {}),
  });

describe('chat', () => {
  it('keeps one direct room per pair and hides it from everyone else', async () => {
    const room = await a.platform.chat.directRoom('languagemate', person(0).id, person(1).id);
    expect(await a.platform.chat.directRoom('languagemate', person(1).id, person(0).id)).toBe(room);
    expect((await rest(a, 2, 'GET', `/rooms/${room}/messages`)).statusCode).toBe(404);
    const outsider = await openSocket(urlA, person(2).token);
    outsider.send({ t: 'sub', id: 1, ch: `chat:${room}` });
    expect(await reply(outsider, 1)).toMatchObject({ t: 'err', d: { code: 'FORBIDDEN' } });
    outsider.ws.close();
    const list = await rest(a, 0, 'GET', '/rooms?app=languagemate');
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(room);
  });

  it('stores a message before acknowledging it, delivers it across instances, and dedupes retries', async () => {
    const room = await a.platform.chat.groupRoom('eduforum', person(0).id, '세미나 조', [person(1).id]);
    const alice = await openSocket(urlA, person(0).token);
    const bob = await openSocket(urlB, person(1).token);
    for (const s of [alice, bob]) {
      s.send({ t: 'sub', id: 1, ch: `chat:${room}` });
      expect(await reply(s, 1)).toMatchObject({ t: 'ack' });
    }
    alice.send({
      t: 'pub',
      id: 2,
      ch: `chat:${room}`,
      d: { event: 'send', payload: { body: '<b>안녕</b>', clientId: 'c-1' } },
    });
    const ack = await reply(alice, 2);
    expect(ack).toMatchObject({ t: 'ack', d: { seq: 1, body: '<b>안녕</b>', senderId: person(0).id } });
    const stored = await a.platform.db
      .selectFrom('platform.chat_messages')
      .selectAll()
      .where('room_id', '=', room)
      .execute();
    expect(stored).toHaveLength(1);
    const delivered = await bob.next((f) => f.t === 'ev' && f.d.event === 'message');
    expect(delivered).toMatchObject({ d: { payload: { seq: 1, body: '<b>안녕</b>' } } });
    // The same clientId again (a retry after a lost ack) returns the stored message.
    alice.send({
      t: 'pub',
      id: 3,
      ch: `chat:${room}`,
      d: { event: 'send', payload: { body: '<b>안녕</b>', clientId: 'c-1' } },
    });
    expect(await reply(alice, 3)).toMatchObject({ t: 'ack', d: { seq: 1 } });
    alice.send({ t: 'pub', id: 4, ch: `chat:${room}`, d: { event: 'typing', payload: {} } });
    expect(await bob.next((f) => f.t === 'ev' && f.d.event === 'typing')).toMatchObject({
      d: { payload: { from: person(0).id } },
    });
    alice.ws.close();
    bob.ws.close();
  });

  it('replays what a reconnecting client missed, after its last sequence number', async () => {
    const room = await a.platform.chat.directRoom('studymate', person(0).id, person(1).id);
    for (const body of ['one', 'two', 'three', 'four'])
      await rest(a, 0, 'POST', `/rooms/${room}/messages`, { body });
    const bob = await openSocket(urlB, person(1).token);
    bob.send({ t: 'sub', id: 1, ch: `chat:${room}` });
    await reply(bob, 1);
    bob.send({ t: 'pub', id: 2, ch: `chat:${room}`, d: { event: 'resume', payload: { afterSeq: 1 } } });
    const resumed = await reply(bob, 2);
    expect(resumed.t).toBe('ack');
    const items = (resumed as { d: { items: { seq: number; body: string }[]; more: boolean } }).d;
    expect(items.items.map((m) => m.seq)).toEqual([2, 3, 4]);
    expect(items.more).toBe(false);
    bob.ws.close();
  });

  it('pages history backwards with a cursor', async () => {
    const room = await a.platform.chat.directRoom('storehelper', person(0).id, person(2).id);
    for (let i = 1; i <= 5; i++) await rest(a, 2, 'POST', `/rooms/${room}/messages`, { body: `m${i}` });
    const seen: number[][] = [];
    let cursor: string | null = null;
    do {
      const res = await rest(
        a,
        0,
        'GET',
        `/rooms/${room}/messages?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(res.json().items.map((m: { seq: number }) => m.seq));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual([[4, 5], [2, 3], [1]]);
  });

  it('numbers concurrent messages without gaps or repeats', async () => {
    const room = await a.platform.chat.groupRoom('eduforum', person(0).id, 'busy', [
      person(1).id,
      person(2).id,
    ]);
    const sends = Array.from({ length: 20 }, (_, i) =>
      (i % 2 ? a : b).platform.chat.send(room, person(i % 3).id, { body: `msg ${i}` }),
    );
    const seqs = (await Promise.all(sends)).map((m) => m.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('lets senders edit and delete only their own messages, and moves read positions forward only', async () => {
    const room = await a.platform.chat.directRoom('eduforum', person(0).id, person(1).id);
    const sent = (await rest(a, 0, 'POST', `/rooms/${room}/messages`, { body: 'typo' })).json();
    expect(
      (await rest(a, 1, 'PATCH', `/rooms/${room}/messages/${sent.id}`, { body: 'hijack' })).statusCode,
    ).toBe(404);
    const edited = await rest(a, 0, 'PATCH', `/rooms/${room}/messages/${sent.id}`, { body: 'fixed' });
    expect(edited.json()).toMatchObject({ body: 'fixed', editedAt: expect.any(String) });
    const deleted = await rest(a, 0, 'DELETE', `/rooms/${room}/messages/${sent.id}`);
    expect(deleted.json()).toMatchObject({ body: '', deletedAt: expect.any(String), seq: sent.seq });
    const read = await rest(a, 1, 'POST', `/rooms/${room}/read`, { seq: 999 });
    expect(read.json().seq).toBe(sent.seq);
    expect((await rest(a, 1, 'POST', `/rooms/${room}/read`, { seq: 0 })).json().seq).toBe(sent.seq);
    const bad = await rest(a, 0, 'POST', `/rooms/${room}/messages`, { body: '   ' });
    expect(bad.statusCode).toBe(400);
  });
});
