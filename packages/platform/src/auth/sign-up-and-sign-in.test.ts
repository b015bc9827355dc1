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
  tokenFromOutbox,
} from '../testing/index.js';
import { passwordVerifications } from './passwords.js';

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

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload, headers });

describe('sign-up and email verification', () => {
  it("creates the account, mails a link in the user's language, and verifies it once", async () => {
    const res = await post('/api/v1/auth/register', {
      email: 'Mina.Kim@Example.test',
      password: 'a quiet river at dawn',
      name: '김민아',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({
      email: 'Mina.Kim@Example.test',
      emailVerified: false,
      locale: 'ko',
    });
    const token = await tokenFromOutbox(app, 'mina.kim@example.test', /이메일 주소를 확인해 주세요/);
    const verified = await post('/api/v1/auth/verify-email', { token });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().user.emailVerified).toBe(true);
    const again = await post('/api/v1/auth/verify-email', { token });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('INVALID_TOKEN');
  });

  it('refuses duplicates (any case), short, common and personal passwords with clear errors', async () => {
    const account = await makeAccount(app);
    const dup = await post('/api/v1/auth/register', {
      email: account.email.toUpperCase(),
      password: 'another long pass',
      name: 'X',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('EMAIL_TAKEN');
    const short = await post('/api/v1/auth/register', {
      email: 'short@example.test',
      password: 'abc',
      name: 'X',
    });
    expect(short.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
    const common = await post('/api/v1/auth/register', {
      email: 'c@example.test',
      password: 'password1234',
      name: 'X',
    });
    expect(common.statusCode).toBe(400);
    expect(common.json().error.code).toBe('WEAK_PASSWORD');
    const personal = await post('/api/v1/auth/register', {
      email: 'jiwoo.park@example.test',
      password: 'jiwoo.park-secret',
      name: 'X',
    });
    expect(personal.json().error.code).toBe('WEAK_PASSWORD');
    const badEmail = await post('/api/v1/auth/register', {
      email: 'not-an-email',
      password: 'long enough pass',
      name: 'X',
    });
    expect(badEmail.json().error.details.issues[0].path).toBe('body.email');
  });
});

describe('sign-in and tokens', () => {
  it('gives the same answer for an unknown email and a wrong password, hashing in both cases', async () => {
    const account = await makeAccount(app);
    const before = passwordVerifications.count;
    const unknown = await post('/api/v1/auth/login', {
      email: 'nobody@example.test',
      password: 'whatever it is',
    });
    const wrong = await post('/api/v1/auth/login', { email: account.email, password: 'not the password' });
    expect(passwordVerifications.count - before).toBe(2);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('signs in, serves /me with the access token, and rejects missing or forged tokens', async () => {
    const account = await makeAccount(app);
    const pair = await signIn(app, account);
    expect(pair.expiresIn).toBe(900);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(pair.accessToken) });
    expect(me.json()).toMatchObject({ id: account.id, email: account.email });
    expect((await app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const [header, payload, signature] = pair.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const forged = Buffer.from(
      JSON.stringify({ ...claims, sub: '00000000-0000-7000-8000-000000000000' }),
    ).toString('base64url');
    const tampered = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: bearer(`${header}.${forged}.${signature}`),
    });
    expect(tampered.statusCode).toBe(401);
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const unsigned = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: bearer(`${none}.${payload}.`),
    });
    expect(unsigned.statusCode).toBe(401);
  });

  it('rotates refresh tokens and revokes the whole sign-in when a used one comes back', async () => {
    const account = await makeAccount(app);
    const first = await signIn(app, account);
    const second = (await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken })).json();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    // Past the reuse grace window (sessions.ts), a used token coming back is a stolen copy.
    await ageUsedRefreshToken(app, first.refreshToken);
    const replay = await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('TOKEN_REUSED');
    // The thief's replay also cut off the legitimate holder of the newest token.
    const after = await post('/api/v1/auth/refresh', { refreshToken: second.refreshToken });
    expect(after.json().error.code).toBe('INVALID_TOKEN');
  });

  it('lists sessions, revokes another one, and signs out the current one', async () => {
    const account = await makeAccount(app);
    const laptop = await signIn(app, account, { 'user-agent': 'Laptop browser' });
    const phone = await signIn(app, account, { 'user-agent': 'Phone browser' });
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/sessions',
      headers: bearer(laptop.accessToken),
    });
    const items = list.json().items as { id: string; current: boolean; userAgent: string }[];
    expect(items).toHaveLength(2);
    const other = items.find((s) => !s.current);
    expect(other?.userAgent).toBe('Phone browser');
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${other?.id}`,
      headers: bearer(laptop.accessToken),
    });
    expect(revoke.statusCode).toBe(200);
    expect((await post('/api/v1/auth/refresh', { refreshToken: phone.refreshToken })).statusCode).toBe(401);
    expect((await post('/api/v1/auth/logout', {}, bearer(laptop.accessToken))).statusCode).toBe(200);
    expect((await post('/api/v1/auth/refresh', { refreshToken: laptop.refreshToken })).statusCode).toBe(401);
  });
});

describe('password recovery', () => {
  it('answers 202 whether or not the account exists, and resets through the mailed link', async () => {
    const account = await makeAccount(app);
    const old = await signIn(app, account);
    expect((await post('/api/v1/auth/password/forgot', { email: 'ghost@example.test' })).statusCode).toBe(
      202,
    );
    expect((await post('/api/v1/auth/password/forgot', { email: account.email })).statusCode).toBe(202);
    const token = await tokenFromOutbox(app, account.email, /비밀번호 재설정/);
    const reset = await post('/api/v1/auth/password/reset', { token, password: 'a brand new passphrase' });
    expect(reset.statusCode).toBe(200);
    expect((await post('/api/v1/auth/refresh', { refreshToken: old.refreshToken })).statusCode).toBe(401);
    await signIn(app, { email: account.email, password: 'a brand new passphrase' });
    expect(
      (await post('/api/v1/auth/password/reset', { token, password: 'yet another passphrase' })).statusCode,
    ).toBe(401);
  });
});

describe('brute force', () => {
  it('throttles an account from a failing source progressively after five failures, with Retry-After', async () => {
    const account = await makeAccount(app);
    const attempt = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: account.email, password: 'wrong guess!' },
        remoteAddress: '198.51.100.7',
      });
    for (let i = 0; i < 5; i++) expect((await attempt()).json().error.code).toBe('INVALID_CREDENTIALS');
    const locked = await attempt();
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits out the lock.
    const right = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: account.email, password: account.password },
      remoteAddress: '198.51.100.7',
    });
    expect(right.statusCode).toBe(429);
  });

  it('limits sign-in attempts per IP address across accounts', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `spray-${i}@example.test`, password: 'Summer2026!!' },
        remoteAddress: '203.0.113.9',
      });
      codes.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.json().error.code).toBe('RATE_LIMITED');
        expect(res.headers['retry-after']).toBeDefined();
      }
    }
    expect(codes.slice(0, 30).every((c) => c === 401)).toBe(true);
    expect(codes[30]).toBe(429);
  });
});
