import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../auth/access.js';
import type { Presence } from './presence.js';

/** `GET /api/v1/realtime/presence?userIds=a,b`: which of these users are online now. */
export const presenceRoutes: FastifyPluginAsync<{ presence: Presence }> = async (plugin, { presence }) => {
  plugin.withTypeProvider<ZodTypeProvider>().get(
    '/presence',
    {
      config: { access: access.user() },
      schema: {
        tags: ['realtime'],
        summary: 'Which of the given users are online',
        querystring: z.object({
          userIds: z
            .string()
            .transform((value) => value.split(',').filter(Boolean))
            .pipe(z.array(z.uuid()).min(1).max(100)),
        }),
        response: { 200: z.object({ online: z.array(z.uuid()) }) },
      },
    },
    async (request) => ({ online: request.query.userIds.filter((id) => presence.isOnline(id)) }),
  );
};
