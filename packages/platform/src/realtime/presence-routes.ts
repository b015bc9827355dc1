import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, callerOf } from '../auth/access.js';
import type { ChatService } from '../chat/service.js';
import type { Presence } from './presence.js';

/**
 * `GET /api/v1/realtime/presence?userIds=a,b`: which of these users are online now, among the ones
 * the caller may know about: themselves and the people they share a chat room with. Anyone else is
 * reported as not online (no error, so the answer says nothing about strangers; apps that need a
 * wider circle use channel presence, which each channel type authorizes).
 */
export const presenceRoutes: FastifyPluginAsync<{ presence: Presence; chat: ChatService }> = async (
  plugin,
  { presence, chat },
) => {
  plugin.withTypeProvider<ZodTypeProvider>().get(
    '/presence',
    {
      config: { access: access.user() },
      schema: {
        tags: ['realtime'],
        summary: 'Which of the given users (oneself and chat roommates) are online',
        querystring: z.object({
          userIds: z
            .string()
            .transform((value) => value.split(',').filter(Boolean))
            .pipe(z.array(z.uuid()).min(1).max(100)),
        }),
        response: { 200: z.object({ online: z.array(z.uuid()) }) },
      },
    },
    async (request) => {
      const me = callerOf(request).userId;
      const online = request.query.userIds.filter((id) => presence.isOnline(id));
      // Only the online ones are looked up: offline answers need no permission check.
      const visible = await chat.roommatesAmong(
        me,
        online.filter((id) => id !== me),
      );
      return { online: online.filter((id) => id === me || visible.has(id)) };
    },
  );
};
