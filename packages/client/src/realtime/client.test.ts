import type { App } from '@app/platform';
import {
  createTestDatabase,
  listenTestApp,
  makeAccount,
  signIn,
  type TestDatabase,
} from '@app/platform/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { backoffDelay } from './backoff.js';
import { type ChannelEvent, RealtimeClient, type SocketLike } from './client.js';

let database: TestDatabase;
let app: App;
let url: string;
let userId: string;
let token: string;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, wsUrl: url } = await listenTestApp(database.url));
  const account = await makeAccount(app);
  userId = account.id;
  token = (await signIn(app, account)).accessToken;
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const createSocket = (target: string) => new WebSocket(target) as unknown as SocketLike;

function nextEvent(events: ChannelEvent[], name: string, timeoutMs = 5_000): Promise<ChannelEvent> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const look = () => {
      const found = events.findIndex((e) => e.event === name);
      if (found >= 0) return resolve(events.splice(found, 1)[0] as ChannelEvent);
      if (Date.now() > deadline) return reject(new Error(`no ${name} event`));
      setTimeout(look, 10);
    };
    look();
  });
}

describe('backoff', () => {
  it('stays within the exponential cap and never exceeds the maximum', () => {
    fc.assert(
      fc.property(
        fc.nat(100),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => {
          const delay = backoffDelay(attempt, 500, 30_000, () => r);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(Math.min(30_000, 500 * 2 ** attempt));
        },
      ),
    );
  });
});

describe('RealtimeClient', () => {
  it('connects, receives channel events, and restores its subscription after the server drops it', async () => {
    const client = new RealtimeClient({
      url,
      getToken: async () => token,
      createSocket,
      backoff: { baseMs: 20, maxMs: 100 },
    });
    const states: string[] = [];
    client.onState((s) => states.push(s));
    await client.connect();
    const events: ChannelEvent[] = [];
    let resubscribed = 0;
    await client.subscribe(`user:${userId}`, (e) => events.push(e), { onResubscribed: () => resubscribed++ });
    await app.platform.realtime.publish(`user:${userId}`, 'notification', { n: 1 });
    expect((await nextEvent(events, 'notification')).payload).toEqual({ n: 1 });

    // The instance restarts (1001): the client comes back and re-joins its channel by itself.
    app.platform.realtime.close();
    const deadline = Date.now() + 5_000;
    while (resubscribed === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(resubscribed).toBe(1);
    expect(states).toContain('reconnecting');
    await app.platform.realtime.publish(`user:${userId}`, 'notification', { n: 2 });
    expect((await nextEvent(events, 'notification')).payload).toEqual({ n: 2 });
    client.close();
  });

  it('asks for a fresh token when the server refuses the one it has', async () => {
    const asked: boolean[] = [];
    const client = new RealtimeClient({
      url,
      getToken: async (fresh) => {
        asked.push(fresh);
        return fresh ? token : 'expired.or.revoked.token';
      },
      createSocket,
      backoff: { baseMs: 10, maxMs: 50 },
    });
    await client.connect();
    expect(asked).toEqual([false, true]);
    await expect(
      client.subscribe(`user:00000000-0000-7000-8000-000000000000`, () => {}),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    client.close();
  });
});
