import { blockedUserSchema } from '@app/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, callerOf } from '../auth/access.js';
import type { Blocks } from './service.js';

const tags = ['account'];
const userParams = z.object({ userId: z.uuid() });

/** `/api/v1/me/blocks`: the caller's block list (platform-wide: every app honours it). */
export const blockRoutes: FastifyPluginAsync<{ blocks: Blocks }> = async (plugin, { blocks }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  const user = { access: access.user() };

  app.get(
    '/',
    {
      config: user,
      schema: {
        tags,
        summary: 'People you blocked, most recent first',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.object({ items: z.array(blockedUserSchema) }) },
      },
    },
    async (request) => ({ items: await blocks.list(callerOf(request).userId, request.query.limit) }),
  );

  app.put(
    '/:userId',
    {
      config: user,
      schema: {
        tags,
        summary: 'Block someone: they can no longer call you or open a direct chat with you',
        params: userParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await blocks.block(callerOf(request).userId, request.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/:userId',
    {
      config: user,
      schema: { tags, summary: 'Unblock someone', params: userParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await blocks.unblock(callerOf(request).userId, request.params.userId);
      return reply.status(204).send(null);
    },
  );
};
