import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
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
const secret = 'turn-shared-secret-for-tests';

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp(
    testConfig(database.url, {
      TURN_SECRET: secret,
      TURN_URLS: 'turn:turn.example.test:3478?transport=udp,turns:turn.example.test:5349',
      STUN_URLS: 'stun:stun.example.test:3478',
    }),
    { apps: [] },
  );
});

afterAll(async () => {
  await app.close();
  await database.drop();
});

it('hands signed-in users STUN servers and TURN credentials a coturn server accepts', async () => {
  const account = await makeAccount(app);
  const { accessToken } = await signIn(app, account);
  expect((await app.inject({ method: 'GET', url: '/api/v1/realtime/ice-servers' })).statusCode).toBe(401);
  const res = await app.inject({
    method: 'GET',
    url: '/api/v1/realtime/ice-servers',
    headers: bearer(accessToken),
  });
  const body = res.json();
  expect(body.ttl).toBe(3600);
  expect(body.iceServers[0]).toEqual({ urls: ['stun:stun.example.test:3478'] });
  const turn = body.iceServers[1];
  expect(turn.urls).toHaveLength(2);
  const [expiry, user] = turn.username.split(':');
  expect(user).toBe(account.id);
  const now = Math.floor(Date.now() / 1000);
  expect(Number(expiry)).toBeGreaterThan(now + 3500);
  expect(Number(expiry)).toBeLessThanOrEqual(now + 3600);
  // What coturn computes from its static-auth-secret for this username:
  expect(turn.credential).toBe(createHmac('sha1', secret).update(turn.username).digest('base64'));
});
