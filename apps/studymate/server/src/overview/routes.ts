import { studymateOverviewSchema } from '@app/studymate-contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { StudymatePolicy } from '../policies.js';

/** `GET /overview`: the caller's role in studymate and their abilities. */
export function overviewRoutes(policy: StudymatePolicy): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/overview',
      {
        config: policy.route('overview.view', 'app'),
        schema: {
          tags: ['studymate'],
          summary: "The caller's role and abilities in studymate",
          response: { 200: studymateOverviewSchema },
        },
      },
      async (request) => {
        const role = policy.roleOf(request);
        return { role, abilities: policy.abilities(role) };
      },
    );
  };
}
