import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineApp } from '../app-kit/define-app.js';
import type { App } from '../http/app.js';
import { AppError } from '../http/app-error.js';
import {
  bearer,
  createTestDatabase,
  listenTestApp,
  makeAccount,
  openSocket,
  signIn,
  type TestDatabase,
  type TestSocket,
  uploadText,
} from '../testing/index.js';
import type { ChatGuardMessage } from './rules.js';

declare module '@app/contracts' {
  interface AppErrorCodes {
    CHAT_TEST_WARNING: true;
  }
}

// An app (named like a real one, so its rooms fit the platform's app list) whose chat rules are the
// ones under test: a guard that warns about "rude" words unless the sender acknowledged the warning
// and never lets "spam" through, and a one-minute edit window. Rooms of other apps have no rules.
const RULES_APP = 'languagemate';
const OTHER_APP = 'studymate';
const WINDOW_MS = 60_000;
const seen: ChatGuardMessage[] = [];
let refuseEverything = false;

async function guard(message: ChatGuardMessage): Promise<void> {
  seen.push(message);
  if (refuseEverything || message.body.includes('spam')) throw new AppError('FORBIDDEN', 'No spam.');
  if (message.body.includes('rude') && !message.acknowledged.includes('tone.rude'))
    throw new AppError('CHAT_TEST_WARNING', 'This may sound rude.', { warnings: ['tone.rude'] });
}

let database: TestDatabase;
let migrations: string;
let app: App;
let wsUrl: string;
const people: { id: string; token: string }[] = [];
const person = (i: number) => people[i] ?? { id: '', token: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  migrations = await mkdtemp(path.join(tmpdir(), 'chat-rules-'));
  const rulesApp = defineApp({
    name: RULES_APP,
    migrations: pathToFileURL(`${migrations}/`),
    manifest: {
      name: RULES_APP,
      title: { ko: '규칙', en: 'Rules' },
      tagline: { ko: '규칙', en: 'Rules' },
      description: { ko: '채팅 규칙 시험', en: 'Chat rules under test' },
      accent: '#0f766e',
      icon: 'R',
    },
    errors: { CHAT_TEST_WARNING: { status: 422, reportable: false, message: 'A warning to acknowledge.' } },
    setup: () => ({ chat: { guard, editWindowMs: WINDOW_MS } }),
  });
  ({ app, wsUrl } = await listenTestApp(database.url, {}, { apps: [rulesApp] }));
  for (let i = 0; i < 2; i++) {
    const account = await makeAccount(app);
    people.push({ id: account.id, token: (await signIn(app, account)).accessToken });
  }
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  if (migrations) await rm(migrations, { recursive: true, force: true });
});

const rest = (who: number, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  app.inject({
    method,
    url: `/api/v1/chat${url}`,
    headers: bearer(person(who).token),
    ...(payload ? { payload } : {}),
  });
const bodies = async (room: string) =>
  (await rest(1, 'GET', `/rooms/${room}/messages`)).json().items.map((m: { body: string }) => m.body);

/** Makes a message older than the edit window, as if sent two minutes ago. */
const age = (messageId: string) =>
  app.platform.db
    .updateTable('platform.chat_messages')
    .set({ created_at: sql<Date>`now() - interval '2 minutes'` })
    .where('id', '=', messageId)
    .execute();

async function subscribed(room: string): Promise<TestSocket> {
  const socket = await openSocket(wsUrl, person(0).token);
  expect(await socket.request({ t: 'sub', ch: `chat:${room}` })).toMatchObject({ t: 'ack' });
  return socket;
}

describe("an app's chat guard", () => {
  it('refuses a REST send with the app’s own error until the sender acknowledges the warning', async () => {
    const room = await app.platform.chat.directRoom(RULES_APP, person(0).id, person(1).id);
    const attachment = await uploadText(app, person(0).token);
    const refused = await rest(0, 'POST', `/rooms/${room}/messages`, {
      body: '  you are rude  ',
      attachments: [attachment.id],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toEqual({
      code: 'CHAT_TEST_WARNING',
      message: 'This may sound rude.',
      details: { warnings: ['tone.rude'] },
    });
    expect(await bodies(room)).toEqual([]);

    const sent = await rest(0, 'POST', `/rooms/${room}/messages`, {
      body: '  you are rude  ',
      attachments: [attachment.id],
      acknowledge: ['tone.rude'],
    });
    expect(sent.statusCode).toBe(201);
    expect(seen.at(-1)).toEqual({
      app: RULES_APP,
      roomId: room,
      senderId: person(0).id,
      body: 'you are rude',
      attachments: [attachment.id],
      acknowledged: ['tone.rude'],
      isEdit: false,
    });
    expect(await bodies(room)).toEqual(['you are rude']);
    // An acknowledgement is not a pass: what the app refuses outright stays refused.
    const spam = await rest(0, 'POST', `/rooms/${room}/messages`, {
      body: 'spam',
      acknowledge: ['tone.rude'],
    });
    expect(spam.statusCode).toBe(403);
  });

  it('answers a refused channel send in its ack, and stores and announces nothing', async () => {
    const room = await app.platform.chat.groupRoom(RULES_APP, person(0).id, 'club', [person(1).id]);
    const socket = await subscribed(room);
    const send = (payload: object) =>
      socket.request({ t: 'pub', ch: `chat:${room}`, d: { event: 'send', payload } });
    expect(await send({ body: 'rude words', clientId: 'w-1' })).toMatchObject({
      t: 'ack',
      d: { error: { code: 'CHAT_TEST_WARNING', details: { warnings: ['tone.rude'] } } },
    });
    expect(await bodies(room)).toEqual([]);
    const sent = await send({ body: 'rude words', clientId: 'w-1', acknowledge: ['tone.rude'] });
    expect(sent).toMatchObject({ t: 'ack', d: { seq: 1, body: 'rude words' } });
    // The first message event is the accepted message: the refused one was never announced.
    const announced = await socket.next((f) => f.t === 'ev' && f.d.event.startsWith('message'));
    expect(announced).toMatchObject({ d: { event: 'message', payload: { seq: 1 } } });

    // A retry of a stored message returns it without asking the guard again.
    refuseEverything = true;
    try {
      const asked = seen.length;
      expect(await send({ body: 'rude words', clientId: 'w-1' })).toMatchObject({ t: 'ack', d: { seq: 1 } });
      expect(seen.length).toBe(asked);
    } finally {
      refuseEverything = false;
    }
    socket.ws.close();
  });

  it('sees edits, with the message’s attachments, before they are stored', async () => {
    const room = await app.platform.chat.directRoom(RULES_APP, person(0).id, person(1).id);
    const attachment = await uploadText(app, person(0).token);
    const sent = (
      await rest(0, 'POST', `/rooms/${room}/messages`, { body: 'kind words', attachments: [attachment.id] })
    ).json();
    const edit = (payload: object) => rest(0, 'PATCH', `/rooms/${room}/messages/${sent.id}`, payload);
    expect((await edit({ body: 'rude now' })).statusCode).toBe(422);
    expect(seen.at(-1)).toMatchObject({ isEdit: true, body: 'rude now', attachments: [attachment.id] });
    expect((await bodies(room)).at(-1)).toBe('kind words');
    const edited = await edit({ body: 'rude now', acknowledge: ['tone.rude'] });
    expect(edited.json()).toMatchObject({ body: 'rude now', editedAt: expect.any(String) });
  });

  it('takes at most five acknowledgements, each a short slug', async () => {
    const room = await app.platform.chat.directRoom(RULES_APP, person(0).id, person(1).id);
    const send = (acknowledge: string[]) =>
      rest(0, 'POST', `/rooms/${room}/messages`, { body: 'hi', acknowledge });
    expect((await send(['a', 'b', 'c', 'd', 'e'])).statusCode).toBe(201);
    expect((await send(['a', 'b', 'c', 'd', 'e', 'f'])).statusCode).toBe(400);
    expect((await send(['Not A Slug'])).statusCode).toBe(400);
    expect((await send(['x'.repeat(41)])).statusCode).toBe(400);
  });
});

describe("an app's edit window", () => {
  it('refuses editing and deleting messages older than the window, and only in that app’s rooms', async () => {
    const room = await app.platform.chat.directRoom(RULES_APP, person(0).id, person(1).id);
    const old = (await rest(0, 'POST', `/rooms/${room}/messages`, { body: 'old' })).json();
    const fresh = (await rest(0, 'POST', `/rooms/${room}/messages`, { body: 'fresh' })).json();
    await age(old.id);
    const edit = await rest(0, 'PATCH', `/rooms/${room}/messages/${old.id}`, { body: 'changed' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error).toMatchObject({
      code: 'CHAT_EDIT_WINDOW_PASSED',
      details: { editWindowMs: WINDOW_MS, sentAt: expect.any(String) },
    });
    expect((await rest(0, 'DELETE', `/rooms/${room}/messages/${old.id}`)).statusCode).toBe(409);
    expect(
      (await rest(0, 'PATCH', `/rooms/${room}/messages/${fresh.id}`, { body: 'fixed' })).statusCode,
    ).toBe(200);
    expect((await rest(0, 'DELETE', `/rooms/${room}/messages/${fresh.id}`)).statusCode).toBe(200);

    // Another app's room has no rules: old messages stay editable, and the guard is not asked.
    const other = await app.platform.chat.directRoom(OTHER_APP, person(0).id, person(1).id);
    const asked = seen.length;
    const elsewhere = (await rest(0, 'POST', `/rooms/${other}/messages`, { body: 'rude old' })).json();
    await age(elsewhere.id);
    expect(
      (await rest(0, 'PATCH', `/rooms/${other}/messages/${elsewhere.id}`, { body: 'x' })).statusCode,
    ).toBe(200);
    expect((await rest(0, 'DELETE', `/rooms/${other}/messages/${elsewhere.id}`)).statusCode).toBe(200);
    expect(seen.length).toBe(asked);
  });
});
