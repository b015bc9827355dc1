import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/app.js';
import {
  createTestDatabase,
  makeAccount,
  type TestAccount,
  type TestDatabase,
  testConfig,
  tokenFromOutbox,
} from '../testing/index.js';

// Finding 7 of the attack run: failing an account's password from anywhere kept it locked for
// everyone, and a password reset did not lift the lock. Failures now count per account AND source.
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

const login = (account: Pick<TestAccount, 'email'>, password: string, remoteAddress: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: account.email, password },
    remoteAddress,
  });

async function lockOut(account: TestAccount, remoteAddress: string) {
  for (let i = 0; i < 5; i++) await login(account, 'a wrong guess', remoteAddress);
  const locked = await login(account, account.password, remoteAddress);
  expect(locked.statusCode).toBe(429);
  expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
}

const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });

describe('sign-in throttling per account and source', () => {
  it('slows down the failing source while the owner signs in from elsewhere', async () => {
    const account = await makeAccount(app);
    await lockOut(account, '198.51.100.20');
    const owner = await login(account, account.password, '203.0.113.44');
    expect(owner.statusCode).toBe(200);
    expect(owner.json().accessToken).toEqual(expect.any(String));
    // The attacker's source is still waiting, and its wait grows with each further failure.
    const first = Number((await login(account, 'again wrong', '198.51.100.20')).headers['retry-after']);
    expect(first).toBeGreaterThan(0);
  });

  it('treats the addresses of one IPv6 /64 as one source', async () => {
    const account = await makeAccount(app);
    for (let i = 0; i < 5; i++) await login(account, 'a wrong guess', `2001:db8:1:2::${i + 1}`);
    const rotated = await login(account, account.password, '2001:db8:1:2::99');
    expect(rotated.statusCode).toBe(429);
    expect((await login(account, account.password, '2001:db8:1:3::1')).statusCode).toBe(200);
  });

  it('lets a password reset lift the throttle, and kills every other outstanding reset link', async () => {
    const account = await makeAccount(app);
    await lockOut(account, '198.51.100.21');
    expect((await post('/api/v1/auth/password/forgot', { email: account.email })).statusCode).toBe(202);
    const firstLink = await tokenFromOutbox(app, account.email, /비밀번호 재설정/);
    expect((await post('/api/v1/auth/password/forgot', { email: account.email })).statusCode).toBe(202);
    let secondLink = firstLink;
    while (secondLink === firstLink) {
      // Mail goes out after the 202: wait for the second reset mail to land.
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/dev/outbox?to=${encodeURIComponent(account.email)}`,
      });
      const links = (res.json().items as { subject: string; text: string }[])
        .filter((m) => /비밀번호 재설정/.test(m.subject))
        .map((m) => decodeURIComponent(/token=([A-Za-z0-9_%-]+)/.exec(m.text)?.[1] ?? ''));
      secondLink = links.find((link) => link !== firstLink) ?? firstLink;
      if (secondLink === firstLink) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const reset = await post('/api/v1/auth/password/reset', {
      token: secondLink,
      password: 'a completely new passphrase',
    });
    expect(reset.statusCode).toBe(200);
    // The same source that was throttled signs in at once with the new password.
    expect((await login(account, 'a completely new passphrase', '198.51.100.21')).statusCode).toBe(200);
    // The older link, never used, died with the reset.
    const stale = await post('/api/v1/auth/password/reset', {
      token: firstLink,
      password: 'attacker chosen pass',
    });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.code).toBe('INVALID_TOKEN');
  });
});
