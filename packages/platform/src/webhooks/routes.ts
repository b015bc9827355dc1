import {
  appNameSchema,
  createdWebhookEndpointSchema,
  createWebhookEndpointSchema,
  pageQuerySchema,
  pageSchema,
  updateWebhookEndpointSchema,
  webhookDeliverySchema,
  webhookEndpointSchema,
  webhookEventInfoSchema,
} from '@app/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, callerOf } from '../auth/access.js';
import { decodeCursor, toPage } from '../http/pagination.js';
import type { Webhooks } from './service.js';

const tags = ['webhooks'];
const user = { access: access.user() };
// Sending our traffic to a URL needs a verified email (docs/decisions/015).
const verified = { access: access.user({ verified: true }) };
const endpointParams = z.object({ id: z.uuid() });

/**
 * `/api/v1/webhooks`: the caller's own endpoints (events emitted for them, e.g. their shop's
 * reviews). App-level endpoints are managed through the service by the apps.
 */
export const webhookRoutes: FastifyPluginAsync<{ webhooks: Webhooks }> = async (plugin, { webhooks }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/events',
    {
      config: user,
      schema: {
        tags,
        summary: "An app's webhook event catalogue",
        querystring: z.object({ app: appNameSchema }),
        response: { 200: z.object({ items: z.array(webhookEventInfoSchema) }) },
      },
    },
    async (request) => ({ items: webhooks.events(request.query.app) }),
  );

  app.get(
    '/endpoints',
    {
      config: user,
      schema: {
        tags,
        summary: "The caller's endpoints in an app",
        querystring: z.object({ app: appNameSchema }),
        response: { 200: z.object({ items: z.array(webhookEndpointSchema) }) },
      },
    },
    async (request) => ({ items: await webhooks.listEndpoints(request.query.app, callerOf(request).userId) }),
  );

  app.post(
    '/endpoints',
    {
      config: verified,
      schema: {
        tags,
        summary: 'Subscribe a URL to events; the answer holds the signing secret, shown once',
        body: createWebhookEndpointSchema,
        response: { 201: createdWebhookEndpointSchema },
      },
    },
    async (request, reply) => {
      const created = await webhooks.createEndpoint({ ...request.body, ownerId: callerOf(request).userId });
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/endpoints/:id',
    {
      config: verified,
      schema: {
        tags,
        summary: 'Change or re-enable an endpoint',
        params: endpointParams,
        body: updateWebhookEndpointSchema,
        response: { 200: webhookEndpointSchema },
      },
    },
    async (request) => webhooks.updateEndpoint(request.params.id, callerOf(request).userId, request.body),
  );

  app.delete(
    '/endpoints/:id',
    {
      config: user,
      schema: {
        tags,
        summary: 'Delete an endpoint and its log',
        params: endpointParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await webhooks.deleteEndpoint(request.params.id, callerOf(request).userId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/endpoints/:id/deliveries',
    {
      config: user,
      schema: {
        tags,
        summary: 'Delivery log, newest first: status, attempts, response code',
        params: endpointParams,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(webhookDeliverySchema) },
      },
    },
    async (request) => {
      const { cursor, limit } = request.query;
      const beforeId = cursor ? decodeCursor(cursor, z.tuple([z.uuid()]))[0] : undefined;
      const rows = await webhooks.deliveries(request.params.id, callerOf(request).userId, {
        limit: limit + 1,
        beforeId,
      });
      return toPage(rows, limit, (row) => [row.id]);
    },
  );
};
