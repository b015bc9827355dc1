import { AppError } from '../http/app-error.js';
import { audit } from './audit.js';
import type { AuthDeps } from './deps.js';
import type { RequestMeta } from './sessions.js';
import { matchTotp, useBackupCode } from './two-factor.js';

/** Where a code was checked; kept in the audit entry of a failure. */
export type CodeCheckPlace = 'sign-in' | 'enable' | 'disable';

/** Refuses with 429 RATE_LIMITED (and Retry-After) while the account's code checks must wait. */
export async function ensureCodeChecksAllowed(deps: AuthDeps, userId: string): Promise<void> {
  const wait = await deps.throttle.wait('code', userId);
  if (wait > 0) throw tooManyCodes(wait);
}

/**
 * Checks a second-factor code of an account with 2FA on: a TOTP code whose time step is newer
 * than the last one used (the step is claimed, so a code works once), else an unused backup code.
 * Every check of every place goes through here: the account's failures are counted together and
 * back off exponentially after five (sign-in challenges alone would allow five per challenge, and
 * an attacker who has the password can ask for as many challenges as they like). Failures are
 * audited. Throws INVALID_CODE, or RATE_LIMITED while the account must wait.
 */
export async function checkSecondFactor(
  deps: AuthDeps,
  user: { id: string; totp_secret: string },
  code: string,
  place: CodeCheckPlace,
  meta: RequestMeta,
): Promise<'totp' | 'backup-code'> {
  await ensureCodeChecksAllowed(deps, user.id);
  const step = await matchTotp(user.totp_secret, code);
  if (step !== undefined) {
    // Accept the step only if it is newer than the last one used: the same code never works twice.
    const claimed = await deps.db
      .updateTable('platform.users')
      .set({ totp_last_step: step })
      .where('id', '=', user.id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 1) return succeeded(deps, user.id, 'totp');
  } else if (await useBackupCode(deps.db, user.id, code)) {
    await audit(deps.db, { actorId: user.id, action: 'two_factor.backup_code_used', ip: meta.ip });
    return succeeded(deps, user.id, 'backup-code');
  }
  return codeFailed(deps, user.id, place, meta);
}

/** Counts and audits a wrong code, then throws INVALID_CODE. */
export async function codeFailed(
  deps: AuthDeps,
  userId: string,
  place: CodeCheckPlace,
  meta: RequestMeta,
): Promise<never> {
  const waitS = await deps.throttle.fail('code', userId);
  await audit(deps.db, {
    actorId: userId,
    action: 'two_factor.code_failed',
    data: { place, waitS },
    ip: meta.ip,
  });
  throw new AppError('INVALID_CODE');
}

async function succeeded<T>(deps: AuthDeps, userId: string, result: T): Promise<T> {
  await deps.throttle.clear('code', userId);
  return result;
}

function tooManyCodes(seconds: number): AppError {
  return new AppError('RATE_LIMITED', `Too many wrong codes. Try again in ${seconds} s.`, {
    retryAfter: seconds,
  });
}
