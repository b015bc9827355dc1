import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/app.js';
import {
  ageUsedRefreshToken,
  bearer,
  createTestDatabase,
  makeAccount,
  type TestDatabase,
  testConfig,
} from '../testing/index.js';
import { REFRESH_COOKIE, SESSION_HINT_COOKIE } from './web-session.js';

// The web's cookie transport for refresh tokens, next to the unchanged JSON contract of API clients.
let database: TestDatabase;
let app: App;
let httpsApp: App;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp(testConfig(database.url), { apps: [] });
  httpsApp = await buildApp(testConfig(database.url, { PUBLIC_URL: 'https://campus.example' }), {
    apps: [],
  });
});

afterAll(async () => {
  await app.close();
  await httpsApp.close();
  await database.drop();
});

const web = { 'x-auth-transport': 'cookie' };

function refreshCookie(res: LightMyRequestResponse) {
  return res.cookies.find((cookie) => cookie.name === REFRESH_COOKIE);
}

async function webLogin(target: App, email: string, password: string) {
  return target.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: web,
    payload: { email, password },
  });
}

describe('refresh token cookie for the web', () => {
  it('sets an httpOnly, SameSite=Strict cookie on the auth path and keeps the token out of the body', async () => {
    const account = await makeAccount(app);
    const res = await webLogin(app, account.email, account.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.accessToken).toEqual(expect.any(String));
    expect(body.refreshIn).toBe('cookie');
    expect(body).not.toHaveProperty('refreshToken');
    const cookie = refreshCookie(res);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    expect(cookie?.value).toMatch(/^rt_/);
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.maxAge).toBeGreaterThan(0);
    // The page's only clue: a readable cookie without the secret, so a signed-out load skips /refresh.
    const hint = res.cookies.find((c) => c.name === SESSION_HINT_COOKIE);
    expect(hint).toMatchObject({ value: '1', path: '/', sameSite: 'Strict' });
    expect(hint?.httpOnly).toBeFalsy();
  });

  it('marks the cookie Secure when PUBLIC_URL is https', async () => {
    const account = await makeAccount(httpsApp);
    const res = await webLogin(httpsApp, account.email, account.password);
    expect(refreshCookie(res)?.secure).toBe(true);
  });

  it('refreshes from the cookie alone, rotates it, and treats a replayed cookie as theft', async () => {
    const account = await makeAccount(app);
    const first = refreshCookie(await webLogin(app, account.email, account.password))?.value ?? '';
    const refresh = (value: string, headers: Record<string, string> = web) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        headers,
        cookies: { [REFRESH_COOKIE]: value },
        payload: {},
      });
    const rotated = await refresh(first);
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json()).not.toHaveProperty('refreshToken');
    const second = refreshCookie(rotated)?.value ?? '';
    expect(second).not.toBe(first);

    // Without the opt-in header the cookie is ignored, so a plain form post cannot use it.
    const noHeader = await refresh(second, {});
    expect(noHeader.statusCode).toBe(401);
    expect(noHeader.json().error.code).toBe('INVALID_TOKEN');

    // Past the reuse grace window (sessions.ts), the replayed cookie is taken for a stolen copy.
    await ageUsedRefreshToken(app, first);
    const replay = await refresh(first);
    expect(replay.json().error.code).toBe('TOKEN_REUSED');
    // A failed cookie refresh clears the cookie, so the page stops trying.
    expect(refreshCookie(replay)?.value).toBe('');
    expect((await refresh(second)).statusCode).toBe(401);
  });

  it('keeps the JSON contract for API clients', async () => {
    const account = await makeAccount(app);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: account.email, password: account.password },
    });
    expect(refreshCookie(login)).toBeUndefined();
    const { refreshToken } = login.json();
    expect(refreshToken).toMatch(/^rt_/);
    const next = await app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } });
    expect(next.statusCode).toBe(200);
    expect(next.json().refreshToken).toMatch(/^rt_/);
    expect(refreshCookie(next)).toBeUndefined();
  });

  it('clears the cookie on sign-out and the session ends', async () => {
    const account = await makeAccount(app);
    const login = await webLogin(app, account.email, account.password);
    const cookie = refreshCookie(login)?.value ?? '';
    const out = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...web, ...bearer(login.json().accessToken) },
      cookies: { [REFRESH_COOKIE]: cookie },
    });
    expect(out.statusCode).toBe(200);
    const cleared = refreshCookie(out);
    expect(cleared?.value).toBe('');
    expect(cleared?.path).toBe('/api/v1/auth');
    expect(out.cookies.find((c) => c.name === SESSION_HINT_COOKIE)?.value).toBe('');
    const after = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: web,
      cookies: { [REFRESH_COOKIE]: cookie },
      payload: {},
    });
    expect(after.statusCode).toBe(401);
  });
});
