import { sql } from 'kysely';
import { AppError } from '../http/app-error.js';
import type { AuthContext } from './access.js';
import { audit } from './audit.js';
import { checkSecondFactor, codeFailed, ensureCodeChecksAllowed } from './code-checks.js';
import type { AuthDeps } from './deps.js';
import { confirmAccountHolder } from './reauth.js';
import type { RequestMeta } from './sessions.js';
import { matchTotp, newBackupCodes, newTotpSecret, storeBackupCodes } from './two-factor.js';
import { findUserById } from './users.js';

/** Starts 2FA setup: a pending secret that `enableTwoFactor` confirms with a first code. */
export async function setupTwoFactor(
  deps: AuthDeps,
  userId: string,
): Promise<{ secret: string; otpauthUrl: string }> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (user.totp_enabled_at) throw new AppError('CONFLICT', 'Two-factor sign-in is already enabled.');
  const fresh = newTotpSecret(user.email);
  await deps.db
    .updateTable('platform.users')
    .set({ totp_pending_secret: fresh.secret })
    .where('id', '=', userId)
    .execute();
  return fresh;
}

/**
 * Confirms the pending secret with a first code and the account holder's password (a stolen
 * token must not be able to put the attacker's authenticator on the account); returns ten
 * single-use backup codes.
 */
export async function enableTwoFactor(
  deps: AuthDeps,
  caller: AuthContext,
  input: { code: string; password?: string | undefined },
  meta: RequestMeta,
): Promise<{ backupCodes: string[] }> {
  const user = await confirmAccountHolder(deps, caller, input.password, 'two_factor.enable', meta);
  if (!user.totp_pending_secret)
    throw new AppError('CONFLICT', 'Start the setup first (POST /api/v1/auth/2fa/setup).');
  await ensureCodeChecksAllowed(deps, user.id);
  const step = await matchTotp(user.totp_pending_secret, input.code);
  if (step === undefined) return codeFailed(deps, user.id, 'enable', meta);
  await deps.throttle.clear('code', user.id);
  const backupCodes = newBackupCodes();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('platform.users')
      .set({
        totp_secret: user.totp_pending_secret,
        totp_pending_secret: null,
        totp_enabled_at: sql<Date>`now()`,
        totp_last_step: step,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', user.id)
      .execute();
    await storeBackupCodes(trx, user.id, backupCodes);
    await audit(trx, { actorId: user.id, action: 'two_factor.enabled', ip: meta.ip });
  });
  return { backupCodes };
}

/**
 * Turns 2FA off after the account holder's password and a current TOTP code or a backup code
 * (checked, counted and audited like every code check); forgets remembered devices.
 */
export async function disableTwoFactor(
  deps: AuthDeps,
  caller: AuthContext,
  input: { code: string; password?: string | undefined },
  meta: RequestMeta,
): Promise<void> {
  const user = await confirmAccountHolder(deps, caller, input.password, 'two_factor.disable', meta);
  if (!user.totp_secret || !user.totp_enabled_at) throw new AppError('TWO_FACTOR_NOT_ENABLED');
  await checkSecondFactor(deps, { id: user.id, totp_secret: user.totp_secret }, input.code, 'disable', meta);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('platform.users')
      .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: sql<Date>`now()` })
      .where('id', '=', user.id)
      .execute();
    await trx.deleteFrom('platform.backup_codes').where('user_id', '=', user.id).execute();
    await trx.deleteFrom('platform.trusted_devices').where('user_id', '=', user.id).execute();
    await audit(trx, { actorId: user.id, action: 'two_factor.disabled', ip: meta.ip });
  });
}
