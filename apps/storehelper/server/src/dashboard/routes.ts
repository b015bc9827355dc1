import { dashboardSchema, reviewFilterSchema } from '@app/storehelper-contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { keyRoute } from '../api-keys.js';
import type { StorehelperDeps } from '../deps.js';
import { dashboardPdf, reviewsCsv } from './export.js';
import type { DashboardService } from './service.js';

const tags = ['storehelper'];
const params = z.object({ storeId: z.uuid() });

/** The dashboard and its exports (CSV of the filtered reviews, PDF report). */
export function dashboardRoutes(deps: StorehelperDeps, dashboard: DashboardService): FastifyPluginAsync {
  const config = deps.policy.route('store.view', { store: 'storeId' });
  const keyed = keyRoute(deps, 'store.view', { store: 'storeId' }, 'storehelper:read');
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/stores/:storeId/dashboard',
      {
        ...keyed,
        schema: {
          tags,
          summary: 'Trends, keywords, response, complaints, competitors and recommendations',
          params,
          querystring: reviewFilterSchema,
          response: { 200: dashboardSchema },
        },
      },
      async (request) => dashboard.get(request.params.storeId, request.query),
    );
    app.get(
      '/stores/:storeId/export.csv',
      {
        ...keyed,
        schema: {
          tags,
          summary: 'The filtered reviews as CSV (a download)',
          params,
          querystring: reviewFilterSchema,
        },
      },
      async (request, reply) =>
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="reviews.csv"')
          .send(await reviewsCsv(deps, request.params.storeId, request.query)),
    );
    app.get(
      '/stores/:storeId/report.pdf',
      {
        config,
        schema: {
          tags,
          summary: 'The dashboard as a PDF report (a download; 503 without a Hangul font on the server)',
          params,
          querystring: reviewFilterSchema.extend({ lang: z.enum(['ko', 'en']).default('ko') }),
        },
      },
      async (request, reply) => {
        const { lang, ...filter } = request.query;
        const store = await deps.db
          .selectFrom('storehelper.stores')
          .select('name')
          .where('id', '=', request.params.storeId)
          .executeTakeFirstOrThrow();
        const pdf = dashboardPdf(store.name, await dashboard.get(request.params.storeId, filter), lang);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', 'attachment; filename="report.pdf"')
          .send(pdf);
      },
    );
  };
}
