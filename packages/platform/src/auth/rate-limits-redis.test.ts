import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/app.js';
import { createTestDatabase, makeAccount, type TestDatabase, testConfig } from '../testing/index.js';

const redisUrl = process.env.REDIS_URL?.trim();
if (!redisUrl) {
  process.stdout.write('SKIPPED: rate limits shared through Redis (set REDIS_URL to run them)\n');
}

describe.skipIf(!redisUrl)('rate limits shared through Redis', () => {
  let database: TestDatabase;
  let first: App;
  let second: App;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { REDIS_URL: redisUrl ?? '' };
    first = await buildApp(testConfig(database.url, env), { apps: [] });
    second = await buildApp(testConfig(database.url, env), { apps: [] });
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database?.drop();
  });

  it('counts sign-in attempts from one address across two instances', async () => {
    // A fresh address per run: Redis outlives test runs.
    const ip = `198.18.${randomInt(256)}.${randomInt(1, 255)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const app = i % 2 === 0 ? first : second;
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `redis-${i}@example.test`, password: 'guess guess guess' },
        remoteAddress: ip,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('throttles failed sign-ins of one account and source across two instances', async () => {
    const account = await makeAccount(first);
    const ip = `198.18.${randomInt(256)}.${randomInt(1, 255)}`;
    const attempt = (app: App, password: string, remoteAddress = ip) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: account.email, password },
        remoteAddress,
      });
    for (let i = 0; i < 5; i++) await attempt(i % 2 === 0 ? first : second, 'not the password');
    expect((await attempt(second, account.password)).json().error.code).toBe('ACCOUNT_LOCKED');
    expect((await attempt(first, account.password, '192.0.2.77')).statusCode).toBe(200);
  });
});
