import { type AppPlatform, appDatabase, type PlatformReadViews } from '@app/platform';
import type { Kysely } from 'kysely';
import type { DB } from './db.generated.js';

/** storehelper's query builder: its own schema plus the platform's read views (people, app roles). */
export type ShDb = Kysely<DB & PlatformReadViews>;

/** storehelper's typed database over the platform's pool. */
export function shDb(platform: AppPlatform): ShDb {
  return appDatabase<DB>(platform.pool);
}
