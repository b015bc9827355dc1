import { sql } from 'kysely';
import { audit } from '../auth/audit.js';
import type { PlatformDb } from '../db/pool.js';

/** What granting or revoking the platform admin role did. */
export type AdminGrantOutcome = 'granted' | 'revoked' | 'unchanged' | 'no-account' | 'last-admin';

/**
 * Makes the account with this email a platform admin, outside any request: the operator's command
 * (`npm run admin -- grant`), `ADMIN_EMAILS` on verification, the demo data. Audited with no actor
 * and `via` saying where it came from.
 */
export async function grantPlatformAdmin(
  db: PlatformDb,
  email: string,
  via: string,
): Promise<AdminGrantOutcome> {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('platform.users')
      .select(['id', 'platform_role'])
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .forUpdate()
      .executeTakeFirst();
    if (!user) return 'no-account';
    if (user.platform_role === 'admin') return 'unchanged';
    await trx
      .updateTable('platform.users')
      .set({ platform_role: 'admin' })
      .where('id', '=', user.id)
      .execute();
    await audit(trx, {
      actorId: null,
      action: 'role.changed',
      targetId: user.id,
      data: { scope: 'platform', from: null, to: 'admin', via },
    });
    return 'granted';
  });
}

/** Takes the platform admin role away (`npm run admin -- revoke`); never from the last active admin. */
export async function revokePlatformAdmin(
  db: PlatformDb,
  email: string,
  via: string,
): Promise<AdminGrantOutcome> {
  return db.transaction().execute(async (trx) => {
    const admins = await trx
      .selectFrom('platform.users')
      .select(['id', 'email', 'suspended_at'])
      .where('platform_role', '=', 'admin')
      .forUpdate()
      .execute();
    const user = admins.find((admin) => admin.email.toLowerCase() === email.toLowerCase());
    if (!user) {
      const exists = await trx
        .selectFrom('platform.users')
        .select('id')
        .where(sql`lower(email)`, '=', email.toLowerCase())
        .executeTakeFirst();
      return exists ? 'unchanged' : 'no-account';
    }
    const active = admins.filter((admin) => admin.suspended_at === null);
    if (user.suspended_at === null && active.length <= 1) return 'last-admin';
    await trx.updateTable('platform.users').set({ platform_role: null }).where('id', '=', user.id).execute();
    await audit(trx, {
      actorId: null,
      action: 'role.changed',
      targetId: user.id,
      data: { scope: 'platform', from: 'admin', to: null, via },
    });
    return 'revoked';
  });
}

/** The platform admins, for the command's `list`. */
export function listPlatformAdmins(db: PlatformDb) {
  return db
    .selectFrom('platform.users')
    .select(['email', 'name', 'suspended_at'])
    .where('platform_role', '=', 'admin')
    .orderBy('created_at')
    .execute();
}
