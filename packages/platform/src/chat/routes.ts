import {
  appNameSchema,
  chatMessageSchema,
  chatRoomSchema,
  editMessageSchema,
  pageSchema,
  searchMessagesQuerySchema,
  sendMessageSchema,
} from '@app/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, callerOf } from '../auth/access.js';
import { decodeCursor, encodeCursor } from '../http/pagination.js';
import type { ChatService } from './service.js';

const tags = ['chat'];
const roomParams = z.object({ roomId: z.uuid() });

/**
 * `/api/v1/chat`: history and actions over REST for members (rooms are created by the apps through
 * the service, e.g. when two learners match). Live delivery is on the `chat:<roomId>` channel.
 */
export const chatRoutes: FastifyPluginAsync<{ chat: ChatService }> = async (plugin, { chat }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  const user = { access: access.user() };
  // Writing what other members read needs a verified email (docs/decisions/015).
  const verified = { access: access.user({ verified: true }) };

  app.get(
    '/rooms',
    {
      config: user,
      schema: {
        tags,
        summary: "The caller's rooms in an app, most recently active first",
        querystring: z.object({
          app: appNameSchema,
          limit: z.coerce.number().int().min(1).max(100).default(50),
        }),
        response: { 200: z.object({ items: z.array(chatRoomSchema) }) },
      },
    },
    async (request) => ({
      items: await chat.rooms(request.query.app, callerOf(request).userId, request.query.limit),
    }),
  );

  app.get(
    '/rooms/:roomId/messages',
    {
      config: user,
      schema: {
        tags,
        summary: 'Message history, newest page first; cursor = the seq to read before',
        params: roomParams,
        querystring: z.object({
          cursor: z.coerce.number().int().min(1).optional().describe('Read messages before this seq'),
          limit: z.coerce.number().int().min(1).max(100).default(50),
        }),
        response: { 200: z.object({ items: z.array(chatMessageSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const page = await chat.history(request.params.roomId, callerOf(request).userId, {
        beforeSeq: request.query.cursor,
        limit: request.query.limit,
      });
      const oldest = page.items[0];
      return { items: page.items, nextCursor: page.more && oldest ? String(oldest.seq) : null };
    },
  );

  app.get(
    '/rooms/:roomId/messages/search',
    {
      config: user,
      schema: {
        tags,
        summary: 'Messages containing `q` (case-insensitive, literal), newest first',
        params: roomParams,
        querystring: searchMessagesQuerySchema,
        response: { 200: pageSchema(chatMessageSchema) },
      },
    },
    async (request) => {
      const { q, cursor, limit } = request.query;
      const beforeSeq = cursor ? decodeCursor(cursor, z.tuple([z.number().int().min(1)]))[0] : undefined;
      const page = await chat.search(request.params.roomId, callerOf(request).userId, {
        q,
        beforeSeq,
        limit,
      });
      const oldest = page.items.at(-1);
      return { items: page.items, nextCursor: page.more && oldest ? encodeCursor([oldest.seq]) : null };
    },
  );

  app.post(
    '/rooms/:roomId/messages',
    {
      config: verified,
      schema: {
        tags,
        summary: 'Send a message',
        params: roomParams,
        body: sendMessageSchema,
        response: { 201: chatMessageSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await chat.send(request.params.roomId, callerOf(request).userId, request.body)),
  );

  app.patch(
    '/rooms/:roomId/messages/:messageId',
    {
      config: verified,
      schema: {
        tags,
        summary: 'Edit one of your messages',
        params: roomParams.extend({ messageId: z.uuid() }),
        body: editMessageSchema,
        response: { 200: chatMessageSchema },
      },
    },
    async (request) =>
      chat.change(request.params.roomId, callerOf(request).userId, request.params.messageId, request.body),
  );

  app.delete(
    '/rooms/:roomId/messages/:messageId',
    {
      config: user,
      schema: {
        tags,
        summary: 'Delete one of your messages (its place in the room stays)',
        params: roomParams.extend({ messageId: z.uuid() }),
        response: { 200: chatMessageSchema },
      },
    },
    async (request) =>
      chat.change(request.params.roomId, callerOf(request).userId, request.params.messageId, 'delete'),
  );

  app.post(
    '/rooms/:roomId/read',
    {
      config: user,
      schema: {
        tags,
        summary: 'Mark messages up to seq as read',
        params: roomParams,
        body: z.object({ seq: z.number().int().min(0) }),
        response: { 200: z.object({ seq: z.number().int() }) },
      },
    },
    async (request) => ({
      seq: await chat.markRead(request.params.roomId, callerOf(request).userId, request.body.seq),
    }),
  );
};
