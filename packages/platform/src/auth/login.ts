import type { TokenPair } from '@app/contracts';
import { sql } from 'kysely';
import { AppError } from '../http/app-error.js';
import { audit, recordLogin } from './audit.js';
import type { AuthDeps } from './deps.js';
import { verifyPassword } from './passwords.js';
import { randomToken, tokenHash } from './secrets.js';
import { type RequestMeta, startSession } from './sessions.js';
import { deviceFingerprint, isTrustedDevice, matchTotp, trustDevice, useBackupCode } from './two-factor.js';
import { findUserByEmail, findUserById, type UserRow } from './users.js';

const CHALLENGE_TTL_S = 300;
const CHALLENGE_ATTEMPTS = 5;
/** Failures allowed before the account locks; each further failure doubles the lock. */
const FREE_FAILURES = 5;
const BASE_LOCK_S = 30;
const MAX_LOCK_S = 3600;

export type LoginResult = TokenPair | { twoFactorRequired: true; challengeToken: string };

/**
 * Password sign-in. Unknown email and wrong password take the same path (one argon2
 * verification) and give the same answer. After FREE_FAILURES consecutive failures the account
 * locks for 30 s, doubling per further failure up to an hour (progressive lock-out, counted in
 * login_events so it holds across instances). With 2FA on, a device or network not remembered
 * gets a challenge instead of tokens.
 */
export async function login(
  deps: AuthDeps,
  email: string,
  password: string,
  meta: RequestMeta,
): Promise<LoginResult> {
  const lockedFor = await lockSeconds(deps, email);
  if (lockedFor > 0) {
    await recordLogin(deps.db, { userId: null, email, method: 'password', outcome: 'locked', ...meta });
    throw new AppError('ACCOUNT_LOCKED', undefined, { retryAfter: lockedFor });
  }
  const user = await findUserByEmail(deps.db, email);
  const ok = await verifyPassword(user?.password_hash, password);
  if (!user || !ok) {
    await recordLogin(deps.db, {
      userId: user?.id ?? null,
      email,
      method: 'password',
      outcome: 'failure',
      ...meta,
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  return completeFirstFactor(deps, user, 'password', meta);
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
 * code. A challenge allows five attempts and five minutes.
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

  let method = 'password+totp';
  const step = await matchTotp(user.totp_secret, input.code);
  if (step !== undefined) {
    // Accept the step only if it is newer than the last one used: the same code never works twice.
    const claimed = await deps.db
      .updateTable('platform.users')
      .set({ totp_last_step: step })
      .where('id', '=', user.id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return failSecondFactor(deps, user.id, user.email, meta);
  } else if (await useBackupCode(deps.db, user.id, input.code)) {
    method = 'password+backup-code';
    await audit(deps.db, { actorId: user.id, action: 'two_factor.backup_code_used', ip: meta.ip });
  } else {
    return failSecondFactor(deps, user.id, user.email, meta);
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

async function failSecondFactor(
  deps: AuthDeps,
  userId: string,
  email: string,
  meta: RequestMeta,
): Promise<never> {
  await recordLogin(deps.db, { userId, email, method: 'totp', outcome: 'failure', ...meta });
  throw new AppError('INVALID_CODE');
}

/** Seconds the account stays locked, from its failures since the last success (last 24 h). */
async function lockSeconds(deps: AuthDeps, email: string): Promise<number> {
  const row = await deps.db
    .selectFrom('platform.login_events')
    .select([
      sql<number>`count(*) filter (where outcome = 'failure')::int`.as('failures'),
      sql<Date | null>`max(created_at) filter (where outcome = 'failure')`.as('last_failure'),
    ])
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .where('created_at', '>', sql<Date>`now() - interval '24 hours'`)
    .where(
      'created_at',
      '>',
      sql<Date>`coalesce((select max(created_at) from platform.login_events e
        where lower(e.email) = ${email.toLowerCase()} and e.outcome = 'success'), '-infinity')`,
    )
    .executeTakeFirst();
  const failures = row?.failures ?? 0;
  if (failures < FREE_FAILURES || !row?.last_failure) return 0;
  const lock = Math.min(MAX_LOCK_S, BASE_LOCK_S * 2 ** (failures - FREE_FAILURES));
  const remaining = Math.ceil((row.last_failure.getTime() + lock * 1000 - Date.now()) / 1000);
  return Math.max(0, remaining);
}
