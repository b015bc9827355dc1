import { defineApp } from '@app/platform';
import { storehelperErrors, storehelperManifest, storehelperPlans } from '@app/storehelper-contracts';
import { overviewRoutes } from './overview/routes.js';
import { storehelperPolicy } from './policies.js';

/** storehelper: its API is under `/api/v1/storehelper`, its web at `/storehelper/`. */
export const storehelper = defineApp({
  name: 'storehelper',
  migrations: new URL('../migrations', import.meta.url),
  manifest: storehelperManifest,
  errors: storehelperErrors,
  billing: storehelperPlans,
  setup(platform) {
    const policy = storehelperPolicy(platform);
    return { routes: [overviewRoutes(policy)] };
  },
});
