import { sql } from 'kysely';
import { AppError } from '../http/app-error.js';
import type { AuthContext } from './access.js';
import { audit } from './audit.js';
import type { AuthDeps } from './deps.js';
import { verifyPassword } from './passwords.js';
import type { RequestMeta } from './sessions.js';
import { findUserById, type UserRow } from './users.js';

/** How recent a sign-in must be to stand in for a password (accounts that have none). */
export const RECENT_SIGN_IN_S = 10 * 60;

/** Sensitive changes that ask the account holder to confirm; kept in audit entries. */
export type SensitiveAction =
  | 'two_factor.enable'
  | 'two_factor.disable'
  | 'api_key.create'
  | 'account.delete';

/**
 * Confirms that the caller is the account holder before a sensitive change, so a stolen access
 * token alone cannot turn 2FA off, lock the owner out with an attacker's 2FA, mint API keys or
 * delete the account. Accounts with a password must give it (checked like a sign-in: argon2,
 * counted per account with exponential backoff after five failures, each failure audited).
 * Accounts without one (provider sign-in only) must have signed in within the last ten minutes.
 * Throws REAUTHENTICATION_REQUIRED (403), INVALID_CREDENTIALS (401) or RATE_LIMITED (429).
 */
export async function confirmAccountHolder(
  deps: AuthDeps,
  caller: AuthContext,
  password: string | undefined,
  action: SensitiveAction,
  meta: RequestMeta,
): Promise<UserRow> {
  const user = await findUserById(deps.db, caller.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'This account no longer exists.');
  if (!user.password_hash) {
    if (await signedInRecently(deps, caller)) return user;
    throw new AppError('REAUTHENTICATION_REQUIRED', 'Sign in again, then repeat this within ten minutes.', {
      reason: 'recent-sign-in',
    });
  }
  if (!password) {
    throw new AppError('REAUTHENTICATION_REQUIRED', 'Confirm with your current password.', {
      reason: 'password',
    });
  }
  const wait = await deps.throttle.wait('reauth', user.id);
  if (wait > 0) {
    throw new AppError('RATE_LIMITED', `Too many wrong passwords. Try again in ${wait} s.`, {
      retryAfter: wait,
    });
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    const waitS = await deps.throttle.fail('reauth', user.id);
    await audit(deps.db, {
      actorId: user.id,
      action: 'password.confirm_failed',
      data: { for: action, waitS },
      ip: meta.ip,
    });
    throw new AppError('INVALID_CREDENTIALS', 'The password is wrong.');
  }
  await deps.throttle.clear('reauth', user.id);
  return user;
}

async function signedInRecently(deps: AuthDeps, caller: AuthContext): Promise<boolean> {
  if (!caller.sessionId) return false;
  const row = await deps.db
    .selectFrom('platform.sessions')
    .select('id')
    .where('id', '=', caller.sessionId)
    .where('user_id', '=', caller.userId)
    .where('created_at', '>', sql<Date>`now() - make_interval(secs => ${RECENT_SIGN_IN_S})`)
    .executeTakeFirst();
  return row !== undefined;
}
