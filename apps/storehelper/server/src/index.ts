import { defineApp } from '@app/platform';
import { storehelperErrors, storehelperManifest, storehelperPlans } from '@app/storehelper-contracts';
import { shDb } from './db.js';
import { overviewRoutes } from './overview/routes.js';
import { storehelperPolicy } from './policies.js';
import { storeRoutes } from './stores/routes.js';
import { StoreService } from './stores/service.js';

/** storehelper: its API is under `/api/v1/storehelper`, its web at `/storehelper/`. */
export const storehelper = defineApp({
  name: 'storehelper',
  migrations: new URL('../migrations', import.meta.url),
  manifest: storehelperManifest,
  errors: storehelperErrors,
  billing: storehelperPlans,
  setup(platform) {
    const policy = storehelperPolicy(platform);
    const stores = new StoreService(platform, shDb(platform));
    return { routes: [overviewRoutes(policy), storeRoutes(policy, stores)] };
  },
});
