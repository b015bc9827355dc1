import { type AppPlatform, appDatabase, type PlatformReadViews } from '@app/platform';
import type { Kysely } from 'kysely';
import type { DB } from './db.generated.js';

/** studymate's query builder: its own schema plus the platform's read views. */
export type SmDb = Kysely<DB & PlatformReadViews>;

/** studymate's typed database over the platform's pool. */
export function smDb(platform: AppPlatform): SmDb {
  return appDatabase<DB>(platform.pool);
}
