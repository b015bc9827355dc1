import { callerOf } from '@app/platform';
import {
  createMaterialBodySchema,
  highlightInputSchema,
  highlightSchema,
  materialDetailSchema,
  materialListQuerySchema,
  materialPageSchema,
  materialSchema,
} from '@app/studymate-contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StudymateDeps } from '../deps.js';
import type { MaterialService } from './service.js';

const tags = ['studymate'];
const params = z.object({ id: z.uuid() });

/** `/materials`: pasted or uploaded study material, read into passages and analysed by a job. */
export function materialRoutes(deps: StudymateDeps, materials: MaterialService): FastifyPluginAsync {
  const config = deps.policy.route('study.use', 'app');
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/materials',
      {
        config,
        schema: {
          tags,
          summary: "The caller's materials, newest first",
          querystring: materialListQuerySchema,
          response: { 200: materialPageSchema },
        },
      },
      async (request) => materials.list(callerOf(request).userId, request.query),
    );
    app.post(
      '/materials',
      {
        config,
        schema: {
          tags,
          summary:
            'Add a material from pasted text or an upload (POST /api/v1/files, purpose document); processing runs as a job (402 PLAN_LIMIT at the plan’s limit, 415 for other file types)',
          body: createMaterialBodySchema,
          response: { 201: materialSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await materials.create(callerOf(request).userId, request.body)),
    );
    app.get(
      '/materials/:id',
      {
        config,
        schema: {
          tags,
          summary: 'A material with its passages, analysis and highlights (poll while processing)',
          params,
          response: { 200: materialDetailSchema },
        },
      },
      async (request) => materials.detail(callerOf(request).userId, request.params.id),
    );
    app.post(
      '/materials/:id/retry',
      {
        config,
        schema: {
          tags,
          summary: 'Process a failed material again',
          params,
          response: { 200: materialSchema },
        },
      },
      async (request) => materials.retry(callerOf(request).userId, request.params.id),
    );
    app.delete(
      '/materials/:id',
      {
        config,
        schema: { tags, summary: 'Delete a material with its quizzes and highlights (cards stay)', params },
      },
      async (request, reply) => {
        await materials.remove(callerOf(request).userId, request.params.id);
        return reply.code(204).send();
      },
    );
    app.post(
      '/materials/:id/highlights',
      {
        config,
        schema: {
          tags,
          summary: 'Highlight a span of a passage',
          params,
          body: highlightInputSchema,
          response: { 201: highlightSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await materials.addHighlight(callerOf(request).userId, request.params.id, request.body)),
    );
    app.delete(
      '/materials/:id/highlights/:highlightId',
      {
        config,
        schema: { tags, summary: 'Remove a highlight', params: params.extend({ highlightId: z.uuid() }) },
      },
      async (request, reply) => {
        await materials.removeHighlight(
          callerOf(request).userId,
          request.params.id,
          request.params.highlightId,
        );
        return reply.code(204).send();
      },
    );
  };
}
