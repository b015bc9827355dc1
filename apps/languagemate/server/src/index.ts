import { languagemateErrors, languagemateManifest } from '@app/languagemate-contracts';
import { appTask, defineApp } from '@app/platform';
import { callRoutes } from './calls/routes.js';
import { CallRecords } from './calls/service.js';
import { correctionRoutes } from './corrections/routes.js';
import { CorrectionService } from './corrections/service.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { DashboardService } from './dashboard/service.js';
import { lmDb } from './db.js';
import { seedDemo } from './demo.js';
import type { LanguagemateDeps } from './deps.js';
import { Matcher } from './matching/matcher.js';
import { matchingRoutes } from './matching/routes.js';
import { overviewRoutes } from './overview/routes.js';
import { partnerRoutes } from './partners/routes.js';
import { PartnerService } from './partners/service.js';
import { languagematePolicy } from './policies.js';
import { photoFileScope } from './profiles/photo-scope.js';
import { profileRoutes } from './profiles/routes.js';
import { ProfileService } from './profiles/service.js';
import { reportRoutes } from './reports/routes.js';
import { ReportService } from './reports/service.js';
import { chatGuard } from './safety/guard.js';
import { Sanctions } from './safety/sanctions.js';
import { Reliability } from './schedule/reliability.js';
import { scheduleRoutes } from './schedule/routes.js';
import { ScheduleService } from './schedule/service.js';
import { reliabilityTask, sessionReminderTask } from './schedule/tasks.js';

/** How long after sending a message its sender may edit or delete it. */
const EDIT_WINDOW_MS = 15 * 60_000;

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
    // A suspended person cannot ring anyone, partners included.
    platform.calls.refuseCallers('languagemate', (callerId) => sanctions.requireActive(callerId));
    const profiles = new ProfileService(deps);
    const partners = new PartnerService(deps, profiles, sanctions);
    const reports = new ReportService(deps);
    const corrections = new CorrectionService(deps);
    const reliability = new Reliability(deps);
    const schedule = new ScheduleService(deps, partners, sanctions, reliability);
    const calls = new CallRecords(deps);
    const dashboard = new DashboardService(deps, profiles, schedule);
    const matcher = new Matcher(deps);
    // Only roles that serve HTTP rank suggestions; they load the index before the first viewer comes.
    if (platform.config.role !== 'worker') matcher.warm();
    return {
      routes: [
        overviewRoutes(deps),
        correctionRoutes(deps, corrections),
        profileRoutes(deps, profiles),
        matchingRoutes(deps, matcher),
        partnerRoutes(deps, partners),
        reportRoutes(deps, reports),
        scheduleRoutes(deps, schedule),
        callRoutes(deps, calls),
        dashboardRoutes(deps, dashboard),
      ],
      tasks: [
        appTask(sessionReminderTask, ({ sessionId, lead }) => schedule.remind(sessionId, lead)),
        appTask(reliabilityTask, async () => {
          await reliability.recomputeActive();
        }),
      ],
      cron: [{ id: 'languagemate.reliability', pattern: '30 4 * * *', task: reliabilityTask, payload: {} }],
      chat: { guard: chatGuard(deps, sanctions), editWindowMs: EDIT_WINDOW_MS },
      fileScopes: photoFileScope(deps),
      seedDemo,
    };
  },
});
