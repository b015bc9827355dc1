import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { importJWK, type JWK, SignJWT } from 'jose';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/app.js';
import {
  bearer,
  createTestDatabase,
  makeAccount,
  signIn,
  type TestDatabase,
  testConfig,
} from '../testing/index.js';

let database: TestDatabase;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp(testConfig(database.url), { apps: [] });
});

afterAll(async () => {
  await app.close();
  await database.drop();
});

describe('every route states who may call it', () => {
  it('has an access rule on every registered route, and non-public ones refuse anonymous callers', async () => {
    expect(app.routeAccess.length).toBeGreaterThan(20);
    const guarded = app.routeAccess.filter((r) => r.access.kind !== 'public' && r.method !== 'HEAD');
    expect(guarded.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['GET /api/v1/me', 'POST /api/v1/api-keys', 'POST /api/v1/auth/2fa/setup']),
    );
    for (const route of guarded) {
      const url = route.url.replace(/:(\w+)/g, '00000000-0000-7000-8000-000000000000');
      const res = await app.inject({
        method: route.method as 'GET',
        url,
        payload: route.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});

describe('access tokens', () => {
  it('refuses a correctly signed token that has expired', async () => {
    const account = await makeAccount(app);
    const { accessToken } = await signIn(app, account);
    const row = await app.platform.db
      .selectFrom('platform.signing_keys')
      .select(['kid', 'private_jwk'])
      .where('retired_at', 'is', null)
      .executeTakeFirstOrThrow();
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString());
    const expired = await new SignJWT({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 })
      .setProtectedHeader({ alg: 'RS256', kid: row.kid, typ: 'JWT' })
      .sign(await importJWK(row.private_jwk as JWK, 'RS256'));
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(expired) })).statusCode,
    ).toBe(401);
  });

  it('keeps verifying tokens signed by a rotated-out key', async () => {
    const account = await makeAccount(app);
    const { accessToken } = await signIn(app, account);
    await app.platform.auth.deps.keys.rotate();
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(accessToken) })).statusCode,
    ).toBe(200);
    const fresh = await signIn(app, account);
    expect(fresh.accessToken.split('.')[0]).not.toBe(accessToken.split('.')[0]);
  });
});

describe('API keys', () => {
  it('shows a key once, lets it call only routes of its scope, and stops it when revoked', async () => {
    const account = await makeAccount(app);
    const { accessToken } = await signIn(app, account);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: bearer(accessToken),
      payload: { name: 'CI export', scopes: ['profile:read'], password: account.password },
    });
    expect(created.statusCode).toBe(201);
    const { id, key } = created.json();
    expect(key).toMatch(/^ck_/);
    const list = await app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: bearer(accessToken) });
    expect(list.json().items).toHaveLength(1);
    expect(JSON.stringify(list.json())).not.toContain(key);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(key) })).json().id).toBe(
      account.id,
    );
    const patch = await app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: bearer(key),
      payload: { name: 'x' },
    });
    expect(patch.statusCode).toBe(403);
    await app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${id}`, headers: bearer(accessToken) });
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(key) })).statusCode).toBe(
      401,
    );
  });
});

describe('API key scopes', () => {
  it('lists the scopes this server knows and refuses any other, naming it', async () => {
    const account = await makeAccount(app);
    const { accessToken } = await signIn(app, account);
    const scopes = await app.inject({
      method: 'GET',
      url: '/api/v1/api-keys/scopes',
      headers: bearer(accessToken),
    });
    expect(scopes.json().items).toEqual([
      { scope: 'profile:read', label: { ko: '내 프로필 읽기', en: 'Read my profile' } },
    ]);
    for (const scope of ['storehelper:read', 'profile', 'Profile:read']) {
      const refused = await app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: bearer(accessToken),
        payload: { name: 'x', scopes: ['profile:read', scope], password: account.password },
      });
      expect(refused.statusCode, scope).toBe(400);
      expect(refused.json().error.code).toBe('VALIDATION_FAILED');
      expect(refused.json().error.details.issues[0].path).toBe('body.scopes.1');
    }
    const keys = await app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: bearer(accessToken) });
    expect(keys.json().items).toEqual([]);
  });
});

describe('profile and account deletion', () => {
  it('updates name and language, then deletes the account returning its data', async () => {
    const account = await makeAccount(app);
    const { accessToken } = await signIn(app, account);
    const patched = await app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: bearer(accessToken),
      payload: { name: 'Mina', locale: 'en' },
    });
    expect(patched.json()).toMatchObject({ name: 'Mina', locale: 'en' });
    const refused = await app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: bearer(accessToken),
      payload: { password: 'nope nope nope' },
    });
    expect(refused.statusCode).toBe(401);
    const deleted = await app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: bearer(accessToken),
      payload: { password: account.password },
    });
    expect(deleted.statusCode).toBe(200);
    const exported = deleted.json();
    expect(exported.user.email).toBe(account.email);
    expect(exported.loginHistory.length).toBeGreaterThan(0);
    expect(JSON.stringify(exported)).not.toMatch(/password_hash|totp_secret/);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: account });
    expect(login.statusCode).toBe(401);
  });
});

describe('mail over SMTP', () => {
  it('delivers the verification mail to a real SMTP server, and its link verifies the account', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push(raw);
          callback();
        });
      },
    });
    server.listen(0, '127.0.0.1');
    await once(server.server, 'listening');
    const { port } = server.server.address() as AddressInfo;
    const smtpDb = await createTestDatabase();
    const smtpApp = await buildApp(testConfig(smtpDb.url, { SMTP_URL: `smtp://127.0.0.1:${port}` }), {
      apps: [],
    });
    try {
      // Its mail goes to the SMTP server, not the dev outbox makeAccount verifies through.
      const account = await makeAccount(smtpApp, { email: 'smtp-user@example.test', verified: false });
      expect(received).toHaveLength(1);
      const message = received[0] ?? '';
      expect(message).toMatch(/To: smtp-user@example.test/i);
      // The text part is quoted-printable: undo soft line breaks and the escaped '=' first.
      const decoded = message.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      const token = /token=([A-Za-z0-9_-]+)/.exec(decoded)?.[1];
      expect(token).toBeTruthy();
      const verified = await smtpApp.inject({
        method: 'POST',
        url: '/api/v1/auth/verify-email',
        payload: { token },
      });
      expect(verified.json().user).toMatchObject({ id: account.id, emailVerified: true });
      const outbox = await smtpApp.platform.db.selectFrom('platform.mail_outbox').selectAll().execute();
      expect(outbox).toHaveLength(0);
    } finally {
      await smtpApp.close();
      await smtpDb.drop();
      server.close();
    }
  });
});
