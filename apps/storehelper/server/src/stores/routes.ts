import { pageQuerySchema } from '@app/contracts';
import { callerOf } from '@app/platform';
import { createStoreBodySchema, storePageSchema, storeSchema } from '@app/storehelper-contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { StorehelperPolicy } from '../policies.js';
import type { StoreService } from './service.js';

const tags = ['storehelper'];

/** `/stores`: the caller's stores; creating one counts against the plan's `stores` limit. */
export function storeRoutes(policy: StorehelperPolicy, stores: StoreService): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/stores',
      {
        config: policy.route('stores.view', 'app'),
        schema: {
          tags,
          summary: "The caller's stores, oldest first",
          querystring: pageQuerySchema,
          response: { 200: storePageSchema },
        },
      },
      async (request) => stores.list(callerOf(request).userId, request.query),
    );

    app.post(
      '/stores',
      {
        config: policy.route('stores.create', 'app'),
        schema: {
          tags,
          summary: 'Add a store (402 PLAN_LIMIT when the plan allows no more)',
          body: createStoreBodySchema,
          response: { 201: storeSchema },
        },
      },
      async (request, reply) => {
        const store = await stores.create(callerOf(request).userId, request.body.name);
        return reply.code(201).send(store);
      },
    );
  };
}
