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

// Finding 11 (d) of the attack run: unverified accounts could use everything. They may sign in,
// see and edit their profile and verify; creating what others see waits for a verified email
// (docs/decisions/015-email-verification-gates.md).
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

const room = '00000000-0000-7000-8000-000000000001';
const gated = [
  { method: 'POST', url: `/api/v1/chat/rooms/${room}/messages` },
  { method: 'POST', url: '/api/v1/realtime/calls' },
  { method: 'POST', url: '/api/v1/files?purpose=document' },
  { method: 'POST', url: '/api/v1/webhooks/endpoints' },
] as const;

async function newestVerifyToken(email: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/dev/outbox?to=${encodeURIComponent(email)}` });
  const mail = (res.json().items as { subject: string; text: string }[]).find((m) =>
    /이메일 주소를 확인해 주세요/.test(m.subject),
  );
  return decodeURIComponent(/token=([A-Za-z0-9_%-]+)/.exec(mail?.text ?? '')?.[1] ?? '');
}

describe('email verification gates', () => {
  it('lets an unverified account sign in and manage its profile, not write for others', async () => {
    const account = await makeAccount(app, { verified: false });
    const { accessToken } = await signIn(app, account);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(accessToken) });
    expect(me.json().emailVerified).toBe(false);
    const patched = await app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: bearer(accessToken),
      payload: { name: 'Still unverified' },
    });
    expect(patched.statusCode).toBe(200);
    for (const route of gated) {
      const res = await app.inject({ ...route, headers: bearer(accessToken), payload: {} });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json().error.code).toBe('EMAIL_NOT_VERIFIED');
    }
  });

  it('opens the gates for the same access token once the email is verified (a new link on request)', async () => {
    const account = await makeAccount(app, { verified: false });
    const { accessToken } = await signIn(app, account);
    const before = await app.inject({ ...gated[1], headers: bearer(accessToken), payload: {} });
    expect(before.json().error.code).toBe('EMAIL_NOT_VERIFIED');
    const resend = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/verify-email/resend',
      headers: bearer(accessToken),
    });
    expect(resend.statusCode).toBe(202);
    const verified = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/verify-email',
      payload: { token: await newestVerifyToken(account.email) },
    });
    expect(verified.json().user.emailVerified).toBe(true);
    // Past the gate: the body is what is wrong now.
    const after = await app.inject({ ...gated[1], headers: bearer(accessToken), payload: {} });
    expect(after.statusCode).toBe(400);
    expect(after.json().error.code).toBe('VALIDATION_FAILED');
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/verify-email/resend',
      headers: bearer(accessToken),
    });
    expect(again.json().error.code).toBe('CONFLICT');
  });

  it('declares the gate in the route table, where the route x rule tests can see it', () => {
    const verifiedRoutes = app.routeAccess
      .filter((r) => r.access.kind !== 'public' && r.access.verified)
      .map((r) => `${r.method} ${r.url}`);
    expect(verifiedRoutes).toEqual(
      expect.arrayContaining([
        'POST /api/v1/chat/rooms/:roomId/messages',
        'POST /api/v1/realtime/calls',
        'POST /api/v1/files',
        'POST /api/v1/webhooks/endpoints',
      ]),
    );
  });
});
