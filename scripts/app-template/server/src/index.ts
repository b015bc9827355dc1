import { defineApp } from '@app/platform';
import { starterappErrors, starterappManifest } from '@app/starterapp-contracts';
import { overviewRoutes } from './overview/routes.js';
import { starterappPolicy } from './policies.js';

/** starterapp: its API is under `/api/v1/starterapp`, its web at `/starterapp/`. */
export const starterapp = defineApp({
  name: 'starterapp',
  migrations: new URL('../migrations', import.meta.url),
  manifest: starterappManifest,
  errors: starterappErrors,
  setup(platform) {
    const policy = starterappPolicy(platform);
    return { routes: [overviewRoutes(policy)] };
  },
});
