import { appTask, defineApp } from '@app/platform';
import { storehelperErrors, storehelperManifest, storehelperPlans } from '@app/storehelper-contracts';
import { ReviewAnalysis } from './analysis/analyze.js';
import { analyzeReviewsTask } from './analysis/tasks.js';
import { Collector } from './collection/collector.js';
import { collectionRoutes } from './collection/routes.js';
import { CollectionRuns } from './collection/runs.js';
import type { ReviewSource } from './collection/source.js';
import { collectAllTask, collectStoreTask, crawlerHealthTask } from './collection/tasks.js';
import {
  checkCrawlerHealth,
  crawlerConfig,
  crawlerDeps,
  crawlerEnvShape,
  crawlerSources,
} from './crawler/index.js';
import { PDF_FONT_VARIABLE } from './dashboard/export.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { DashboardService } from './dashboard/service.js';
import { shDb } from './db.js';
import { seedDemo } from './demo.js';
import type { StorehelperDeps } from './deps.js';
import {
  GoogleBusiness,
  GoogleReplies,
  googleConfigFromEnv,
  googleEnvVariables,
  googleRoutes,
  googleSource,
} from './google/index.js';
import { importFileScope } from './imports/file-scope.js';
import { ImportService } from './imports/service.js';
import { overviewRoutes } from './overview/routes.js';
import { storehelperPolicy } from './policies.js';
import type { ReplyPoster } from './replies/poster.js';
import { ReplyService } from './replies/service.js';
import { TemplateService } from './replies/templates.js';
import { reportRoutes } from './reports/routes.js';
import { Reports } from './reports/service.js';
import { reportTickTask, storeReportTask } from './reports/tasks.js';
import { reviewRoutes } from './reviews/routes.js';
import { ReviewService } from './reviews/service.js';
import { storeRoutes } from './stores/routes.js';
import { StoreService } from './stores/service.js';

/**
 * storehelper, "우리가게 도우미" (seed 003): stores and staff, reviews collected from Google's API,
 * spreadsheets and the Naver/Kakao crawlers into one model, Korean-first analysis with alerts, AI
 * reply drafts with approval, a dashboard and reports. API under `/api/v1/storehelper`, web at
 * `/storehelper/`; see docs/storehelper.md.
 */
export const storehelper = defineApp({
  name: 'storehelper',
  migrations: new URL('../migrations', import.meta.url),
  manifest: storehelperManifest,
  errors: storehelperErrors,
  billing: storehelperPlans,
  env: [...googleEnvVariables, ...Object.keys(crawlerEnvShape), PDF_FONT_VARIABLE],
  setup(platform) {
    const db = shDb(platform);
    const policy = storehelperPolicy(platform, db);
    const deps: StorehelperDeps = { platform, db, policy };
    // Throws at start-up on malformed GOOGLE_BUSINESS_* variables; unset = Google not offered.
    const google = new GoogleBusiness(deps, googleConfigFromEnv(process.env));
    // Naver and Kakao are crawled only where the operator switched them on (STOREHELPER_CRAWL_ENABLED).
    const crawl = crawlerConfig();
    const crawler = crawlerDeps(crawl);
    const sources: ReviewSource[] = [googleSource(google), ...crawlerSources(crawler, crawl)];
    const posters: ReplyPoster[] = [new GoogleReplies(google)];
    const stores = new StoreService(deps);
    const runs = new CollectionRuns(deps);
    const collector = new Collector(deps, runs, sources);
    const imports = new ImportService(deps, runs);
    const reviews = new ReviewService(deps);
    const replies = new ReplyService(deps, posters);
    const templates = new TemplateService(deps);
    const analysis = new ReviewAnalysis(deps, async (storeId, ids) => {
      await replies.autoDraft(storeId, ids);
    });
    const dashboard = new DashboardService(deps);
    const reports = new Reports(deps, dashboard);
    return {
      routes: [
        overviewRoutes(policy),
        storeRoutes(deps, stores),
        reviewRoutes(deps, { reviews, replies, templates }),
        collectionRoutes(deps, { runs, collector, imports }),
        dashboardRoutes(deps, dashboard),
        reportRoutes(deps, reports),
        googleRoutes(deps, google),
      ],
      tasks: [
        appTask(analyzeReviewsTask, async ({ storeId }) => {
          await analysis.run(storeId);
        }),
        appTask(collectStoreTask, async ({ storeId, trigger }, context) => {
          await collector.collect(storeId, trigger, { signal: context.signal, logger: context.logger });
        }),
        appTask(collectAllTask, async () => {
          const all = await db.selectFrom('storehelper.stores').selectAll().execute();
          for (const store of all)
            if ((await collector.sourcesOf(store)).length > 0)
              await platform.jobs.enqueue(
                collectStoreTask,
                { storeId: store.id, trigger: 'schedule' },
                { key: `storehelper.collect:${store.id}` },
              );
        }),
        appTask(reportTickTask, async () => {
          const now = new Date();
          for (const store of await reports.storesAt(now, 9)) {
            await platform.jobs.enqueue(storeReportTask, { storeId: store.id, kind: 'daily' });
          }
          for (const store of await reports.storesAt(now, 9, true)) {
            await platform.jobs.enqueue(storeReportTask, { storeId: store.id, kind: 'weekly' });
          }
        }),
        appTask(storeReportTask, async ({ storeId, kind }) => {
          await reports.write(storeId, kind);
        }),
        appTask(crawlerHealthTask, async (_payload, context) => {
          await checkCrawlerHealth(deps, crawler, crawl, context.logger, context.signal);
        }),
      ],
      cron: [
        { id: 'storehelper.collect-hourly', pattern: '5 * * * *', task: collectAllTask, payload: {} },
        {
          id: 'storehelper.report-tick',
          pattern: '0 * * * *',
          task: reportTickTask,
          payload: {},
          backfillMs: 3_000_000,
        },
      ],
      fileScopes: importFileScope(deps),
      seedDemo,
      close: () => crawler.pool.close(),
    };
  },
});
