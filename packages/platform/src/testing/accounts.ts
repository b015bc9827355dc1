import { randomBytes } from 'node:crypto';
import type { TokenPair } from '@app/contracts';
import { sql } from 'kysely';
import { randomToken, tokenHash } from '../auth/secrets.js';
import type { App } from '../http/app-type.js';

/** Credentials of a test account. */
export interface TestAccount {
  email: string;
  password: string;
  name: string;
  id: string;
}

/**
 * Registers a fresh account through the API (unique email per call) and, unless `verified: false`,
 * verifies its email through `POST /auth/verify-email` (see `verifyAccount`). Unverified accounts
 * cannot create what others see (EMAIL_NOT_VERIFIED).
 */
export async function makeAccount(
  app: App,
  overrides: Partial<Omit<TestAccount, 'id'>> & { verified?: boolean } = {},
): Promise<TestAccount> {
  const email = overrides.email ?? `user-${randomBytes(5).toString('hex')}@example.test`;
  const password = overrides.password ?? `Correct horse ${randomBytes(4).toString('hex')}`;
  const name = overrides.name ?? '테스트 사용자';
  // Each test account signs up from its own documentation-range address (RFC 5737), so the
  // per-IP sign-up limit does not turn test setup into a rate-limit test.
  const remoteAddress = `192.0.2.${1 + ((randomBytes(1)[0] ?? 0) % 254)}`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password, name },
    remoteAddress,
  });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  const id: string = res.json().user.id;
  if (overrides.verified !== false) await verifyAccount(app, id);
  return { email, password, name, id };
}

/**
 * Verifies an account's email through the real `POST /auth/verify-email` route, with a link token
 * issued here instead of read from a mail (tests whose app sends mail over SMTP have no outbox).
 */
export async function verifyAccount(app: App, userId: string): Promise<void> {
  const token = randomToken();
  await app.platform.db
    .insertInto('platform.email_tokens')
    .values({
      token_hash: tokenHash(token),
      user_id: userId,
      purpose: 'verify_email',
      expires_at: sql<Date>`now() + interval '1 hour'`,
    })
    .execute();
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
  if (res.statusCode !== 200) throw new Error(`verify-email failed: ${res.statusCode} ${res.body}`);
}

/** Signs in (no 2FA) and returns the token pair. */
export async function signIn(
  app: App,
  account: Pick<TestAccount, 'email' | 'password'>,
  headers: Record<string, string> = {},
): Promise<TokenPair> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers,
    payload: { email: account.email, password: account.password },
  });
  if (res.statusCode !== 200 || !res.json().accessToken)
    throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** `Authorization` header for a token. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/**
 * Waits until the dev outbox holds a mail for `to` matching `subject` and returns the token of the
 * link in it. Polls the outbox API (mail can be sent after the response, e.g. password resets).
 */
export async function tokenFromOutbox(
  app: App,
  to: string,
  subject: RegExp,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await app.inject({ method: 'GET', url: `/api/v1/dev/outbox?to=${encodeURIComponent(to)}` });
    const mail = (res.json().items as { subject: string; text: string }[]).find((m) =>
      subject.test(m.subject),
    );
    const token = mail && /token=([A-Za-z0-9_%-]+)/.exec(mail.text)?.[1];
    if (token) return decodeURIComponent(token);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no mail matching ${subject} for ${to} within ${timeoutMs} ms`);
}

/**
 * Makes a used refresh token look as if it was used `seconds` ago, past the reuse grace window
 * (auth/sessions.ts), so tests see reuse detection without waiting for time to pass.
 */
export async function ageUsedRefreshToken(app: App, refreshToken: string, seconds = 3600): Promise<void> {
  await app.platform.db
    .updateTable('platform.refresh_tokens')
    .set({ used_at: sql<Date>`used_at - make_interval(secs => ${seconds})` })
    .where('token_hash', '=', tokenHash(refreshToken))
    .execute();
}
