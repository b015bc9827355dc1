import { languagemateErrors, languagemateManifest } from '@app/languagemate-contracts';
import { appDatabase, defineApp } from '@app/platform';
import type { DB } from './db.generated.js';
import { Matcher } from './matching/matcher.js';
import { matchingRoutes } from './matching/routes.js';
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
    const matcher = new Matcher({ platform, db: appDatabase<DB>(platform.pool), policy });
    // Only roles that serve HTTP rank suggestions; they load the index before the first viewer comes.
    if (platform.config.role !== 'worker') matcher.warm();
    return { routes: [overviewRoutes(policy), matchingRoutes({ policy }, matcher)] };
  },
});
