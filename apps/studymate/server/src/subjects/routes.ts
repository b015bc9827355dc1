import { callerOf } from '@app/platform';
import { subjectInputSchema, subjectListSchema, subjectSchema } from '@app/studymate-contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StudymateDeps } from '../deps.js';
import type { SubjectService } from './service.js';

const tags = ['studymate'];
const params = z.object({ id: z.uuid() });

/** `/subjects`: the caller's subjects; creating one counts against the plan's `subjects` limit. */
export function subjectRoutes(deps: StudymateDeps, subjects: SubjectService): FastifyPluginAsync {
  const config = deps.policy.route('study.use', 'app');
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/subjects',
      {
        config,
        schema: { tags, summary: "The caller's subjects by name", response: { 200: subjectListSchema } },
      },
      async (request) => ({ items: await subjects.list(callerOf(request).userId) }),
    );
    app.post(
      '/subjects',
      {
        config,
        schema: {
          tags,
          summary: 'Add a subject (402 PLAN_LIMIT when the plan allows no more; 409 for a name in use)',
          body: subjectInputSchema,
          response: { 201: subjectSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await subjects.create(callerOf(request).userId, request.body)),
    );
    app.put(
      '/subjects/:id',
      { config, schema: { tags, summary: 'Rename or recolour a subject', params, body: subjectInputSchema } },
      async (request, reply) => {
        await subjects.update(callerOf(request).userId, request.params.id, request.body);
        return reply.code(204).send();
      },
    );
    app.delete(
      '/subjects/:id',
      { config, schema: { tags, summary: 'Delete a subject and its materials (its cards stay)', params } },
      async (request, reply) => {
        await subjects.remove(callerOf(request).userId, request.params.id);
        return reply.code(204).send();
      },
    );
  };
}
