import { languagemateErrors, languagemateManifest } from '@app/languagemate-contracts';
import { defineApp } from '@app/platform';
import { overviewRoutes } from './overview/routes.js';
import { languagematePolicy } from './policies.js';

/** languagemate: its API is under `/api/v1/languagemate`, its web at `/languagemate/`. */
export const languagemate = defineApp({
  name: 'languagemate',
  migrations: new URL('../migrations', import.meta.url),
  manifest: languagemateManifest,
  errors: languagemateErrors,
  setup(platform) {
    const policy = languagematePolicy(platform);
    return { routes: [overviewRoutes(policy)] };
  },
});
