import type { PlatformContext, PlatformDb } from '@app/platform';
import type { Kysely } from 'kysely';
import type { DB } from './db.generated.js';

type PlatformTables = PlatformDb extends Kysely<infer T> ? T : never;

/** eduforum's query builder: its own schema plus the platform's tables it reads (users, chat). */
export type EduDb = Kysely<PlatformTables & DB>;

/** The platform's pool, typed for eduforum's tables too. */
export function eduDb(platform: PlatformContext): EduDb {
  // Same pool and dialect; only the static table map differs.
  return platform.db as unknown as EduDb;
}
