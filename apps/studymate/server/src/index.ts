import { defineApp } from '@app/platform';
import { studymateErrors, studymateManifest, studymatePlans } from '@app/studymate-contracts';
import { overviewRoutes } from './overview/routes.js';
import { studymatePolicy } from './policies.js';

/** studymate: its API is under `/api/v1/studymate`, its web at `/studymate/`. */
export const studymate = defineApp({
  name: 'studymate',
  migrations: new URL('../migrations', import.meta.url),
  manifest: studymateManifest,
  errors: studymateErrors,
  billing: studymatePlans,
  setup(platform) {
    const policy = studymatePolicy(platform);
    return { routes: [overviewRoutes(policy)] };
  },
});
