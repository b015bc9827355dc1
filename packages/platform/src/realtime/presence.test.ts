import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
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

// Short presence timings so the test waits for behaviour, not for 30 s defaults.
const timing = { PRESENCE_GRACE_MS: '1500', PRESENCE_HEARTBEAT_MS: '150', PRESENCE_TTL_MS: '900' };
let database: TestDatabase;
const apps: App[] = [];
const urls: string[] = [];
const people: { id: string; token: string }[] = [];
/** What the lobby channel type's onPresence hook was told, on which instance. */
const hooks: { instance: string; id: string; userId: string; joined: boolean }[] = [];

async function start(instance: string): Promise<number> {
  const { app, wsUrl } = await listenTestApp(database.url, { ...timing, INSTANCE_ID: instance });
  app.platform.realtime.channels.register('lobby', {
    authorize: () => true,
    clientEvents: { wave: { schema: z.object({}) } },
    onPresence: ({ id, userId, joined }) => {
      hooks.push({ instance, id, userId, joined });
    },
  });
  apps.push(app);
  urls.push(wsUrl);
  return apps.length - 1;
}

/** Polls a condition until it holds (presence converges through periodic announcements). */
async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  await start('pr-a');
  await start('pr-b');
  for (let i = 0; i < 4; i++) {
    const account = await makeAccount(apps[0] as App);
    people.push({ id: account.id, token: (await signIn(apps[0] as App, account)).accessToken });
  }
  // Presence over REST is for oneself and chat roommates: person 2 watches person 0 below.
  await (apps[0] as App).platform.chat.groupRoom('languagemate', person(2).id, 'study group', [person(0).id]);
});

afterAll(async () => {
  for (const app of apps) await app.close().catch(() => {});
  await database?.drop();
});

const app = (i: number) => apps[i] as App;
const url = (i: number) => urls[i] ?? '';
const person = (i: number) => people[i] ?? { id: '', token: '' };
const onlineAt = async (i: number, userId: string) => {
  const res = await app(i).inject({
    method: 'GET',
    url: `/api/v1/realtime/presence?userIds=${userId}`,
    headers: bearer(person(2).token),
  });
  return (res.json().online as string[]).includes(userId);
};

describe('presence across instances', () => {
  it('shows a user online on the other instance, keeps them through the grace, then drops them', async () => {
    const socket = await openSocket(url(0), person(0).token);
    await eventually(() => onlineAt(1, person(0).id));
    socket.ws.close();
    await socket.closed;
    expect(await onlineAt(1, person(0).id)).toBe(true);
    await eventually(async () => !(await onlineAt(1, person(0).id)));
    expect(await onlineAt(0, person(0).id)).toBe(false);
  });

  it('tells channel members who joins and, after the grace, who leaves', async () => {
    const watcher: TestSocket = await openSocket(url(1), person(1).token);
    watcher.send({ t: 'sub', id: 1, ch: 'lobby:main' });
    await watcher.next((f) => f.t === 'ack' && f.id === 1);
    const visitor = await openSocket(url(0), person(0).token);
    visitor.send({ t: 'sub', id: 1, ch: 'lobby:main' });
    expect(
      await watcher.next(
        (f) =>
          f.t === 'ev' &&
          f.d.event === 'presence.join' &&
          (f.d.payload as { userId: string }).userId === person(0).id,
      ),
    ).toBeTruthy();
    await eventually(() => app(1).platform.realtime.presence.inChannel('lobby:main').includes(person(0).id));
    visitor.ws.close();
    expect(await watcher.next((f) => f.t === 'ev' && f.d.event === 'presence.leave')).toMatchObject({
      d: { payload: { userId: person(0).id } },
    });
    // The channel type heard it too, once, from the instance the visitor was on.
    expect(hooks.filter((h) => h.userId === person(0).id)).toEqual([
      { instance: 'pr-a', id: 'main', userId: person(0).id, joined: true },
      { instance: 'pr-a', id: 'main', userId: person(0).id, joined: false },
    ]);
    watcher.ws.close();
  });

  it('shows a user online only to themselves and to people they share a chat room with', async () => {
    const online = async (asker: number, userId: string) =>
      (
        await app(0).inject({
          method: 'GET',
          url: `/api/v1/realtime/presence?userIds=${userId},${person(3).id}`,
          headers: bearer(person(asker).token),
        })
      ).json().online as string[];
    const socket = await openSocket(url(1), person(0).token);
    await eventually(async () => (await online(2, person(0).id)).includes(person(0).id));
    expect(await online(0, person(0).id)).toEqual([person(0).id]);
    // Persons 1 and 3 share no room with person 0: to them person 0 is not online.
    expect(await online(1, person(0).id)).toEqual([]);
    expect(await online(3, person(0).id)).toEqual([]);
    await app(0).platform.chat.directRoom('studymate', person(0).id, person(1).id);
    expect(await online(1, person(0).id)).toEqual([person(0).id]);
    socket.ws.close();
    await socket.closed;
  });

  it('forgets the users of an instance that stops announcing (killed) once its TTL runs out', async () => {
    const c = await start('pr-c');
    const socket = await openSocket(url(c), person(2).token);
    await eventually(() => onlineAt(0, person(2).id));
    // Silence the instance as a kill -9 would: no more announcements, no goodbye.
    app(c).platform.realtime.presence.stop();
    await eventually(async () => !(await onlineAt(0, person(2).id)));
    socket.ws.terminate();
  });
});
