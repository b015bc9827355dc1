import type { User } from '@app/contracts';
import type { Selectable } from 'kysely';
import type { PlatformDb } from '../db/pool.js';
import type { PlatformUsers } from '../db.generated.js';

export type UserRow = Selectable<PlatformUsers>;

/** Row -> API shape; secrets (hashes, TOTP) never leave this module. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    emailVerified: row.email_verified_at !== null,
    name: row.name,
    locale: row.locale === 'en' ? 'en' : 'ko',
    twoFactorEnabled: row.totp_enabled_at !== null,
    hasPassword: row.password_hash !== null,
    platformRole: row.platform_role === 'admin' ? 'admin' : null,
    createdAt: row.created_at.toISOString(),
  };
}

/** Finds a user by email, case-insensitively. */
export function findUserByEmail(db: PlatformDb, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('platform.users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

/** Finds a user by id. */
export function findUserById(db: PlatformDb, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('platform.users').selectAll().where('id', '=', id).executeTakeFirst();
}
