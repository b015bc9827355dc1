import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type App, buildApp } from '../http/app.js';
import { createTestDatabase, makeAccount, signIn, type TestDatabase, testConfig } from '../testing/index.js';
import { openCollabDocument } from './client.js';
import { redisConnectionOptions } from './redis.js';

const redisUrl = process.env.REDIS_URL?.trim();
if (!redisUrl) {
  process.stdout.write('SKIPPED: collab documents shared through Redis (set REDIS_URL to run them)\n');
}

describe('redisConnectionOptions', () => {
  it('reads host, port, credentials, database and TLS from REDIS_URL', () => {
    expect(redisConnectionOptions('redis://127.0.0.1:6379')).toEqual({
      host: '127.0.0.1',
      port: 6379,
      options: {},
    });
    expect(redisConnectionOptions('rediss://user:p%40ss@cache.internal/2')).toEqual({
      host: 'cache.internal',
      port: 6379,
      options: { username: 'user', password: 'p@ss', db: 2, tls: {} },
    });
    expect(redisConnectionOptions('redis://:secret@[::1]:6380').host).toBe('::1');
  });
});

// Two instances over one database and one Redis: a document open on both stays one document.
describe.skipIf(!redisUrl)('collab documents shared through Redis', () => {
  let database: TestDatabase;
  const apps: App[] = [];
  const urls: string[] = [];
  // Both instances persist into one store, standing in for the app's table.
  const stored = new Map<string, Uint8Array>();
  let token = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    for (const instance of ['collab-a', 'collab-b']) {
      const app = await buildApp(
        testConfig(database.url, { REDIS_URL: redisUrl ?? '', INSTANCE_ID: `${instance}-${randomUUID()}` }),
        { apps: [] },
      );
      app.platform.collab.register('test', {
        authorize: async () => 'write',
        load: async (name) => stored.get(name) ?? null,
        store: async (name, state) => {
          stored.set(name, state);
        },
      });
      await app.listen({ host: '127.0.0.1', port: 0 });
      apps.push(app);
      urls.push(`ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/collab`);
    }
    const [first] = apps as [App];
    const account = await makeAccount(first);
    token = (await signIn(first, account)).accessToken;
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await database?.drop();
  });

  it('relays changes between clients on different instances, both ways', async () => {
    expect(apps.every((app) => app.platform.collab.shared)).toBe(true);
    const [urlA, urlB] = urls as [string, string];
    // A fresh name per run: Redis outlives test runs.
    const name = `test.board-${randomUUID()}`;
    const onA = openCollabDocument(urlA, name, token);
    const onB = openCollabDocument(urlB, name, token);
    await Promise.all([onA.synced, onB.synced]);
    onA.doc.getArray<string>('strokes').push(['from A']);
    await onB.until((doc) => doc.getArray('strokes').toArray().includes('from A'));
    onB.doc.getArray<string>('strokes').push(['from B']);
    await onA.until((doc) => doc.getArray('strokes').toArray().includes('from B'));

    // A client joining later on B gets what was written on A.
    const late = openCollabDocument(urlB, name, token);
    await late.synced;
    await late.until((doc) => doc.getArray('strokes').length === 2);
    for (const client of [onA, onB, late]) client.close();
  });

  it('keeps the changes of both instances in the stored state', async () => {
    const [urlA, urlB] = urls as [string, string];
    const name = `test.board-${randomUUID()}`;
    const onA = openCollabDocument(urlA, name, token);
    const onB = openCollabDocument(urlB, name, token);
    await Promise.all([onA.synced, onB.synced]);
    onA.doc.getArray<string>('strokes').push(['a1']);
    onB.doc.getArray<string>('strokes').push(['b1']);
    await Promise.all([
      onA.until((doc) => doc.getArray('strokes').length === 2),
      onB.until((doc) => doc.getArray('strokes').length === 2),
    ]);
    onA.close();
    onB.close();
    // Each instance stores when its last client leaves; wait for a state holding both changes.
    const holdsBoth = () => {
      const state = stored.get(name);
      if (!state) return false;
      const copy = new Y.Doc();
      Y.applyUpdate(copy, state);
      const strokes = copy.getArray<string>('strokes').toArray();
      return strokes.includes('a1') && strokes.includes('b1');
    };
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error('never stored with both changes')), 10_000);
      const poll = () => {
        if (holdsBoth()) {
          clearTimeout(deadline);
          resolve();
        } else setTimeout(poll, 20);
      };
      poll();
    });
  });

  it('drops the clients of a document on every instance when it is reauthorized', async () => {
    const [urlA, urlB] = urls as [string, string];
    const [first] = apps as [App];
    const name = `test.board-${randomUUID()}`;
    const onA = openCollabDocument(urlA, name, token);
    const onB = openCollabDocument(urlB, name, token);
    await Promise.all([onA.synced, onB.synced]);
    await first.platform.collab.reauthorize(name);
    expect(await onA.closed).toBe(4205);
    expect(await onB.closed).toBe(4205);
  });
});
