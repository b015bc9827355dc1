import {
  breakoutSchema,
  broadcastSchema,
  enteredRoomSchema,
  moveToRoomSchema,
  startBreakoutSchema,
} from '@app/eduforum-contracts';
import { callerOf } from '@app/platform';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EduforumDeps } from '../deps.js';
import type { BreakoutService } from './service.js';

const tags = ['eduforum breakouts'];
const breakoutParams = z.object({ breakoutId: z.uuid() });

/** Breakout rooms of a live session. */
export function breakoutRoutes(deps: EduforumDeps, breakouts: BreakoutService): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/sessions/:sessionId/breakouts',
      {
        config: deps.policy.route('session.moderate', { session: 'sessionId' }),
        schema: {
          tags,
          summary: 'Open N breakout rooms and assign students',
          params: z.object({ sessionId: z.uuid() }),
          body: startBreakoutSchema,
          response: { 201: breakoutSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await breakouts.start(callerOf(request).userId, request.params.sessionId, request.body)),
    );
    app.get(
      '/sessions/:sessionId/breakouts',
      {
        config: deps.policy.route('session.join', { session: 'sessionId' }),
        schema: {
          tags,
          summary: "A session's breakouts, oldest first, with their rooms (boards readable once recalled)",
          params: z.object({ sessionId: z.uuid() }),
          response: { 200: z.object({ items: z.array(breakoutSchema) }) },
        },
      },
      async (request) => ({
        items: await breakouts.list(callerOf(request).userId, request.params.sessionId),
      }),
    );
    app.get(
      '/sessions/:sessionId/breakouts/current',
      {
        config: deps.policy.route('session.join', { session: 'sessionId' }),
        schema: {
          tags,
          summary: 'The running breakouts, or null when none run',
          params: z.object({ sessionId: z.uuid() }),
          response: { 200: breakoutSchema.nullable() },
        },
      },
      async (request) => breakouts.current(callerOf(request).userId, request.params.sessionId),
    );
    app.put(
      '/breakouts/:breakoutId/members/:userId',
      {
        config: deps.policy.route('session.moderate', { breakout: 'breakoutId' }),
        schema: {
          tags,
          summary: 'Move someone to another room',
          params: breakoutParams.extend({ userId: z.uuid() }),
          body: moveToRoomSchema,
          response: { 200: breakoutSchema },
        },
      },
      async (request) =>
        breakouts.move(
          callerOf(request).userId,
          request.params.breakoutId,
          request.params.userId,
          request.body.roomId,
        ),
    );
    app.post(
      '/breakouts/:breakoutId/broadcast',
      {
        config: deps.policy.route('session.moderate', { breakout: 'breakoutId' }),
        schema: {
          tags,
          summary: 'Send a text to every room',
          params: breakoutParams,
          body: broadcastSchema,
          response: { 200: z.object({ rooms: z.number().int() }) },
        },
      },
      async (request) =>
        breakouts.broadcast(callerOf(request).userId, request.params.breakoutId, request.body.text),
    );
    app.post(
      '/breakouts/:breakoutId/rooms/:roomId/enter',
      {
        config: deps.policy.route('session.moderate', { breakout: 'breakoutId' }),
        schema: {
          tags,
          summary: 'Staff: step into a room',
          params: breakoutParams.extend({ roomId: z.uuid() }),
          response: { 200: enteredRoomSchema },
        },
      },
      async (request) =>
        breakouts.enter(callerOf(request).userId, request.params.breakoutId, request.params.roomId),
    );
    app.post(
      '/breakouts/:breakoutId/recall',
      {
        config: deps.policy.route('session.moderate', { breakout: 'breakoutId' }),
        schema: {
          tags,
          summary: 'Recall everyone to the main room',
          params: breakoutParams,
          response: { 200: breakoutSchema },
        },
      },
      async (request) => breakouts.recall(callerOf(request).userId, request.params.breakoutId),
    );
  };
}
