import {
  createReportSchema,
  reportSchema,
  reportsQuerySchema,
  resolveReportSchema,
} from '@app/languagemate-contracts';
import { callerOf } from '@app/platform';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LanguagemateDeps } from '../deps.js';
import type { ReportService } from './service.js';

const tags = ['languagemate'];

/** `POST /reports` for everyone; the review queue under `/admin/reports` for admins. */
export function reportRoutes(deps: LanguagemateDeps, reports: ReportService): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/reports',
      {
        config: deps.policy.route('report.create', 'app'),
        schema: {
          tags,
          summary: 'Report a person (with one of their messages as evidence), and block them by default',
          body: createReportSchema,
          response: { 201: z.object({ id: z.uuid() }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await reports.create(callerOf(request).userId, request.body)),
    );

    app.get(
      '/admin/reports',
      {
        config: deps.policy.route('reports.review', 'app'),
        schema: {
          tags,
          summary: 'The report review queue (open: oldest first; resolved: newest first)',
          querystring: reportsQuerySchema,
          response: { 200: z.object({ items: z.array(reportSchema), nextCursor: z.string().nullable() }) },
        },
      },
      async (request) => reports.list(request.query.state, request.query),
    );

    app.post(
      '/admin/reports/:reportId/resolve',
      {
        config: deps.policy.route('reports.review', 'app'),
        schema: {
          tags,
          summary: 'Dismiss a report, or warn or suspend the reported person',
          params: z.object({ reportId: z.uuid() }),
          body: resolveReportSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await reports.resolve(request.params.reportId, callerOf(request).userId, request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
