import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/app.js';
import {
  bearer,
  createTestDatabase,
  enableTwoFactor,
  makeAccount,
  nextTotp,
  signIn,
  type TestDatabase,
  testConfig,
} from '../testing/index.js';

// Finding 5 of the attack run: with an access token alone, 2FA could be turned off by guessing
// codes as fast as the server answered, unlogged. Sensitive changes now need the password, and
// every code check of an account is counted and backs off.
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

const post = (url: string, token: string, payload: object, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url, headers: bearer(token), payload, remoteAddress });

async function auditActions(userId: string): Promise<string[]> {
  const rows = await app.platform.db
    .selectFrom('platform.audit_log')
    .select('action')
    .where('actor_id', '=', userId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.action);
}

describe('sensitive changes ask for the password', () => {
  it('refuses to turn 2FA off with a token and a right code but no password, audits a wrong one', async () => {
    const account = await makeAccount(app);
    const { secret, pair } = await enableTwoFactor(app, account);
    const code = await nextTotp(secret);
    const bare = await post('/api/v1/auth/2fa/disable', pair.accessToken, { code });
    expect(bare.statusCode).toBe(403);
    expect(bare.json().error.code).toBe('REAUTHENTICATION_REQUIRED');
    const wrong = await post('/api/v1/auth/2fa/disable', pair.accessToken, {
      code,
      password: 'not it at all',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(await auditActions(account.id)).toContain('password.confirm_failed');
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(pair.accessToken) });
    expect(me.json()).toMatchObject({ twoFactorEnabled: true, hasPassword: true });
    const off = await post('/api/v1/auth/2fa/disable', pair.accessToken, {
      code,
      password: account.password,
    });
    expect(off.statusCode).toBe(200);
  });

  it('asks for the password before 2FA goes on and before an API key is made', async () => {
    const account = await makeAccount(app);
    const { accessToken } = await signIn(app, account);
    const setup = await post('/api/v1/auth/2fa/setup', accessToken, {});
    const code = await generate({ secret: setup.json().secret });
    const enable = await post('/api/v1/auth/2fa/enable', accessToken, { code });
    expect(enable.json().error.code).toBe('REAUTHENTICATION_REQUIRED');
    const key = await post('/api/v1/api-keys', accessToken, { name: 'script', scopes: ['profile:read'] });
    expect(key.statusCode).toBe(403);
    expect(key.json().error.code).toBe('REAUTHENTICATION_REQUIRED');
    const withPassword = await post('/api/v1/api-keys', accessToken, {
      name: 'script',
      scopes: ['profile:read'],
      password: account.password,
    });
    expect(withPassword.statusCode).toBe(201);
  });

  it('backs off password confirmations after five wrong ones', async () => {
    const account = await makeAccount(app);
    const { accessToken } = await signIn(app, account);
    const attempt = (password: string) =>
      post('/api/v1/api-keys', accessToken, { name: 'k', scopes: ['profile:read'], password });
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong guess ${i}`)).statusCode).toBe(401);
    const waiting = await attempt(account.password);
    expect(waiting.statusCode).toBe(429);
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('lets an account without a password confirm with a recent sign-in only', async () => {
    const account = await makeAccount(app);
    const { accessToken } = await signIn(app, account);
    // As after a provider sign-in: no password on the account.
    await app.platform.db
      .updateTable('platform.users')
      .set({ password_hash: null })
      .where('id', '=', account.id)
      .execute();
    const fresh = await post('/api/v1/api-keys', accessToken, { name: 'k', scopes: ['profile:read'] });
    expect(fresh.statusCode).toBe(201);
    // The same sign-in, eleven minutes later.
    await app.platform.db
      .updateTable('platform.sessions')
      .set({ created_at: new Date(Date.now() - 11 * 60_000) })
      .where('user_id', '=', account.id)
      .execute();
    const stale = await app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: bearer(accessToken),
      payload: {},
    });
    expect(stale.statusCode).toBe(403);
    expect(stale.json().error).toMatchObject({
      code: 'REAUTHENTICATION_REQUIRED',
      details: { reason: 'recent-sign-in' },
    });
  });
});

describe('every code check is counted per account', () => {
  it('backs off wrong codes to turn 2FA off, even with the password, and audits them', async () => {
    const account = await makeAccount(app);
    const { secret, pair } = await enableTwoFactor(app, account);
    const guess = (code: string) =>
      post('/api/v1/auth/2fa/disable', pair.accessToken, { code, password: account.password });
    for (let i = 0; i < 5; i++) expect((await guess(`00000${i}`)).json().error.code).toBe('INVALID_CODE');
    // Even the right code waits now: guessing a 6-digit code is out of reach.
    const right = await guess(await nextTotp(secret));
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('RATE_LIMITED');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    const actions = await auditActions(account.id);
    expect(actions.filter((a) => a === 'two_factor.code_failed')).toHaveLength(5);
  });

  it('counts sign-in codes across challenges, so new challenges do not give new guesses', async () => {
    const account = await makeAccount(app);
    const { secret } = await enableTwoFactor(app, account);
    const challenge = async () =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: account.email, password: account.password },
          headers: { 'user-agent': 'Another browser' },
        })
      ).json().challengeToken as string;
    const verify = (challengeToken: string, code: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/2fa/verify',
        payload: { challengeToken, code },
        headers: { 'user-agent': 'Another browser' },
      });
    for (let i = 0; i < 5; i++) {
      expect((await verify(await challenge(), `11111${i}`)).json().error.code).toBe('INVALID_CODE');
    }
    const right = await verify(await challenge(), await nextTotp(secret));
    expect(right.statusCode).toBe(429);
  });
});
