import { appTask, defineApp } from '@app/platform';
import { studymateErrors, studymateManifest, studymatePlans } from '@app/studymate-contracts';
import { DeckService } from './cards/deck.js';
import { ReviewService } from './cards/review.js';
import { cardRoutes } from './cards/routes.js';
import { CardService } from './cards/service.js';
import { smDb } from './db.js';
import { seedDemo } from './demo.js';
import type { StudymateDeps } from './deps.js';
import { materialFileScope } from './materials/file-scope.js';
import { processMaterial } from './materials/process.js';
import { materialRoutes } from './materials/routes.js';
import { MaterialService } from './materials/service.js';
import { processMaterialTask } from './materials/tasks.js';
import { overviewRoutes } from './overview/routes.js';
import { studymatePolicy } from './policies.js';
import { quizRoutes } from './quizzes/routes.js';
import { QuizService } from './quizzes/service.js';
import { DashboardService } from './study/dashboard.js';
import { Optimizer } from './study/optimize.js';
import { Reports } from './study/reports.js';
import { studyRoutes } from './study/routes.js';
import { SettingsService } from './study/settings.js';
import {
  closeTimersTask,
  dailyStatsTask,
  optimizeTask,
  statsTickTask,
  weeklyReportTask,
} from './study/tasks.js';
import { TimerService } from './study/timer.js';
import { subjectRoutes } from './subjects/routes.js';
import { SubjectService } from './subjects/service.js';

/**
 * studymate: an AI study companion (seed 002): subjects and materials read into passages, summaries
 * and key terms that cite them, generated quizzes, FSRS spaced repetition with per-learner
 * optimisation, a study timer, a dashboard and weekly reports. API under `/api/v1/studymate`, web at
 * `/studymate/`; see docs/studymate.md.
 */
export const studymate = defineApp({
  name: 'studymate',
  migrations: new URL('../migrations', import.meta.url),
  manifest: studymateManifest,
  errors: studymateErrors,
  billing: studymatePlans,
  setup(platform) {
    const policy = studymatePolicy(platform);
    const deps: StudymateDeps = { platform, db: smDb(platform), policy };
    const materials = new MaterialService(deps);
    const settings = new SettingsService(deps);
    const cards = new CardService(deps, materials);
    const review = new ReviewService(deps, settings);
    const deck = new DeckService(deps, settings);
    const quizzes = new QuizService(deps, materials);
    const timer = new TimerService(deps);
    const dashboard = new DashboardService(deps, settings, timer);
    const reports = new Reports(deps);
    const optimizer = new Optimizer(deps, settings);
    return {
      routes: [
        overviewRoutes(policy),
        subjectRoutes(deps, new SubjectService(deps)),
        materialRoutes(deps, materials),
        quizRoutes(deps, quizzes),
        cardRoutes(deps, { cards, review, deck }),
        studyRoutes(deps, { settings, optimizer, timer, dashboard, reports }),
      ],
      tasks: [
        appTask(processMaterialTask, ({ materialId }, context) => processMaterial(deps, materialId, context)),
        appTask(optimizeTask, ({ userId }, context) => optimizer.run(userId, context)),
        appTask(statsTickTask, async () => {
          const now = new Date();
          for (const learner of await reports.learnersAt(now, 2))
            await platform.jobs.enqueue(dailyStatsTask, learner, {
              key: `studymate.daily:${learner.userId}`,
            });
          for (const learner of await reports.learnersAt(now, 3, 1))
            await platform.jobs.enqueue(weeklyReportTask, learner, {
              key: `studymate.weekly:${learner.userId}`,
            });
        }),
        appTask(dailyStatsTask, async ({ userId, timeZone }) => {
          await reports.writeDailyStats(userId, timeZone);
        }),
        appTask(weeklyReportTask, async ({ userId, timeZone }) => {
          await reports.weekly(userId, timeZone);
        }),
        appTask(closeTimersTask, async () => {
          await timer.closeAbandoned();
        }),
      ],
      cron: [
        {
          id: 'studymate.stats-tick',
          pattern: '0 * * * *',
          task: statsTickTask,
          payload: {},
          backfillMs: 3_000_000,
        },
        { id: 'studymate.close-timers', pattern: '15 * * * *', task: closeTimersTask, payload: {} },
      ],
      fileScopes: materialFileScope(deps),
      seedDemo,
    };
  },
});
