import { AppError, callerOf } from '@app/platform';
import {
  collectionRunSchema,
  importPreviewSchema,
  importRequestSchema,
  importResultSchema,
} from '@app/storehelper-contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StorehelperDeps } from '../deps.js';
import type { ImportService } from '../imports/service.js';
import type { Collector } from './collector.js';
import type { CollectionRuns } from './runs.js';
import { collectStoreTask } from './tasks.js';

const tags = ['storehelper'];
const params = z.object({ storeId: z.uuid() });

/** Collection runs, "collect now" and spreadsheet imports. */
export function collectionRoutes(
  deps: StorehelperDeps,
  services: { runs: CollectionRuns; collector: Collector; imports: ImportService },
): FastifyPluginAsync {
  const { policy, platform, db } = deps;
  const { runs, collector, imports } = services;
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/stores/:storeId/runs',
      {
        config: policy.route('store.view', { store: 'storeId' }),
        schema: {
          tags,
          summary: 'The latest collection runs (found, new, updated, errors)',
          params,
          response: { 200: z.object({ items: z.array(collectionRunSchema) }) },
        },
      },
      async (request) => ({ items: await runs.list(request.params.storeId) }),
    );
    app.post(
      '/stores/:storeId/collect',
      {
        config: policy.route('store.manage', { store: 'storeId' }),
        schema: {
          tags,
          summary:
            'Collect now from every source the store is set up for (a job; watch the runs). 409 when none is set up',
          params,
          response: { 202: z.object({ sources: z.array(z.string()) }) },
        },
      },
      async (request, reply) => {
        const store = await db
          .selectFrom('storehelper.stores')
          .selectAll()
          .where('id', '=', request.params.storeId)
          .executeTakeFirstOrThrow();
        const sources = (await collector.sourcesOf(store)).map((s) => s.platform);
        if (sources.length === 0)
          throw new AppError(
            'NOT_CONNECTED',
            'Connect Google, or add the Naver Place or Kakao Map id, first.',
          );
        await platform.jobs.enqueue(
          collectStoreTask,
          { storeId: store.id, trigger: 'manual' },
          { key: `storehelper.collect:${store.id}` },
        );
        return reply.code(202).send({ sources });
      },
    );
    app.post(
      '/stores/:storeId/imports/preview',
      {
        config: policy.route('store.manage', { store: 'storeId' }),
        schema: {
          tags,
          summary:
            'Read an uploaded CSV/XLSX: headers, a suggested column mapping, the first rows and every row problem',
          params,
          body: importRequestSchema,
          response: { 200: importPreviewSchema },
        },
      },
      async (request) => imports.preview(callerOf(request).userId, request.body),
    );
    app.post(
      '/stores/:storeId/imports',
      {
        config: policy.route('store.manage', { store: 'storeId' }),
        schema: {
          tags,
          summary:
            'Import the spreadsheet with a column mapping, all or nothing (422 IMPORT_INVALID lists the bad rows)',
          params,
          body: importRequestSchema,
          response: { 200: importResultSchema },
        },
      },
      async (request) => imports.import(callerOf(request).userId, request.params.storeId, request.body),
    );
  };
}
