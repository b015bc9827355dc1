import { createHash } from 'node:crypto';
import type { TokenPair } from '@app/contracts';
import { sql } from 'kysely';
import { AppError } from '../http/app-error.js';
import { recordLogin } from './audit.js';
import { checkSecondFactor } from './code-checks.js';
import type { AuthDeps } from './deps.js';
import { verifyPassword } from './passwords.js';
import { randomToken, tokenHash } from './secrets.js';
import { type RequestMeta, refuseSuspended, startSession } from './sessions.js';
import { sourceOf } from './throttle.js';
import { deviceFingerprint, isTrustedDevice, trustDevice } from './two-factor.js';
import { findUserByEmail, findUserById, type UserRow } from './users.js';

const CHALLENGE_TTL_S = 300;
const CHALLENGE_ATTEMPTS = 5;

export type LoginResult = TokenPair | { twoFactorRequired: true; challengeToken: string };

/**
 * Password sign-in. Unknown email and wrong password take the same path (one argon2
 * verification) and give the same answer. Failures are throttled per account AND source network
 * (`passwordThrottleKey`): after five, that pair waits 30 s, doubling per further failure up to
 * an hour, while the owner signing in from elsewhere is not slowed down (an account-wide lock
 * would let anyone keep it locked). Per-IP budgets (rate-limits.ts) bound spraying across accounts.
 * With 2FA on, a device or network not remembered gets a challenge instead of tokens.
 */
export async function login(
  deps: AuthDeps,
  email: string,
  password: string,
  meta: RequestMeta,
): Promise<LoginResult> {
  const user = await findUserByEmail(deps.db, email);
  const throttleKey = passwordThrottleKey(email, meta.ip, user?.password_hash ?? null);
  const wait = await deps.throttle.wait('password', throttleKey);
  if (wait > 0) {
    await recordLogin(deps.db, { userId: null, email, method: 'password', outcome: 'locked', ...meta });
    throw new AppError('ACCOUNT_LOCKED', undefined, { retryAfter: wait });
  }
  const ok = await verifyPassword(user?.password_hash, password);
  if (!user || !ok) {
    await deps.throttle.fail('password', throttleKey);
    await recordLogin(deps.db, {
      userId: user?.id ?? null,
      email,
      method: 'password',
      outcome: 'failure',
      ...meta,
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  await deps.throttle.clear('password', throttleKey);
  return completeFirstFactor(deps, user, 'password', meta);
}

/**
 * The key sign-in failures count against: the email, the source network (IPv4 address or IPv6
 * /64) and a fingerprint of the current password hash. A password change (reset) changes the
 * fingerprint, so every source starts afresh without our having to know which sources failed.
 */
export function passwordThrottleKey(email: string, ip: string | null, passwordHash: string | null): string {
  const epoch = passwordHash
    ? createHash('sha256').update(passwordHash).digest('base64url').slice(0, 12)
    : 'none';
  return `${email.toLowerCase()}|${sourceOf(ip)}|${epoch}`;
}

/**
 * After a first factor (password or a provider sign-in): with 2FA on and a device or network not
 * remembered, a challenge instead of tokens; otherwise a new session.
 */
export async function completeFirstFactor(
  deps: AuthDeps,
  user: UserRow,
  firstFactor: string,
  meta: RequestMeta,
): Promise<LoginResult> {
  refuseSuspended(user);
  const email = user.email;
  if (
    user.totp_enabled_at &&
    !(await isTrustedDevice(deps.db, user.id, deviceFingerprint(meta.ip, meta.userAgent)))
  ) {
    const challengeToken = randomToken('ch_');
    await deps.db
      .insertInto('platform.login_challenges')
      .values({
        token_hash: tokenHash(challengeToken),
        user_id: user.id,
        ip: meta.ip,
        user_agent: meta.userAgent,
        expires_at: sql<Date>`now() + make_interval(secs => ${CHALLENGE_TTL_S})`,
      })
      .execute();
    await recordLogin(deps.db, {
      userId: user.id,
      email,
      method: firstFactor,
      outcome: 'challenge',
      ...meta,
    });
    return { twoFactorRequired: true, challengeToken };
  }
  const method = user.totp_enabled_at ? `${firstFactor}+trusted-device` : firstFactor;
  await recordLogin(deps.db, { userId: user.id, email, method, outcome: 'success', ...meta });
  return startSession(deps, user, method, meta);
}

/**
 * Second step of a 2FA sign-in: a TOTP code (each time step accepted once) or an unused backup
 * code. A challenge allows five attempts and five minutes; the account's code checks back off
 * after five failures whatever the challenge (code-checks.ts).
 */
export async function verifySecondFactor(
  deps: AuthDeps,
  input: { challengeToken: string; code: string; rememberDevice?: boolean | undefined },
  meta: RequestMeta,
): Promise<TokenPair> {
  const challenge = await deps.db
    .updateTable('platform.login_challenges')
    .set({ attempts: sql<number>`attempts + 1` })
    .where('token_hash', '=', tokenHash(input.challengeToken))
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .where('attempts', '<', CHALLENGE_ATTEMPTS)
    .returning(['user_id'])
    .executeTakeFirst();
  if (!challenge) throw new AppError('INVALID_TOKEN', 'The sign-in has expired. Enter your password again.');
  const user = await findUserById(deps.db, challenge.user_id);
  if (!user?.totp_secret) throw new AppError('INVALID_TOKEN');

  let method: string;
  try {
    const kind = await checkSecondFactor(
      deps,
      { id: user.id, totp_secret: user.totp_secret },
      input.code,
      'sign-in',
      meta,
    );
    method = `password+${kind}`;
  } catch (error) {
    await recordLogin(deps.db, {
      userId: user.id,
      email: user.email,
      method: 'totp',
      outcome: 'failure',
      ...meta,
    });
    throw error;
  }
  await deps.db
    .updateTable('platform.login_challenges')
    .set({ used_at: sql<Date>`now()` })
    .where('token_hash', '=', tokenHash(input.challengeToken))
    .execute();
  if (input.rememberDevice) await trustDevice(deps.db, user.id, deviceFingerprint(meta.ip, meta.userAgent));
  await recordLogin(deps.db, { userId: user.id, email: user.email, method, outcome: 'success', ...meta });
  return startSession(deps, user, method, meta);
}
