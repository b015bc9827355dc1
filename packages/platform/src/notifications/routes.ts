import {
  notificationPreferenceSchema,
  notificationSchema,
  pageQuerySchema,
  pageSchema,
  pushSubscriptionSchema,
} from '@app/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, callerOf } from '../auth/access.js';
import { decodeCursor, toPage } from '../http/pagination.js';
import type { Notifications } from './service.js';

const tags = ['notifications'];
const user = { access: access.user() };

/** `/api/v1/notifications`: the caller's notifications, preferences and web push subscriptions. */
export const notificationRoutes: FastifyPluginAsync<{ notifications: Notifications }> = async (
  plugin,
  { notifications },
) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      config: user,
      schema: {
        tags,
        summary: "The caller's notifications, newest first",
        querystring: pageQuerySchema,
        response: { 200: pageSchema(notificationSchema) },
      },
    },
    async (request) => {
      const { cursor, limit } = request.query;
      const beforeId = cursor ? decodeCursor(cursor, z.tuple([z.uuid()]))[0] : undefined;
      const rows = await notifications.list(callerOf(request).userId, { limit: limit + 1, beforeId });
      return toPage(rows, limit, (row) => [row.id]);
    },
  );

  app.get(
    '/unread-count',
    {
      config: user,
      schema: {
        tags,
        summary: 'How many are unread',
        response: { 200: z.object({ count: z.number().int() }) },
      },
    },
    async (request) => ({ count: await notifications.unreadCount(callerOf(request).userId) }),
  );

  app.post(
    '/:id/read',
    {
      config: user,
      schema: {
        tags,
        summary: 'Mark one as read',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await notifications.markRead(callerOf(request).userId, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/read-all',
    {
      config: user,
      schema: {
        tags,
        summary: 'Mark all as read',
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    async (request) => ({ updated: await notifications.markAllRead(callerOf(request).userId) }),
  );

  app.get(
    '/preferences',
    {
      config: user,
      schema: {
        tags,
        summary:
          'Channel preferences that differ from the defaults (in-app and push on, email as a daily digest)',
        response: { 200: z.object({ items: z.array(notificationPreferenceSchema) }) },
      },
    },
    async (request) => ({ items: await notifications.preferences(callerOf(request).userId) }),
  );

  app.put(
    '/preferences',
    {
      config: user,
      schema: {
        tags,
        summary: 'Set how one type (or `*`) reaches the caller on one channel',
        body: notificationPreferenceSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await notifications.setPreference(callerOf(request).userId, request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/push/key',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'The VAPID public key for PushManager.subscribe (applicationServerKey)',
        response: { 200: z.object({ publicKey: z.string() }) },
      },
    },
    async () => ({ publicKey: await notifications.vapidPublicKey() }),
  );

  app.post(
    '/push/subscriptions',
    {
      config: user,
      schema: {
        tags,
        summary: "Register this browser's push subscription",
        body: pushSubscriptionSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await notifications.subscribe(callerOf(request).userId, request.body, request.headers['user-agent']);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/push/subscriptions',
    {
      config: user,
      schema: {
        tags,
        summary: "Remove this browser's push subscription",
        body: z.object({ endpoint: z.string().max(2048) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await notifications.unsubscribe(callerOf(request).userId, request.body.endpoint);
      return reply.code(204).send(null);
    },
  );
};
