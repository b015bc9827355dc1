import { randomBytes } from 'node:crypto';
import type { TokenPair } from '@app/contracts';
import type { App } from '../http/app-type.js';

/** Credentials of a test account. */
export interface TestAccount {
  email: string;
  password: string;
  name: string;
  id: string;
}

/** Registers a fresh account through the API (unique email per call). */
export async function makeAccount(
  app: App,
  overrides: Partial<Omit<TestAccount, 'id'>> = {},
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
  return { email, password, name, id: res.json().user.id };
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
