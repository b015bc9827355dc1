import type { ServerFrame } from '@app/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openCollabDocument } from '../collab/client.js';
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

// Two instances on one database. Who may do what lives in `grants` (standing in for an app's
// tables); the channel type, the collab namespace and the chat rule all ask it, on both instances.
let database: TestDatabase;
let a: App;
let b: App;
const urls = { a: { ws: '', collab: '' }, b: { ws: '', collab: '' } };
/** `<thing>|<userId>` -> 'write' | 'read' (channels and chat rooms: any entry admits). */
const grants = new Map<string, 'write' | 'read'>();
/** While set, the `slow` channel type captures its answer and then waits for this. */
let gate: Promise<void> | undefined;
let authorizing: () => void = () => {};
const people: { id: string; token: string }[] = [];
const CHAT_APP = 'languagemate';

async function start(instance: string): Promise<App> {
  const env: Record<string, string> = { INSTANCE_ID: instance };
  if (process.env.REDIS_URL) env.REDIS_URL = process.env.REDIS_URL;
  const { app, wsUrl } = await listenTestApp(database.url, env, {
    setup(app) {
      const may = (thing: string, userId: string) => grants.get(`${thing}|${userId}`) ?? null;
      app.platform.realtime.channels.register('club', {
        authorize: (auth, id) => may(`club:${id}`, auth.userId) !== null,
        clientEvents: { say: { schema: z.object({ text: z.string() }) } },
      });
      app.platform.realtime.channels.register('slow', {
        async authorize(auth, id) {
          const answer = may(`slow:${id}`, auth.userId) !== null;
          authorizing();
          if (gate) await gate;
          return answer;
        },
      });
      app.platform.collab.register('club', {
        authorize: async (auth, name) => may(name, auth.userId),
        load: async () => null,
        store: async () => {},
      });
      app.platform.access.chatRooms(CHAT_APP, async (userId, roomIds) =>
        roomIds.filter((id) => may(`chat:${id}`, userId) !== null),
      );
    },
  });
  const target = instance.endsWith('a') ? urls.a : urls.b;
  target.ws = wsUrl;
  target.collab = wsUrl.replace(/\/ws$/, '/collab');
  return app;
}

beforeAll(async () => {
  database = await createTestDatabase();
  a = await start('access-a');
  b = await start('access-b');
  for (let i = 0; i < 2; i++) {
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
const removed = (socket: TestSocket, ch: string) =>
  socket.next((f) => f.t === 'ev' && f.ch === ch && f.d.event === 'channel.removed', 1_000);
const sub = (socket: TestSocket, ch: string) => socket.request({ t: 'sub', ch });
const history = (app: App, who: number, roomId: string) =>
  app.inject({
    method: 'GET',
    url: `/api/v1/chat/rooms/${roomId}/messages`,
    headers: bearer(person(who).token),
  });

describe('platform.access.changed', () => {
  it('re-asks the rules about everything the user holds open, on every instance, and drops what they refuse', async () => {
    const me = person(0);
    const room = await a.platform.chat.groupRoom(CHAT_APP, person(1).id, '모임', [me.id]);
    for (const thing of ['club:x', 'club:y', `chat:${room}`]) grants.set(`${thing}|${me.id}`, 'write');
    grants.set(`club.x|${me.id}`, 'write');
    grants.set(`club.y|${me.id}`, 'write');
    const onA = await openSocket(urls.a.ws, me.token);
    const onB = await openSocket(urls.b.ws, me.token);
    for (const socket of [onA, onB])
      for (const ch of ['club:x', 'club:y', `chat:${room}`])
        expect(await sub(socket, ch)).toMatchObject({ t: 'ack' });
    const boardX = openCollabDocument(urls.a.collab, 'club.x', me.token);
    const boardY = openCollabDocument(urls.b.collab, 'club.y', me.token);
    expect(await boardX.authenticated).toBe('read-write');
    expect(await boardY.authenticated).toBe('read-write');
    expect((await history(b, 0, room)).statusCode).toBe(200);

    // x and the chat are taken away, y becomes read-only; the change is announced on A only.
    grants.delete(`club:x|${me.id}`);
    grants.delete(`club.x|${me.id}`);
    grants.delete(`chat:${room}|${me.id}`);
    grants.set(`club.y|${me.id}`, 'read');
    await a.platform.access.changed(me.id);

    for (const socket of [onA, onB]) {
      expect(await removed(socket, 'club:x')).toMatchObject({ ch: 'club:x' });
      expect(await removed(socket, `chat:${room}`)).toBeTruthy();
      expect(await sub(socket, 'club:x')).toMatchObject({ t: 'err', d: { code: 'FORBIDDEN' } });
      expect(await sub(socket, `chat:${room}`)).toMatchObject({ t: 'err', d: { code: 'FORBIDDEN' } });
    }
    // Chat over REST goes by membership, which is gone (from either instance).
    expect((await history(a, 0, room)).statusCode).toBe(404);
    expect((await history(b, 0, room)).statusCode).toBe(404);
    // Both boards were reset; coming back, x is refused and y is read-only.
    expect(await boardX.closed).toBe(4205);
    expect(await boardY.closed).toBe(4205);
    await expect(openCollabDocument(urls.a.collab, 'club.x', me.token).authenticated).rejects.toThrow();
    const againY = openCollabDocument(urls.b.collab, 'club.y', me.token);
    expect(await againY.authenticated).toBe('readonly');

    // What is still allowed stays: y's events still reach both sockets, and nothing else came.
    await a.platform.realtime.publish('club:y', 'note', { n: 1 });
    const note = (f: ServerFrame) => f.t === 'ev' && f.ch === 'club:y' && f.d.event === 'note';
    expect(await onA.next(note, 1_000)).toBeTruthy();
    expect(await onB.next(note, 1_000)).toBeTruthy();
    againY.close();
    onA.ws.close();
    onB.ws.close();
  });

  it('asks again when a subscription was being authorized while access changed', async () => {
    const me = person(1);
    grants.set(`slow:z|${me.id}`, 'write');
    let release: () => void = () => {};
    gate = new Promise((resolve) => {
      release = resolve;
    });
    const called = new Promise<void>((resolve) => {
      authorizing = resolve;
    });
    const socket = await openSocket(urls.a.ws, me.token);
    const reply = sub(socket, 'slow:z');
    // The first answer (allowed) was read before the change; it must not stand.
    await called;
    grants.delete(`slow:z|${me.id}`);
    await a.platform.access.changed(me.id);
    gate = undefined;
    release();
    expect(await reply).toMatchObject({ t: 'err', d: { code: 'FORBIDDEN' } });
    socket.ws.close();
  });
});
