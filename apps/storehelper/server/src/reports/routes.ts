import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StorehelperDeps } from '../deps.js';
import type { Reports } from './service.js';

const reportSchema = z
  .object({
    kind: z.enum(['daily', 'weekly']),
    periodStart: z.iso.date(),
    body: z.object({
      from: z.iso.date(),
      to: z.iso.date(),
      reviews: z.number().int(),
      averageRating: z.number().nullable(),
      negative: z.number().int(),
      unanswered: z.number().int(),
      topKeywords: z.array(z.string()),
      complaints: z.array(z.string()),
    }),
    sentAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'StorehelperReport' });

/** The stored daily and weekly reports of a store. */
export function reportRoutes(deps: StorehelperDeps, reports: Reports): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/stores/:storeId/reports',
      {
        config: deps.policy.route('store.view', { store: 'storeId' }),
        schema: {
          tags: ['storehelper'],
          summary: 'Daily (09:00) and weekly (Monday) reports, newest first',
          params: z.object({ storeId: z.uuid() }),
          response: { 200: z.object({ items: z.array(reportSchema) }) },
        },
      },
      async (request) => reports.list(request.params.storeId),
    );
  };
}
