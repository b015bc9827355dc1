import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type App, buildApp } from '../http/app.js';
import { createTestDatabase, makeAccount, signIn, type TestDatabase, testConfig } from '../testing/index.js';
import { openCollabDocument } from './client.js';

let database: TestDatabase;
let app: App;
let url: string;
const stored = new Map<string, Uint8Array>();
/** Documents Alice may only read from now on (as when a session ends). */
const frozen = new Set<string>();
let alice: { id: string; token: string };
let bob: { id: string; token: string };

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp(testConfig(database.url), { apps: [] });
  // Alice writes, Bob only reads; nobody else gets in. State lives in a map standing in for a table.
  app.platform.collab.register('test', {
    authorize: async (auth, name) =>
      auth.userId === alice.id
        ? frozen.has(name)
          ? 'read'
          : 'write'
        : auth.userId === bob.id
          ? 'read'
          : null,
    load: async (name) => stored.get(name) ?? null,
    store: async (name, state) => {
      stored.set(name, state);
    },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  url = `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/collab`;
  for (const who of ['a', 'b']) {
    const account = await makeAccount(app);
    const person = { id: account.id, token: (await signIn(app, account)).accessToken };
    if (who === 'a') alice = person;
    else bob = person;
  }
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('collab', () => {
  it('syncs a document between writers and readers and stores it when the last client leaves', async () => {
    const writer = openCollabDocument(url, 'test.board', alice.token);
    const reader = openCollabDocument(url, 'test.board', bob.token);
    expect(await writer.authenticated).toBe('read-write');
    expect(await reader.authenticated).toBe('readonly');
    await Promise.all([writer.synced, reader.synced]);
    writer.doc.getArray<string>('strokes').push(['M0,0 L10,10']);
    await reader.until((doc) => doc.getArray('strokes').length === 1);
    // A read-only client's change is not applied on the server, so the writer never sees it.
    reader.doc.getArray<string>('strokes').push(['forged']);
    writer.doc.getArray<string>('strokes').push(['M5,5 L6,6']);
    await reader.until((doc) => doc.getArray('strokes').toArray().includes('M5,5 L6,6'));
    expect(writer.doc.getArray('strokes').toArray()).toEqual(['M0,0 L10,10', 'M5,5 L6,6']);

    writer.close();
    reader.close();
    // Stored on unload (the last connection gone); a new client gets it back from the store.
    const again = openCollabDocument(url, 'test.board', alice.token);
    await again.synced;
    await again.until((doc) => doc.getArray('strokes').length === 2);
    expect(again.doc.getArray('strokes').toArray()).toEqual(['M0,0 L10,10', 'M5,5 L6,6']);
    again.close();
    const copy = new Y.Doc();
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error('never stored')), 5_000);
      const poll = () => {
        const state = stored.get('test.board');
        if (state) {
          clearTimeout(deadline);
          Y.applyUpdate(copy, state);
          resolve();
        } else setImmediate(poll);
      };
      poll();
    });
    expect(copy.getArray('strokes').length).toBeGreaterThanOrEqual(1);
  });

  it('does not limit drawing at screen speed (default limits)', async () => {
    const writer = openCollabDocument(url, 'test.drawing', alice.token);
    const reader = openCollabDocument(url, 'test.drawing', bob.token);
    await Promise.all([writer.synced, reader.synced]);
    const before = { ...app.platform.collab.limitStats };
    let closed = false;
    void writer.closed.then(() => {
      closed = true;
    });
    // Two seconds of a pen stroke on a 144 Hz screen (one update per frame), sent all at once.
    const points = new Y.Array<number>();
    writer.doc.getArray<Y.Array<number>>('strokes').push([points]);
    for (let frame = 0; frame < 288; frame++) points.push([frame, frame]);
    await reader.until((doc) => (doc.getArray<Y.Array<number>>('strokes').get(0)?.length ?? 0) === 576);
    expect(closed).toBe(false);
    expect(app.platform.collab.limitStats).toEqual(before);
    writer.close();
    reader.close();
  });

  it('refuses bad tokens, strangers and unknown namespaces', async () => {
    const stranger = await makeAccount(app);
    const token = (await signIn(app, stranger)).accessToken;
    await expect(openCollabDocument(url, 'test.board', token).authenticated).rejects.toThrow('forbidden');
    await expect(openCollabDocument(url, 'test.board', 'not-a-token-at-all').authenticated).rejects.toThrow(
      'invalid-token',
    );
    await expect(openCollabDocument(url, 'other.board', alice.token).authenticated).rejects.toThrow(
      'unknown-document',
    );
    const res = await app.inject({ method: 'GET', url: '/collab' });
    expect(res.statusCode).toBe(426);
  });

  it('makes open clients reconnect and authorize again when access changes', async () => {
    const writer = openCollabDocument(url, 'test.frozen', alice.token);
    expect(await writer.authenticated).toBe('read-write');
    await writer.synced;
    frozen.add('test.frozen');
    await app.platform.collab.reauthorize('test.frozen');
    expect(await writer.closed).toBe(4205);
    const again = openCollabDocument(url, 'test.frozen', alice.token);
    expect(await again.authenticated).toBe('readonly');
    again.close();
  });
});
