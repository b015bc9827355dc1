import { sql } from 'kysely';
import type { AccessChanges } from '../access/changes.js';
import type { PlatformDb } from '../db/pool.js';
import type { EmailVerifiedHandler, EmailVerifiedHooks } from './email-verified.js';
import type { PersonSummary } from './person.js';

export type { PersonSummary } from './person.js';

/**
 * The kernel's read access to accounts for apps, and their app-wide roles (`platform.memberships`):
 * apps ask here instead of reading or writing the platform's tables.
 */
export class Directory {
  constructor(
    private readonly db: PlatformDb,
    private readonly access?: Pick<AccessChanges, 'changed'>,
    private readonly verified?: EmailVerifiedHooks,
  ) {}

  /** One person, or undefined when the account does not exist (any more). */
  async person(id: string): Promise<PersonSummary | undefined> {
    return (await this.people([id]))[0];
  }

  /** The people of `ids` that exist, in no particular order. */
  async people(ids: readonly string[]): Promise<PersonSummary[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('platform.users')
      .select(['id', 'name', 'email', 'platform_role'])
      .where('id', 'in', ids)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      platformRole: row.platform_role === 'admin' ? 'admin' : null,
    }));
  }

  /** The account with this email (case-insensitive), if any. */
  async byEmail(email: string): Promise<PersonSummary | undefined> {
    const row = await this.db
      .selectFrom('platform.users')
      .select('id')
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
    return row ? this.person(row.id) : undefined;
  }

  /**
   * Marks the account's email address verified, for accounts an operator vouches for (demo data,
   * an admin's import); people verify their own through the emailed link.
   */
  async markEmailVerified(userId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('platform.users')
        .set({ email_verified_at: sql`now()` })
        .where('id', '=', userId)
        .where('email_verified_at', 'is', null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) > 0) await this.verified?.queue(trx, userId);
    });
  }

  /**
   * Registers what an app does once an account's address is verified (the app kit passes each app's
   * `onEmailVerified`); it runs in a job and must be idempotent.
   */
  onEmailVerified(app: string, handler: EmailVerifiedHandler): void {
    if (!this.verified) throw new Error('this directory has no email-verified hooks');
    this.verified.register(app, handler);
  }

  /** Whether the account is a platform admin. */
  async isPlatformAdmin(userId: string): Promise<boolean> {
    return (await this.person(userId))?.platformRole === 'admin';
  }

  /** The account's app-wide role in `app` (granted by that app's admins), or null. */
  async appRole(userId: string, app: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('platform.memberships')
      .select('role')
      .where('user_id', '=', userId)
      .where('app', '=', app)
      .executeTakeFirst();
    return row?.role ?? null;
  }

  /**
   * Grants (or with null, takes away) the account's app-wide role in `app`; what the old role
   * allowed and the new one does not is revoked at once (`platform.access.changed`).
   */
  async setAppRole(userId: string, app: string, role: string | null): Promise<void> {
    await writeAppRole(this.db, userId, app, role);
    await this.access?.changed(userId);
  }
}

/**
 * Writes an account's app-wide role (null removes it), inside the caller's transaction when given
 * one; the caller calls `platform.access.changed` once it has committed.
 */
export async function writeAppRole(db: PlatformDb, userId: string, app: string, role: string | null) {
  if (role === null) {
    await db
      .deleteFrom('platform.memberships')
      .where('user_id', '=', userId)
      .where('app', '=', app)
      .execute();
    return;
  }
  await db
    .insertInto('platform.memberships')
    .values({ user_id: userId, app, role })
    .onConflict((oc) => oc.columns(['user_id', 'app']).doUpdateSet({ role }))
    .execute();
}
