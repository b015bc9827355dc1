import { type AppPlatform, appDatabase, type PlatformReadViews } from '@app/platform';
import type { Kysely } from 'kysely';
import type { DB } from './db.generated.js';

/** languagemate's query builder: its own schema plus the platform's read views (people, app roles). */
export type LmDb = Kysely<DB & PlatformReadViews>;

/** languagemate's typed database over the platform's pool. */
export function lmDb(platform: AppPlatform): LmDb {
  return appDatabase<DB>(platform.pool);
}
