import { languagemateErrors, languagemateManifest } from '@app/languagemate-contracts';
import { defineApp } from '@app/platform';
import { correctionRoutes } from './corrections/routes.js';
import { CorrectionService } from './corrections/service.js';
import { lmDb } from './db.js';
import type { LanguagemateDeps } from './deps.js';
import { overviewRoutes } from './overview/routes.js';
import { partnerRoutes } from './partners/routes.js';
import { PartnerService } from './partners/service.js';
import { languagematePolicy } from './policies.js';
import { photoFileScope } from './profiles/photo-scope.js';
import { profileRoutes } from './profiles/routes.js';
import { ProfileService } from './profiles/service.js';
import { reportRoutes } from './reports/routes.js';
import { ReportService } from './reports/service.js';
import { Sanctions } from './safety/sanctions.js';

/**
 * languagemate: an AI language exchange (seeds 000, 001): profiles, partner matching, 1:1 chat
 * with corrections, safety, calls, schedule and a learning dashboard. Its API is under
 * `/api/v1/languagemate`, its web at `/languagemate/`; see docs/languagemate.md.
 */
export const languagemate = defineApp({
  name: 'languagemate',
  migrations: new URL('../migrations', import.meta.url),
  manifest: languagemateManifest,
  errors: languagemateErrors,
  setup(platform) {
    const deps: LanguagemateDeps = { platform, db: lmDb(platform), policy: languagematePolicy(platform) };
    const sanctions = new Sanctions(deps);
    const profiles = new ProfileService(deps);
    const partners = new PartnerService(deps, profiles, sanctions);
    const reports = new ReportService(deps);
    const corrections = new CorrectionService(deps);
    return {
      routes: [
        overviewRoutes(deps),
        correctionRoutes(deps, corrections),
        profileRoutes(deps, profiles),
        partnerRoutes(deps, partners),
        reportRoutes(deps, reports),
      ],
      fileScopes: photoFileScope(deps),
    };
  },
});
