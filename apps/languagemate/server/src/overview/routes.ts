import { languagemateOverviewSchema } from '@app/languagemate-contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { LanguagematePolicy } from '../policies.js';

/** `GET /overview`: the caller's role in languagemate and their abilities. */
export function overviewRoutes(policy: LanguagematePolicy): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/overview',
      {
        config: policy.route('overview.view', 'app'),
        schema: {
          tags: ['languagemate'],
          summary: "The caller's role and abilities in languagemate",
          response: { 200: languagemateOverviewSchema },
        },
      },
      async (request) => {
        const role = policy.roleOf(request);
        return { role, abilities: policy.abilities(role) };
      },
    );
  };
}
