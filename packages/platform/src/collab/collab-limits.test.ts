import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { type App, buildApp } from '../http/app.js';
import { createTestDatabase, makeAccount, signIn, type TestDatabase, testConfig } from '../testing/index.js';
import { type CollabClient, openCollabDocument } from './client.js';
import { collabCloseCodes } from './limits.js';

// Small limits so the tests reach them quickly. A document's burst is above a socket's, as with
// the defaults: one flooding socket is closed before it can spend its document's budget.
const LIMITS = {
  COLLAB_CONNECTION_MESSAGES_PER_S: '20',
  COLLAB_CONNECTION_MESSAGE_BURST: '100',
  COLLAB_CONNECTION_BYTE_BURST: String(32 * 1024 * 1024),
  COLLAB_DOCUMENT_MESSAGES_PER_S: '50',
  COLLAB_DOCUMENT_MESSAGE_BURST: '200',
  COLLAB_DOCUMENT_BYTE_BURST: String(64 * 1024 * 1024),
  COLLAB_MAX_BUFFERED_BYTES: String(256 * 1024),
  COLLAB_MAX_DOCUMENTS_PER_SOCKET: '3',
  COLLAB_MAX_CONNECTIONS_PER_USER: '3',
  COLLAB_MAX_CONNECTIONS_PER_USER_DOCUMENT: '2',
  COLLAB_MAX_CONNECTIONS_PER_DOCUMENT: '4',
};
const CONNECTION_RATE = 20;
const CONNECTION_BURST = 100;

let database: TestDatabase;
let app: App;
let origin: string;
let url: string;
const stored = new Map<string, Uint8Array>();

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp(testConfig(database.url, LIMITS), { apps: [] });
  // Everyone signed in may write; state lives in a map standing in for a table.
  app.platform.collab.register('test', {
    authorize: async () => 'write',
    load: async (name) => stored.get(name) ?? null,
    store: async (name, state) => {
      stored.set(name, state);
    },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  url = `${origin.replace('http', 'ws')}/collab`;
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

/** A fresh account's access token (each test its own people, so caps do not carry over). */
async function person(): Promise<string> {
  return (await signIn(app, await makeAccount(app))).accessToken;
}

async function open(name: string, token?: string): Promise<CollabClient> {
  const client = openCollabDocument(url, name, token ?? (await person()));
  await client.synced;
  return client;
}

/** Adds a pen stroke `id` to the client's board and returns its points array. */
function stroke(client: CollabClient, id: string): Y.Array<number> {
  const map = new Y.Map<unknown>();
  const points = new Y.Array<number>();
  client.doc.transact(() => {
    map.set('id', id);
    map.set('points', points);
    client.doc.getArray<Y.Map<unknown>>('shapes').push([map]);
  });
  return points;
}

function pointsOf(doc: Y.Doc, id: string): number {
  const map = doc
    .getArray<Y.Map<unknown>>('shapes')
    .toArray()
    .find((shape) => shape.get('id') === id);
  return (map?.get('points') as Y.Array<number> | undefined)?.length ?? 0;
}

/** Whether the socket was closed by the server so far (checked without waiting). */
function watchClosed(client: CollabClient): () => number | undefined {
  let code: number | undefined;
  void client.closed.then((c) => {
    code = c;
  });
  return () => code;
}

describe('collab limits', () => {
  it('closes a flooding socket with 4429 while /health answers and the honest writer keeps drawing', async () => {
    const name = 'test.flood';
    const writer = await open(name);
    const reader = await open(name);
    const flooder = await open(name);
    const honest = stroke(writer, 'honest');
    honest.push([1, 2]);
    const flood = stroke(flooder, 'flood');
    const started = performance.now();
    // Small updates as fast as the client can make them (each its own message), with a /health
    // request sent in the middle of the flood.
    for (let i = 0; i < 1_000; i++) flood.push([i]);
    const health = fetch(`${origin}/health`);
    for (let i = 0; i < 1_000; i++) flood.push([i]);
    expect(await flooder.closed).toBe(collabCloseCodes.RATE_LIMITED);
    const elapsedS = (performance.now() - started) / 1000;
    expect((await health).status).toBe(200);
    expect(app.platform.collab.limitStats.rateLimited).toBeGreaterThanOrEqual(1);

    // The honest pair goes on; the server applied no more of the flood than the socket's budget.
    honest.push([3, 4]);
    await reader.until((doc) => pointsOf(doc, 'honest') === 4);
    const applied = pointsOf(reader.doc, 'flood');
    expect(applied).toBeLessThanOrEqual(CONNECTION_BURST + CONNECTION_RATE * elapsedS);
    writer.close();
    reader.close();
    // Stored when the last client left: a new client gets the honest stroke back.
    const again = await open(name);
    await again.until((doc) => pointsOf(doc, 'honest') === 4);
    again.close();
  });

  it('does not give a flooder a fresh budget when it reconnects', async () => {
    const name = 'test.reconnect';
    const token = await person();
    const started = performance.now();
    let applied = 0;
    for (let round = 0; round < 3; round++) {
      const flooder = openCollabDocument(url, name, token);
      // With its user's budget spent, a reconnected flooder may be closed before it has synced.
      const synced = await Promise.race([flooder.synced.then(() => true), flooder.closed.then(() => false)]);
      if (synced) {
        const flood = stroke(flooder, `flood${round}`);
        for (let i = 0; i < 1_000; i++) flood.push([i]);
      }
      expect(await flooder.closed).toBe(collabCloseCodes.RATE_LIMITED);
    }
    const elapsedS = (performance.now() - started) / 1000;
    const check = await open(name);
    for (let round = 0; round < 3; round++) applied += pointsOf(check.doc, `flood${round}`);
    // One budget for the user across its three sockets, not three.
    expect(applied).toBeLessThanOrEqual(CONNECTION_BURST + CONNECTION_RATE * elapsedS);
    check.close();
  });

  it('throttles writers that together exceed their document budget, without dropping or closing them', async () => {
    const name = 'test.shared';
    const reader = await open(name);
    const writers = await Promise.all([open(name), open(name), open(name)]);
    const closed = writers.map(watchClosed);
    const throttledBefore = app.platform.collab.limitStats.throttled;
    // 3 x 90 updates at once: under each socket's burst (100), over the document's (200).
    writers.forEach((writer, w) => {
      const points = stroke(writer, `w${w}`);
      for (let i = 0; i < 90; i++) points.push([i]);
    });
    await reader.until((doc) => [0, 1, 2].every((w) => pointsOf(doc, `w${w}`) === 90), 30_000);
    expect(app.platform.collab.limitStats.throttled).toBeGreaterThan(throttledBefore);
    expect(closed.map((code) => code())).toEqual([undefined, undefined, undefined]);
    for (const client of [reader, ...writers]) client.close();
  });

  it('closes a socket that does not read with 4508 once too much waits for it', async () => {
    const name = 'test.slow';
    const writer = await open(name);
    const reader = await open(name);
    const slow = await open(name);
    slow.pause();
    // 24 MiB in 384 KiB updates: more than the loopback buffers hold, so it piles up on the server.
    const text = 'x'.repeat(384 * 1024);
    const notes = writer.doc.getArray<string>('notes');
    for (let i = 0; i < 64; i++) notes.push([text]);
    // The reader got everything, so the server has handed every update to the slow socket too.
    await reader.until((doc) => doc.getArray('notes').length === 64, 30_000);
    slow.resume();
    expect(await slow.closed).toBe(collabCloseCodes.SLOW_CONSUMER);
    expect(app.platform.collab.limitStats.slowConsumers).toBeGreaterThanOrEqual(1);
    writer.close();
    reader.close();
  });

  it('caps connections per user, per user and document, and per document', async () => {
    const token = await person();
    const first = await open('test.capA', token);
    const second = await open('test.capA', token);
    await expect(openCollabDocument(url, 'test.capA', token).authenticated).rejects.toThrow(
      'too-many-connections',
    );
    const third = await open('test.capB', token);
    await expect(openCollabDocument(url, 'test.capC', token).authenticated).rejects.toThrow(
      'too-many-connections',
    );
    // A slot comes back when a connection ends (once the server has seen the socket close).
    first.close();
    await first.closed;
    let again: CollabClient | undefined;
    for (let attempt = 0; !again; attempt++) {
      const client = openCollabDocument(url, 'test.capC', token);
      if (await client.authenticated.then(() => true).catch(() => false)) again = client;
      else {
        client.close();
        if (attempt > 50) throw new Error('the slot never came back');
      }
    }
    for (const client of [second, third, again]) client.close();

    const full = await Promise.all([1, 2, 3, 4].map(() => open('test.full')));
    await expect(openCollabDocument(url, 'test.full', await person()).authenticated).rejects.toThrow(
      'too-many-connections',
    );
    for (const client of full) client.close();
  });

  it('closes a socket that opens more documents than allowed with 4429', async () => {
    const token = await person();
    const ws = new WebSocket(url);
    const closed = new Promise<number>((resolve) => ws.on('close', resolve));
    await new Promise((resolve) => ws.once('open', resolve));
    for (const name of ['test.d1', 'test.d2', 'test.d3', 'test.d4']) {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, name);
      encoding.writeVarUint(encoder, 2); // auth
      encoding.writeVarUint(encoder, 0); // token
      encoding.writeVarString(encoder, token);
      ws.send(encoding.toUint8Array(encoder));
    }
    expect(await closed).toBe(collabCloseCodes.RATE_LIMITED);
  });
});
