import { appTask, defineApp } from '@app/platform';
import { storehelperErrors, storehelperManifest, storehelperPlans } from '@app/storehelper-contracts';
import { ReviewAnalysis } from './analysis/analyze.js';
import { analyzeReviewsTask } from './analysis/tasks.js';
import { Collector } from './collection/collector.js';
import { CollectionRuns } from './collection/runs.js';
import type { ReviewSource } from './collection/source.js';
import { collectAllTask, collectStoreTask } from './collection/tasks.js';
import { shDb } from './db.js';
import type { StorehelperDeps } from './deps.js';
import { overviewRoutes } from './overview/routes.js';
import { storehelperPolicy } from './policies.js';
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
  setup(platform) {
    const db = shDb(platform);
    const policy = storehelperPolicy(platform, db);
    const deps: StorehelperDeps = { platform, db, policy };
    const stores = new StoreService(deps);
    const runs = new CollectionRuns(deps);
    const sources: ReviewSource[] = [];
    const collector = new Collector(deps, runs, sources);
    const analysis = new ReviewAnalysis(deps);
    return {
      routes: [overviewRoutes(policy), storeRoutes(deps, stores)],
      tasks: [
        appTask(analyzeReviewsTask, async ({ storeId }) => {
          await analysis.run(storeId);
        }),
        appTask(collectStoreTask, async ({ storeId, trigger }, context) => {
          await collector.collect(storeId, trigger, { signal: context.signal, logger: context.logger });
        }),
        appTask(collectAllTask, async () => {
          const stores = await db.selectFrom('storehelper.stores').selectAll().execute();
          for (const store of stores)
            if ((await collector.sourcesOf(store)).length > 0)
              await platform.jobs.enqueue(
                collectStoreTask,
                { storeId: store.id, trigger: 'schedule' },
                { key: `storehelper.collect:${store.id}` },
              );
        }),
      ],
      cron: [{ id: 'storehelper.collect-hourly', pattern: '5 * * * *', task: collectAllTask, payload: {} }],
    };
  },
});
