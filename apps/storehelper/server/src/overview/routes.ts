import { storehelperOverviewSchema } from '@app/storehelper-contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { StorehelperPolicy } from '../policies.js';

/** `GET /overview`: the caller's role in storehelper and their abilities. */
export function overviewRoutes(policy: StorehelperPolicy): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/overview',
      {
        config: policy.route('overview.view', 'app'),
        schema: {
          tags: ['storehelper'],
          summary: "The caller's role and abilities in storehelper",
          response: { 200: storehelperOverviewSchema },
        },
      },
      async (request) => {
        const role = policy.roleOf(request);
        return { role, abilities: policy.abilities(role) };
      },
    );
  };
}
