import { sql } from 'kysely';
import { AppError } from '../http/app-error.js';
import { audit } from './audit.js';
import type { AuthDeps } from './deps.js';
import type { RequestMeta } from './sessions.js';
import { matchTotp, newBackupCodes, newTotpSecret, storeBackupCodes, useBackupCode } from './two-factor.js';
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

/** Confirms the pending secret with a code from the app; returns ten single-use backup codes. */
export async function enableTwoFactor(
  deps: AuthDeps,
  userId: string,
  code: string,
  meta: RequestMeta,
): Promise<{ backupCodes: string[] }> {
  const user = await findUserById(deps.db, userId);
  if (!user?.totp_pending_secret)
    throw new AppError('CONFLICT', 'Start the setup first (POST /api/v1/auth/2fa/setup).');
  const step = await matchTotp(user.totp_pending_secret, code);
  if (step === undefined) throw new AppError('INVALID_CODE');
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
      .where('id', '=', userId)
      .execute();
    await storeBackupCodes(trx, userId, backupCodes);
    await audit(trx, { actorId: userId, action: 'two_factor.enabled', ip: meta.ip });
  });
  return { backupCodes };
}

/** Turns 2FA off after a current TOTP code or a backup code; forgets remembered devices. */
export async function disableTwoFactor(
  deps: AuthDeps,
  userId: string,
  code: string,
  meta: RequestMeta,
): Promise<void> {
  const user = await findUserById(deps.db, userId);
  if (!user?.totp_secret || !user.totp_enabled_at) throw new AppError('TWO_FACTOR_NOT_ENABLED');
  const step = await matchTotp(user.totp_secret, code);
  const fresh = step !== undefined && (user.totp_last_step === null || step > user.totp_last_step);
  if (!fresh && !(await useBackupCode(deps.db, userId, code))) throw new AppError('INVALID_CODE');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('platform.users')
      .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: sql<Date>`now()` })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('platform.backup_codes').where('user_id', '=', userId).execute();
    await trx.deleteFrom('platform.trusted_devices').where('user_id', '=', userId).execute();
    await audit(trx, { actorId: userId, action: 'two_factor.disabled', ip: meta.ip });
  });
}
