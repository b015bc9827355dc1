import { pageQuerySchema } from '@app/contracts';
import { callerOf } from '@app/platform';
import {
  addStaffBodySchema,
  competitorInputSchema,
  createStoreBodySchema,
  staffSchema,
  storePageSchema,
  storePatchSchema,
  storeSchema,
} from '@app/storehelper-contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { keyRoute } from '../api-keys.js';
import type { StorehelperDeps } from '../deps.js';
import type { StoreService } from './service.js';

const tags = ['storehelper'];
const params = z.object({ storeId: z.uuid() });

/** `/stores`: the caller's stores, their settings, staff and competitors. */
export function storeRoutes(deps: StorehelperDeps, stores: StoreService): FastifyPluginAsync {
  const { policy } = deps;
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/stores',
      {
        ...keyRoute(deps, 'stores.view', 'app', 'storehelper:read'),
        schema: {
          tags,
          summary: 'The stores the caller owns or staffs, oldest first',
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
      async (request, reply) =>
        reply.code(201).send(await stores.create(callerOf(request).userId, request.body)),
    );
    app.get(
      '/stores/:storeId',
      {
        ...keyRoute(deps, 'store.view', { store: 'storeId' }, 'storehelper:read'),
        schema: { tags, summary: 'A store', params, response: { 200: storeSchema } },
      },
      async (request) => stores.get(callerOf(request).userId, request.params.storeId),
    );
    app.patch(
      '/stores/:storeId',
      {
        config: policy.route('store.manage', { store: 'storeId' }),
        schema: {
          tags,
          summary: 'Change a store’s details, links, reply tone and auto-draft rules',
          params,
          body: storePatchSchema,
          response: { 200: storeSchema },
        },
      },
      async (request) => stores.update(callerOf(request).userId, request.params.storeId, request.body),
    );
    app.delete(
      '/stores/:storeId',
      {
        config: policy.route('store.manage', { store: 'storeId' }),
        schema: { tags, summary: 'Delete a store with its reviews', params },
      },
      async (request, reply) => {
        await stores.remove(request.params.storeId);
        return reply.code(204).send();
      },
    );
    app.get(
      '/stores/:storeId/staff',
      {
        config: policy.route('store.view', { store: 'storeId' }),
        schema: {
          tags,
          summary: 'The store’s staff',
          params,
          response: { 200: z.object({ items: z.array(staffSchema) }) },
        },
      },
      async (request) => stores.staff(request.params.storeId),
    );
    app.post(
      '/stores/:storeId/staff',
      {
        config: policy.route('store.manage', { store: 'storeId' }),
        schema: {
          tags,
          summary: 'Add staff by the email of their account (they draft replies; the owner approves)',
          params,
          body: addStaffBodySchema,
        },
      },
      async (request, reply) => {
        await stores.addStaff(request.params.storeId, request.body.email);
        return reply.code(204).send();
      },
    );
    app.delete(
      '/stores/:storeId/staff/:userId',
      {
        config: policy.route('store.manage', { store: 'storeId' }),
        schema: { tags, summary: 'Remove a staff member', params: params.extend({ userId: z.uuid() }) },
      },
      async (request, reply) => {
        await stores.removeStaff(request.params.storeId, request.params.userId);
        return reply.code(204).send();
      },
    );
    app.get(
      '/stores/:storeId/competitors',
      {
        config: policy.route('store.view', { store: 'storeId' }),
        schema: {
          tags,
          summary: 'Competitors tracked for comparison',
          params,
          response: { 200: z.object({ items: z.array(storeSchema) }) },
        },
      },
      async (request) => stores.competitors(callerOf(request).userId, request.params.storeId),
    );
    app.post(
      '/stores/:storeId/competitors',
      {
        config: policy.route('store.manage', { store: 'storeId' }),
        schema: {
          tags,
          summary: 'Track a competitor (read-only; not counted against the plan)',
          params,
          body: competitorInputSchema,
          response: { 201: storeSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await stores.addCompetitor(request.params.storeId, request.body)),
    );
  };
}
