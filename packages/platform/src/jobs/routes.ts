import {
  failedJobSchema,
  pageQuerySchema,
  pageSchema,
  retryJobsResultSchema,
  retryJobsSchema,
} from '@app/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../auth/access.js';
import { decodeCursor, toPage } from '../http/pagination.js';
import type { Jobs } from './jobs.js';

const tags = ['jobs'];
const manage = { access: access.permission('platform:jobs:manage') };

/** `/api/v1/admin/jobs`: failed jobs and their retry, for operators (`platform:jobs:manage`). */
export const jobRoutes: FastifyPluginAsync<{ jobs: Jobs }> = async (plugin, { jobs }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/failed',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Jobs that used up their attempts, newest first',
        querystring: pageQuerySchema,
        response: { 200: pageSchema(failedJobSchema) },
      },
    },
    async (request) => {
      const { cursor, limit } = request.query;
      const beforeId = cursor ? decodeCursor(cursor, z.tuple([z.string().regex(/^\d+$/)]))[0] : undefined;
      const rows = await jobs.failed({ limit: limit + 1, beforeId });
      return toPage(rows, limit, (row) => [row.id]);
    },
  );

  app.post(
    '/retry',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Run failed jobs again with a fresh set of attempts',
        body: retryJobsSchema,
        response: { 200: retryJobsResultSchema },
      },
    },
    async (request) => ({ retried: await jobs.retry(request.body.ids) }),
  );
};
