import { createHmac, timingSafeEqual } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withConfig } from '../config/index.js';
import { type App, buildApp } from '../http/app.js';
import {
  bearer,
  createTestDatabase,
  makeAccount,
  signIn,
  type TestDatabase,
  testConfig,
} from '../testing/index.js';
import { webhookEvent } from './service.js';

const reviewCreated = webhookEvent(
  'storehelper',
  'review.created',
  'A review was collected',
  z.object({ reviewId: z.string(), rating: z.number() }),
);

/**
 * Standard Webhooks verification as a receiver writes it from the spec (not our signer): HMAC-SHA256
 * of `id.timestamp.body` with the base64-decoded secret, compared in constant time against each
 * `v1,` signature, and a timestamp within five minutes.
 */
function verifyStandardWebhook(
  secret: string,
  headers: IncomingHttpHeaders,
  body: string,
  nowS: number,
): boolean {
  const id = String(headers['webhook-id'] ?? '');
  const timestamp = String(headers['webhook-timestamp'] ?? '');
  if (!id || !/^\d+$/.test(timestamp) || Math.abs(nowS - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.split('_')[1] ?? '', 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return String(headers['webhook-signature'] ?? '')
    .split(' ')
    .some((entry) => {
      const [version, signature] = entry.split(',');
      const given = Buffer.from(signature ?? '', 'base64');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

const received: { headers: IncomingHttpHeaders; body: string; status: number }[] = [];
const arrived = new EventEmitter();
let failuresLeft = 0;
let receiver: Server;
let receiverUrl: string;
let database: TestDatabase;
let app: App;
/** Names the fake resolver was asked for (no lookup leaves the machine). */
const dnsAsked: string[] = [];

function deliveries(count: number, timeoutMs = 15_000): Promise<void> {
  if (received.length >= count) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${received.length} of ${count} deliveries`)), timeoutMs);
    const check = () => {
      if (received.length < count) return;
      clearTimeout(timer);
      arrived.off('hit', check);
      resolve();
    };
    arrived.on('hit', check);
  });
}

/** Skips the backoff wait of the webhook job waiting for its retry (once it is waiting). */
async function retryNow(): Promise<void> {
  for (;;) {
    const { rows } = await sql`update graphile_worker._private_jobs set run_at = now()
      where task_id = (select id from graphile_worker._private_tasks where identifier = 'webhooks.deliver')
        and locked_at is null and run_at > now()
      returning id`.execute(app.platform.db);
    if (rows.length > 0) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  await sql`select pg_notify('jobs:insert', '')`.execute(app.platform.db);
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const status = failuresLeft > 0 ? 500 : 204;
      if (failuresLeft > 0) failuresLeft--;
      res.writeHead(status).end();
      received.push({ headers: req.headers, body, status });
      arrived.emit('hit');
    });
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  database = await createTestDatabase();
  const config = testConfig(database.url, {
    // Only the receiver's own address and port may be private.
    OUTBOUND_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${(receiver.address() as AddressInfo).port}`,
    JOBS_POLL_INTERVAL_MS: '100',
    WEBHOOK_DISABLE_AFTER_FAILURES: '2',
  });
  const resolve = async (hostname: string) => {
    dnsAsked.push(hostname);
    if (hostname === 'hooks.example.com') return ['93.184.215.14', '192.168.0.10'];
    throw new Error(`fake DNS has no ${hostname}`);
  };
  app = await buildApp(withConfig(config, { outbound: { resolve } }), { apps: [] });
  app.platform.webhooks.registerEvents(reviewCreated);
  await app.platform.jobs.start();
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  receiver?.close();
});

async function owner() {
  const account = await makeAccount(app);
  return { ...account, token: (await signIn(app, account)).accessToken };
}

describe('webhooks', () => {
  it('delivers signed events, retries after 500s with the same id, and logs every delivery', async () => {
    const me = await owner();
    const catalogue = await app.inject({
      method: 'GET',
      url: '/api/v1/webhooks/events?app=storehelper',
      headers: bearer(me.token),
    });
    expect(catalogue.json().items).toEqual([
      { name: 'review.created', description: 'A review was collected' },
    ]);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/endpoints',
      headers: bearer(me.token),
      payload: { app: 'storehelper', url: receiverUrl, events: ['review.created'] },
    });
    expect(created.statusCode).toBe(201);
    const { id: endpointId, secret } = created.json();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);

    failuresLeft = 2;
    const start = received.length;
    // Scoped to the owner: a stranger's emit reaches nobody.
    expect(
      await app.platform.webhooks.emit(
        reviewCreated,
        { reviewId: 'r-0', rating: 1 },
        { ownerId: (await owner()).id },
      ),
    ).toBe(0);
    expect(
      await app.platform.webhooks.emit(reviewCreated, { reviewId: 'r-1', rating: 5 }, { ownerId: me.id }),
    ).toBe(1);
    await deliveries(start + 1);
    await retryNow();
    await deliveries(start + 2);
    await retryNow();
    await deliveries(start + 3);
    const attempts = received.slice(start);
    expect(attempts.map((a) => a.status)).toEqual([500, 500, 204]);
    const nowS = Math.floor(Date.now() / 1000);
    for (const attempt of attempts)
      expect(verifyStandardWebhook(secret, attempt.headers, attempt.body, nowS)).toBe(true);
    expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1);
    expect(JSON.parse(attempts[2]?.body ?? '')).toMatchObject({
      type: 'review.created',
      data: { reviewId: 'r-1', rating: 5 },
    });
    // A tampered body or another secret does not verify.
    expect(verifyStandardWebhook(secret, attempts[2]?.headers ?? {}, '{"type":"x"}', nowS)).toBe(false);
    expect(
      verifyStandardWebhook(
        `whsec_${Buffer.alloc(32).toString('base64')}`,
        attempts[2]?.headers ?? {},
        attempts[2]?.body ?? '',
        nowS,
      ),
    ).toBe(false);

    let log = await app.inject({
      method: 'GET',
      url: `/api/v1/webhooks/endpoints/${endpointId}/deliveries`,
      headers: bearer(me.token),
    });
    while (log.json().items[0]?.status === 'pending')
      log = await app.inject({
        method: 'GET',
        url: `/api/v1/webhooks/endpoints/${endpointId}/deliveries`,
        headers: bearer(me.token),
      });
    expect(log.json().items).toMatchObject([
      {
        event: 'review.created',
        status: 'succeeded',
        attempts: 3,
        responseStatus: 204,
        messageId: attempts[0]?.headers['webhook-id'],
      },
    ]);
  });

  it('refuses every unsafe URL form when an endpoint is created or changed (400 UNSAFE_URL)', async () => {
    const me = await owner();
    const create = (url: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/webhooks/endpoints',
        headers: bearer(me.token),
        payload: { app: 'storehelper', url, events: ['review.created'] },
      });
    const port = new URL(receiverUrl).port;
    for (const url of [
      // loopback, in every notation; the receiver's allowance is for its own port only
      'http://127.0.0.1/hook',
      `http://127.0.0.2:${port}/hook`,
      'http://2130706433/',
      'http://0x7f.1/',
      'http://0177.0.0.1/',
      'http://127.1/',
      'http://127.0.0.1./',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:7f00:1]/',
      'http://[0:0:0:0:0:ffff:7f00:1]/',
      'http://[::127.0.0.1]/',
      // private, shared, link-local, documentation, benchmarking, unspecified
      'http://10.1.2.3/hook',
      'http://172.16.0.1/',
      'http://192.168.1.1/',
      'http://100.64.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://198.18.0.1/',
      'http://192.0.2.1/',
      'http://0.0.0.0/',
      'http://[::]/',
      // IPv6 ranges and IPv4 tunnelled in IPv6
      'http://[fc00::1]/',
      'http://[fd12:3456::1]/',
      'http://[fe80::1]/',
      'http://[ff02::1]/',
      'http://[2001:db8::1]/',
      'http://[64:ff9b::a00:1]/',
      'http://[64:ff9b:1::1]/',
      'http://[2002:7f00:1::1]/',
      'http://[2001:0:7f00:1::1]/',
      // names of this machine and of internal networks
      'http://localhost/',
      'http://LOCALHOST./',
      'http://app.localhost/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://printer.local/',
      'http://redis:6379/',
      // credentials in the URL (other schemes already fail the route's schema)
      'http://user:secret@hooks.example.com/',
    ]) {
      const refused = await create(url);
      expect([url, refused.statusCode, refused.json().error?.code]).toEqual([url, 400, 'UNSAFE_URL']);
    }
    const created = await create(receiverUrl);
    expect(created.statusCode).toBe(201);
    const changed = await app.inject({
      method: 'PATCH',
      url: `/api/v1/webhooks/endpoints/${created.json().id}`,
      headers: bearer(me.token),
      payload: { url: 'http://[::ffff:a9fe:a9fe]/' },
    });
    expect([changed.statusCode, changed.json().error?.code]).toEqual([400, 'UNSAFE_URL']);
    expect(dnsAsked).toEqual([]);
  });

  it('refuses at delivery a name that resolves to a private address, and disables the endpoint', async () => {
    const me = await owner();
    // An ordinary public name passes creation; what it resolves to is checked when connecting.
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/endpoints',
      headers: bearer(me.token),
      payload: { app: 'storehelper', url: 'http://hooks.example.com/hook', events: ['review.created'] },
    });
    expect(created.statusCode).toBe(201);
    const unknownEvent = await app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/endpoints',
      headers: bearer(me.token),
      payload: { app: 'storehelper', url: receiverUrl, events: ['order.paid'] },
    });
    expect(unknownEvent.statusCode).toBe(400);

    const before = received.length;
    for (const n of [1, 2])
      await app.platform.webhooks.emit(reviewCreated, { reviewId: `p-${n}`, rating: 3 }, { ownerId: me.id });
    const url = `/api/v1/webhooks/endpoints/${created.json().id}`;
    let listed = await app.inject({
      method: 'GET',
      url: '/api/v1/webhooks/endpoints?app=storehelper',
      headers: bearer(me.token),
    });
    while (listed.json().items[0]?.enabled !== false)
      listed = await app.inject({
        method: 'GET',
        url: '/api/v1/webhooks/endpoints?app=storehelper',
        headers: bearer(me.token),
      });
    expect(listed.json().items[0].disabledReason).toMatch(/2 deliveries in a row failed/);
    const log = await app.inject({ method: 'GET', url: `${url}/deliveries`, headers: bearer(me.token) });
    expect(log.json().items).toHaveLength(2);
    // Refused at once (no retry), and the user is not told which internal address the name has.
    for (const item of log.json().items) {
      expect(item).toMatchObject({
        status: 'failed',
        attempts: 1,
        error: expect.stringMatching(/non-public/),
      });
      expect(item.error).not.toMatch(/192\.168/);
    }
    expect(dnsAsked).toEqual(['hooks.example.com', 'hooks.example.com']);
    expect(received.length).toBe(before);
  });
});
