import { createDecipheriv, createECDH, type ECDH, hkdfSync, randomBytes } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerFrame } from '@app/contracts';
import { importJWK, jwtVerify } from 'jose';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
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
} from '../testing/index.js';
import { digestTask } from './service.js';
import { announcement } from './types.js';

const arrived = new EventEmitter();
const mails: string[] = [];
const pushes: { url: string; headers: Record<string, string | string[] | undefined>; body: Buffer }[] = [];
let pushStatus = 201;

let database: TestDatabase;
let app: App;
let wsUrl: string;
let smtp: SMTPServer;
let pushService: Server;
let pushOrigin: string;

/** Waits until `list` holds an item matching `match` (pushed by a local server's handler). */
function waitFor<T>(list: T[], event: string, match: (item: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const found = list.find(match);
  if (found) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nothing matching on ${event} in time`)), timeoutMs);
    const check = () => {
      const hit = list.find(match);
      if (!hit) return;
      clearTimeout(timer);
      arrived.off(event, check);
      resolve(hit);
    };
    arrived.on(event, check);
  });
}

/** RFC 8291 decryption as a browser does it, written here independently of web-push. */
function decryptPush(body: Buffer, browser: ECDH, authSecret: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const serverKey = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  const shared = browser.computeSecret(serverKey);
  const info = Buffer.concat([Buffer.from('WebPush: info\0'), browser.getPublicKey(), serverKey]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, authSecret, info, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero padding.
  return padded.subarray(0, padded.lastIndexOf(2));
}

async function user() {
  const account = await makeAccount(app);
  const token = (await signIn(app, account)).accessToken;
  return { ...account, token };
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push(raw);
        arrived.emit('mail');
        callback();
      });
    },
  });
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  // A push service: takes what web-push sends and answers like FCM/Mozilla autopush would.
  pushService = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(pushStatus).end();
      pushes.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      arrived.emit('push');
    });
  });
  pushService.listen(0, '127.0.0.1');
  await once(pushService, 'listening');
  pushOrigin = `http://127.0.0.1:${(pushService.address() as AddressInfo).port}`;

  database = await createTestDatabase();
  ({ app, wsUrl } = await listenTestApp(database.url, {
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    OUTBOUND_ALLOWED_PRIVATE_HOSTS: '127.0.0.1',
    JOBS_POLL_INTERVAL_MS: '100',
  }));
  await app.platform.jobs.start();
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  smtp?.close();
  pushService?.close();
});

describe('notifications', () => {
  it('arrive live on the user channel, are listed, and are marked read', async () => {
    const me = await user();
    const socket = await openSocket(wsUrl, me.token);
    socket.send({ t: 'sub', id: 1, ch: `user:${me.id}` });
    await socket.next((f) => f.t === 'ack' && f.id === 1);

    const sent = await app.platform.notifications.send(announcement, {
      userId: me.id,
      data: { title: '휴강 안내', body: '내일 수업은 휴강입니다.' },
    });
    const live = (await socket.next((f) => f.t === 'ev' && f.d.event === 'notification.created')) as Extract<
      ServerFrame,
      { t: 'ev' }
    >;
    expect(live.d.payload).toMatchObject({ id: sent?.id, title: '휴강 안내', readAt: null });
    socket.ws.close();

    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/notifications?limit=10',
      headers: bearer(me.token),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      items: [{ id: sent?.id, body: '내일 수업은 휴강입니다.' }],
      nextCursor: null,
    });

    const read = await app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${sent?.id}/read`,
      headers: bearer(me.token),
    });
    expect(read.statusCode).toBe(204);
    const count = await app.inject({
      method: 'GET',
      url: '/api/v1/notifications/unread-count',
      headers: bearer(me.token),
    });
    expect(count.json()).toEqual({ count: 0 });

    for (const n of [1, 2, 3])
      await app.platform.notifications.send(announcement, {
        userId: me.id,
        data: { title: `t${n}`, body: 'b' },
      });
    const page = await app.inject({
      method: 'GET',
      url: '/api/v1/notifications?limit=2',
      headers: bearer(me.token),
    });
    expect(page.json().items.map((i: { title: string }) => i.title)).toEqual(['t3', 't2']);
    const rest = await app.inject({
      method: 'GET',
      url: `/api/v1/notifications?limit=2&cursor=${page.json().nextCursor}`,
      headers: bearer(me.token),
    });
    expect(rest.json().items.map((i: { title: string }) => i.title)).toEqual(['t1', '휴강 안내']);
    const all = await app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: bearer(me.token),
    });
    expect(all.json()).toEqual({ updated: 3 });

    const other = await user();
    const foreign = await app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${sent?.id}/read`,
      headers: bearer(other.token),
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('notifies once per dedupe key', async () => {
    const me = await user();
    const input = { userId: me.id, data: { title: 'once', body: 'b' }, dedupeKey: 'poll-1' };
    const first = await app.platform.notifications.send(announcement, input);
    const second = await app.platform.notifications.send(announcement, input);
    expect(second?.id).toBe(first?.id);
    const count = await app.inject({
      method: 'GET',
      url: '/api/v1/notifications/unread-count',
      headers: bearer(me.token),
    });
    expect(count.json()).toEqual({ count: 1 });
  });

  it('mails at once when the user asks for instant email, through a real SMTP server', async () => {
    const me = await user();
    const pref = await app.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: bearer(me.token),
      payload: { type: 'platform.announcement', channel: 'email', mode: 'instant' },
    });
    expect(pref.statusCode).toBe(204);
    await app.platform.notifications.send(announcement, {
      userId: me.id,
      data: { title: 'Grades are out', body: 'Open the course to see them.' },
    });
    const mail = await waitFor(mails, 'mail', (m) => m.includes(me.email) && m.includes('Grades are out'));
    expect(mail).toMatch(/Open the course to see them/);
  });

  it('collects digest-mode notifications into one daily mail', async () => {
    const me = await user();
    for (const title of ['Digest one', 'Digest two'])
      await app.platform.notifications.send(announcement, { userId: me.id, data: { title, body: 'x' } });
    await app.platform.jobs.enqueue(digestTask, {});
    const mail = await waitFor(mails, 'mail', (m) => m.includes(me.email) && m.includes('Digest one'));
    expect(mail).toContain('Digest two');
    // The flag is cleared once the digest is sent: the next digest will not repeat them.
    const pendingCount = async () =>
      Number(
        (
          await sql<{ n: string }>`select count(*) as n from platform.notifications
            where user_id = ${me.id} and digest_pending`.execute(app.platform.db)
        ).rows[0]?.n,
      );
    while ((await pendingCount()) > 0) await new Promise((resolve) => setImmediate(resolve));
  });

  it('sends scheduled notifications when they are due', async () => {
    const me = await user();
    const at = new Date(Date.now() + 3_600_000);
    const result = await app.platform.notifications.send(announcement, {
      userId: me.id,
      data: { title: 'Reminder', body: 'Class in one hour' },
      at,
      dedupeKey: 'reminder-1',
    });
    expect(result).toBeNull();
    const socket = await openSocket(wsUrl, me.token);
    socket.send({ t: 'sub', id: 1, ch: `user:${me.id}` });
    await socket.next((f) => f.t === 'ack' && f.id === 1);
    await sql`update graphile_worker._private_jobs set run_at = now() where key = ${`notify:${me.id}:reminder-1`}`.execute(
      app.platform.db,
    );
    await sql`select pg_notify('jobs:insert', '')`.execute(app.platform.db);
    const live = await socket.next((f) => f.t === 'ev' && f.d.event === 'notification.created');
    expect(live).toMatchObject({ d: { payload: { title: 'Reminder' } } });
    socket.ws.close();
  });

  it('sends an encrypted web push signed with the VAPID key, and drops gone subscriptions', async () => {
    const me = await user();
    const browser = createECDH('prime256v1');
    browser.generateKeys();
    const auth = randomBytes(16).toString('base64url');
    const endpoint = `${pushOrigin}/push/${randomBytes(6).toString('hex')}`;
    const subscribed = await app.inject({
      method: 'POST',
      url: '/api/v1/notifications/push/subscriptions',
      headers: bearer(me.token),
      payload: { endpoint, keys: { p256dh: browser.getPublicKey().toString('base64url'), auth } },
    });
    expect(subscribed.statusCode).toBe(204);
    const { publicKey } = (await app.inject({ method: 'GET', url: '/api/v1/notifications/push/key' })).json();

    await app.platform.notifications.send(announcement, {
      userId: me.id,
      data: { title: '새 메시지', body: '안녕하세요' },
    });
    const push = await waitFor(pushes, 'push', (p) => endpoint.endsWith(p.url));
    expect(push.headers['content-encoding']).toBe('aes128gcm');
    // The message is readable only with the browser's private key and auth secret (RFC 8291).
    const clear = decryptPush(push.body, browser, Buffer.from(auth, 'base64url'));
    expect(JSON.parse(clear.toString('utf8'))).toMatchObject({ title: '새 메시지', body: '안녕하세요' });
    // VAPID (RFC 8292): a JWT for the push service's origin, signed by the key browsers subscribed with.
    const [, token, key] = /^vapid t=([^,]+), k=(.+)$/.exec(String(push.headers.authorization)) ?? [];
    expect(key).toBe(publicKey);
    const raw = Buffer.from(publicKey, 'base64url');
    const jwk = {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33).toString('base64url'),
    };
    const { payload } = await jwtVerify(token ?? '', await importJWK(jwk, 'ES256'));
    expect(payload.aud).toBe(pushOrigin);

    pushStatus = 410;
    const before = pushes.length;
    await app.platform.notifications.send(announcement, {
      userId: me.id,
      data: { title: 'gone', body: 'x' },
    });
    await waitFor(pushes, 'push', (p) => pushes.indexOf(p) >= before && endpoint.endsWith(p.url));
    pushStatus = 201;
    for (;;) {
      const left = await sql`select 1 from platform.push_subscriptions where endpoint = ${endpoint}`.execute(
        app.platform.db,
      );
      if (left.rows.length === 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
  });

  it('refuses push endpoints on private addresses', async () => {
    const me = await user();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/notifications/push/subscriptions',
      headers: bearer(me.token),
      payload: {
        endpoint: 'http://169.254.169.254/latest/meta-data',
        keys: {
          p256dh: createECDH('prime256v1').generateKeys().toString('base64url'),
          auth: 'AAAAAAAAAAAAAAAAAAAAAA',
        },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('UNSAFE_URL');
  });
});
