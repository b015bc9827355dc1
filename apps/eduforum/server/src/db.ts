import { type AppPlatform, appDatabase, type PlatformReadViews } from '@app/platform';
import type { Kysely } from 'kysely';
import type { DB } from './db.generated.js';

/** eduforum's query builder: its own schema plus the platform's read views (people, app roles). */
export type EduDb = Kysely<DB & PlatformReadViews>;

/** eduforum's typed database over the platform's pool. */
export function eduDb(platform: AppPlatform): EduDb {
  return appDatabase<DB>(platform.pool);
}
