import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/app.js';
import {
  bearer,
  createTestDatabase,
  enableTwoFactor,
  makeAccount,
  signIn,
  type TestDatabase,
  testConfig,
} from '../testing/index.js';
import { matchTotp } from './two-factor.js';

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

// RFC 6238 Appendix B: SHA-1, secret "12345678901234567890" (base32 below), 8 digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const vectors: [number, string][] = [
  [59, '94287082'],
  [1_111_111_109, '07081804'],
  [1_111_111_111, '14050471'],
  [1_234_567_890, '89005924'],
  [2_000_000_000, '69279037'],
  [20_000_000_000, '65353130'],
];

describe('TOTP', () => {
  it.each(vectors)('matches RFC 6238 at T=%i', async (epoch, expected) => {
    expect(await generate({ secret: RFC_SECRET, epoch, digits: 8, algorithm: 'sha1' })).toBe(expected);
  });

  it('accepts one step of drift either way, and reports the step it matched', async () => {
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 1000 / 30);
    const code = await generate({ secret: RFC_SECRET, epoch: now / 1000 - 30 });
    expect(await matchTotp(RFC_SECRET, code, now)).toBe(step - 1);
    const stale = await generate({ secret: RFC_SECRET, epoch: now / 1000 - 90 });
    expect(await matchTotp(RFC_SECRET, stale, now)).toBeUndefined();
    expect(await matchTotp(RFC_SECRET, 'abcdef', now)).toBeUndefined();
  });
});

async function enable(account: { email: string; password: string }) {
  const enabled = await enableTwoFactor(app, account);
  expect(enabled.secret).toMatch(/^[A-Z2-7]+$/);
  return enabled;
}

async function challenge(account: { email: string; password: string }, remoteAddress = '127.0.0.1') {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: account.email, password: account.password },
    headers: { 'user-agent': 'Test browser' },
    remoteAddress,
  });
  expect(res.json().twoFactorRequired).toBe(true);
  return res.json().challengeToken as string;
}

const verify = (challengeToken: string, code: string, extra: object = {}, remoteAddress = '127.0.0.1') =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/2fa/verify',
    payload: { challengeToken, code, ...extra },
    headers: { 'user-agent': 'Test browser' },
    remoteAddress,
  });

describe('2FA sign-in', () => {
  it('asks for a code, refuses a replayed one, and accepts a fresh one', async () => {
    const account = await makeAccount(app);
    const { secret, usedCode, backupCodes } = await enable(account);
    expect(backupCodes).toHaveLength(10);
    expect(new Set(backupCodes).size).toBe(10);

    const token = await challenge(account);
    // The code that enabled 2FA belongs to a step already used.
    const replay = await verify(token, usedCode);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('INVALID_CODE');
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const ok = await verify(token, next);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().accessToken).toBeTruthy();
    // The same code on a new challenge is a replay too.
    const again = await verify(await challenge(account), next);
    expect(again.json().error.code).toBe('INVALID_CODE');
  });

  it('accepts each backup code once', async () => {
    const account = await makeAccount(app);
    const { backupCodes } = await enable(account);
    const code = backupCodes[0] ?? '';
    expect((await verify(await challenge(account), code.toUpperCase().replace('-', ' '))).statusCode).toBe(
      200,
    );
    expect((await verify(await challenge(account), code)).json().error.code).toBe('INVALID_CODE');
  });

  it('gives a challenge five attempts', async () => {
    const account = await makeAccount(app);
    await enable(account);
    const token = await challenge(account);
    for (let i = 0; i < 5; i++)
      expect((await verify(token, '000000')).json().error.code).toBe('INVALID_CODE');
    expect((await verify(token, '000000')).json().error.code).toBe('INVALID_TOKEN');
  });

  it('skips the code on a remembered device and network, and asks again on a new network', async () => {
    const account = await makeAccount(app);
    const { secret } = await enable(account);
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    expect(
      (await verify(await challenge(account, '10.1.2.3'), next, { rememberDevice: true }, '10.1.2.3'))
        .statusCode,
    ).toBe(200);
    const trusted = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: account.email, password: account.password },
      headers: { 'user-agent': 'Test browser' },
      remoteAddress: '10.1.2.99',
    });
    expect(trusted.json().accessToken).toBeTruthy();
    await challenge(account, '172.16.5.5');
  });

  it('turns 2FA off with a current code, after which sign-in needs only the password', async () => {
    const account = await makeAccount(app);
    const { secret, pair } = await enable(account);
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const off = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/2fa/disable',
      headers: bearer(pair.accessToken),
      payload: { code, password: account.password },
    });
    expect(off.statusCode).toBe(200);
    expect((await signIn(app, account)).accessToken).toBeTruthy();
  });
});
