import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/app.js';
import {
  ageUsedRefreshToken,
  bearer,
  createTestDatabase,
  makeAccount,
  signIn,
  type TestDatabase,
  testConfig,
} from '../testing/index.js';

// Finding 11 of the attack run: error answers without their request id, a deleted account's
// token causing 500s, and two tabs refreshing at once signing each other out.
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

const refresh = (refreshToken: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } });

describe('error answers', () => {
  it('carry the request id, also when the access rule refuses a malformed token', async () => {
    const signed = await app.platform.auth.deps.keys.sign({ sub: 'not-a-uuid', sid: 'also-not-one' });
    const [header, payload] = signed.split('.');
    const forged = `${header}.${Buffer.from('{"sub":{"$ne":1}}').toString('base64url')}.${payload}`;
    for (const token of [signed, forged]) {
      const res = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { ...bearer(token), 'x-request-id': 'trace-4711' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
      expect(res.headers['x-request-id']).toBe('trace-4711');
    }
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(unknown.headers['x-request-id']).toEqual(expect.any(String));
  });
});

describe('a gone account', () => {
  it("answers 401 everywhere for a deleted account's still-valid access token", async () => {
    const account = await makeAccount(app);
    const { accessToken } = await signIn(app, account);
    const deleted = await app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: bearer(accessToken),
      payload: { password: account.password },
    });
    expect(deleted.statusCode).toBe(200);
    const calls = [
      { method: 'GET', url: '/api/v1/me' },
      { method: 'GET', url: '/api/v1/auth/sessions' },
      { method: 'GET', url: '/api/v1/files/usage' },
      { method: 'GET', url: '/api/v1/notifications/unread-count' },
      {
        method: 'PUT',
        url: '/api/v1/notifications/preferences',
        payload: { type: '*', channel: 'email', mode: 'off' },
      },
      { method: 'POST', url: '/api/v1/auth/2fa/setup' },
    ] as const;
    for (const call of calls) {
      const res = await app.inject({ ...call, headers: bearer(accessToken) });
      expect(res.statusCode, `${call.method} ${call.url}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('stops the access token of a signed-out session at once', async () => {
    const account = await makeAccount(app);
    const { accessToken } = await signIn(app, account);
    const logout = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: bearer(accessToken),
    });
    expect(logout.statusCode).toBe(200);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(accessToken) });
    expect(me.statusCode).toBe(401);
  });
});

describe('refresh token reuse grace', () => {
  it('gives two tabs refreshing with the same token the same successor, and both go on', async () => {
    const account = await makeAccount(app);
    const first = await signIn(app, account);
    const [a, b] = await Promise.all([refresh(first.refreshToken), refresh(first.refreshToken)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().refreshToken).toBe(b.json().refreshToken);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(b.json().accessToken) });
    expect(me.statusCode).toBe(200);
    // The shared successor rotates on as usual, and the session is alive.
    const next = await refresh(a.json().refreshToken);
    expect(next.statusCode).toBe(200);
    // A late replay of the successor follows the chain to the newest token.
    const late = await refresh(a.json().refreshToken);
    expect(late.json().refreshToken).toBe(next.json().refreshToken);
  });

  it('still revokes the session when a used token comes back after the grace window', async () => {
    const account = await makeAccount(app);
    const first = await signIn(app, account);
    const second = (await refresh(first.refreshToken)).json();
    await ageUsedRefreshToken(app, first.refreshToken);
    const replay = await refresh(first.refreshToken);
    expect(replay.json().error.code).toBe('TOKEN_REUSED');
    expect((await refresh(second.refreshToken)).json().error.code).toBe('INVALID_TOKEN');
    // The revoked session's access tokens stop too.
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(second.accessToken) });
    expect(me.statusCode).toBe(401);
  });
});
