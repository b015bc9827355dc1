import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../http/app.js';
import {
  bearer,
  createTestDatabase,
  downloadFile,
  listenTestApp,
  makePerson,
  openSocket,
  type Person,
  type TestDatabase,
  type TestSocket,
  uploadText,
} from '../testing/index.js';

let database: TestDatabase;
let dataDir: string;
let app: App;
let wsUrl: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'campus-attach-'));
  ({ app, wsUrl } = await listenTestApp(database.url, { DATA_DIR: dataDir }));
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const chat = (who: Person, method: 'POST' | 'DELETE', url: string, payload?: object) =>
  app.inject({
    method,
    url: `/api/v1/chat${url}`,
    headers: bearer(who.token),
    ...(payload ? { payload } : {}),
  });

/** A day and a bit from now: the cleanup as it will run once the grace period has passed. */
const afterGrace = () => new Date(Date.now() + 25 * 3_600_000);

/** Moves uploads two days into the past (past the 24 h grace period). */
const backdate = (ids: string[]) =>
  app.platform.db
    .updateTable('platform.files')
    .set({ created_at: sql<Date>`now() - interval '2 days'` })
    .where('id', 'in', ids)
    .execute();

const blobOf = async (id: string) => {
  const row = await app.platform.db
    .selectFrom('platform.files')
    .select('storage_key')
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? path.join(dataDir, 'blobs', row.storage_key) : undefined;
};

describe('chat attachments', () => {
  it('keeps attached files past the grace period, removes the rest, and lets only members read them', async () => {
    const alice = await makePerson(app, 'alice');
    const bob = await makePerson(app, 'bob');
    const eve = await makePerson(app, 'eve');
    const room = await app.platform.chat.groupRoom('languagemate', alice.id, 'study', [bob.id]);
    const kept = await uploadText(app, alice.token, 'lecture notes');
    const orphan = await uploadText(app, alice.token, 'never sent');

    const sent = await chat(alice, 'POST', `/rooms/${room}/messages`, {
      body: 'notes',
      attachments: [kept.id],
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().attachments).toEqual([kept.id]);
    const orphanBlob = await blobOf(orphan.id);

    // Two days pass: the attached file stays, the never-used one goes.
    await backdate([kept.id, orphan.id]);
    await app.platform.files.cleanup();
    expect(await downloadFile(app, bob.token, kept.id)).toEqual({ status: 200, body: 'lecture notes' });
    expect(await blobOf(orphan.id)).toBeUndefined();
    expect(existsSync(orphanBlob ?? '-')).toBe(false);
    expect((await downloadFile(app, alice.token, orphan.id)).status).toBe(404);
    // Not a member of the room: the file does not exist for eve.
    expect((await downloadFile(app, eve.token, kept.id)).status).toBe(404);
    // The uploader cannot pull the file out from under the message.
    const remove = await app.inject({ method: 'DELETE', url: kept.url, headers: bearer(alice.token) });
    expect(remove.statusCode).toBe(409);
    expect(remove.json().error.code).toBe('FILE_IN_USE');

    // Deleting the message releases the file; the next cleanup removes it.
    const deleted = await chat(alice, 'DELETE', `/rooms/${room}/messages/${sent.json().id}`);
    expect(deleted.statusCode).toBe(200);
    expect((await downloadFile(app, bob.token, kept.id)).status).toBe(404);
    const keptBlob = await blobOf(kept.id);
    await app.platform.files.cleanup();
    expect(await blobOf(kept.id)).toBeUndefined();
    expect(existsSync(keptBlob ?? '-')).toBe(false);
  });

  it('lets an uploader alone read an upload that is not attached yet', async () => {
    const alice = await makePerson(app, 'alice');
    const eve = await makePerson(app, 'eve');
    const file = await uploadText(app, alice.token, 'draft');
    expect(await downloadFile(app, alice.token, file.id)).toEqual({ status: 200, body: 'draft' });
    expect((await downloadFile(app, eve.token, file.id)).status).toBe(404);
    await app.platform.files.cleanup();
    expect(await blobOf(file.id)).toBeDefined();
  });

  it("refuses someone else's file, a made-up id and a file already used elsewhere, over REST", async () => {
    const alice = await makePerson(app, 'alice');
    const bob = await makePerson(app, 'bob');
    const room = await app.platform.chat.groupRoom('languagemate', alice.id, 'pair', [bob.id]);
    const other = await app.platform.chat.groupRoom('languagemate', bob.id, 'other', [alice.id]);
    const bobs = await uploadText(app, bob.token, "bob's secret");
    const mine = await uploadText(app, alice.token, 'mine');
    for (const attachments of [[bobs.id], ['0190a0b0-0000-7000-8000-000000000001'], [mine.id, bobs.id]]) {
      const res = await chat(alice, 'POST', `/rooms/${room}/messages`, { body: 'look', attachments });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'FILE_NOT_USABLE' });
    }
    // Nothing of a refused message was kept: not the message, not alice's own file's attachment.
    const { items } = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/chat/rooms/${room}/messages`,
        headers: bearer(alice.token),
      })
    ).json();
    expect(items).toEqual([]);
    expect((await downloadFile(app, bob.token, mine.id)).status).toBe(404);

    expect(
      (await chat(alice, 'POST', `/rooms/${room}/messages`, { body: 'ok', attachments: [mine.id] }))
        .statusCode,
    ).toBe(201);
    const again = await chat(alice, 'POST', `/rooms/${other}/messages`, {
      body: 'again',
      attachments: [mine.id],
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('FILE_NOT_USABLE');
    // Bob's file was never exposed to alice.
    expect((await downloadFile(app, alice.token, bobs.id)).status).toBe(404);
  });

  it('checks attachments sent over the WebSocket the same way', async () => {
    const alice = await makePerson(app, 'alice');
    const bob = await makePerson(app, 'bob');
    const room = await app.platform.chat.groupRoom('studymate', alice.id, 'ws', [bob.id]);
    const bobs = await uploadText(app, bob.token, 'private');
    const mine = await uploadText(app, alice.token, 'shared');
    const socket = await openSocket(wsUrl, alice.token);
    const reply = (s: TestSocket, id: number) =>
      s.next((f) => (f.t === 'ack' || f.t === 'err') && f.id === id);
    socket.send({ t: 'sub', id: 1, ch: `chat:${room}` });
    expect(await reply(socket, 1)).toMatchObject({ t: 'ack' });
    const send = (id: number, attachments: string[]) =>
      socket.send({
        t: 'pub',
        id,
        ch: `chat:${room}`,
        d: { event: 'send', payload: { body: 'f', attachments } },
      });
    send(2, [bobs.id]);
    expect(await reply(socket, 2)).toMatchObject({ t: 'ack', d: { error: { code: 'FILE_NOT_USABLE' } } });
    send(3, ['0190a0b0-0000-7000-8000-000000000002']);
    expect(await reply(socket, 3)).toMatchObject({ t: 'ack', d: { error: { code: 'FILE_NOT_USABLE' } } });
    send(4, [mine.id]);
    expect(await reply(socket, 4)).toMatchObject({ t: 'ack', d: { seq: 1, attachments: [mine.id] } });
    socket.ws.close();
    await app.platform.files.cleanup({ before: afterGrace() });
    expect(await blobOf(bobs.id)).toBeUndefined();
    expect(await downloadFile(app, bob.token, mine.id)).toEqual({ status: 200, body: 'shared' });
  });
});
