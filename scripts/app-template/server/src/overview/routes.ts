import { starterappOverviewSchema } from '@app/starterapp-contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { StarterappPolicy } from '../policies.js';

/** `GET /overview`: the caller's role in starterapp and their abilities. */
export function overviewRoutes(policy: StarterappPolicy): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/overview',
      {
        config: policy.route('overview.view', 'app'),
        schema: {
          tags: ['starterapp'],
          summary: "The caller's role and abilities in starterapp",
          response: { 200: starterappOverviewSchema },
        },
      },
      async (request) => {
        const role = policy.roleOf(request);
        return { role, abilities: policy.abilities(role) };
      },
    );
  };
}
