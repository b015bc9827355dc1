import {
  noShowSchema,
  practiceSessionSchema,
  proposeSessionSchema,
  sessionsQuerySchema,
} from '@app/languagemate-contracts';
import { callerOf } from '@app/platform';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LanguagemateDeps } from '../deps.js';
import { sessionIcal } from './ical.js';
import type { ScheduleService } from './service.js';

const tags = ['languagemate'];
const sessionParams = z.object({ sessionId: z.uuid() });

/** `/sessions`: practice sessions between partners. */
export function scheduleRoutes(deps: LanguagemateDeps, schedule: ScheduleService): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const config = deps.policy.route('session.schedule', 'app');

    app.get(
      '/sessions',
      {
        config,
        schema: {
          tags,
          summary: 'Your upcoming (soonest first) or past (latest first) practice sessions',
          querystring: sessionsQuerySchema,
          response: { 200: z.object({ items: z.array(practiceSessionSchema) }) },
        },
      },
      async (request) => ({
        items: await schedule.list(callerOf(request).userId, request.query.when, request.query.limit),
      }),
    );

    app.post(
      '/sessions',
      {
        config,
        schema: {
          tags,
          summary: 'Propose a practice session to a partner',
          body: proposeSessionSchema,
          response: { 201: practiceSessionSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await schedule.propose(callerOf(request).userId, request.body)),
    );

    for (const [action, summary] of [
      ['accept', 'Accept a session proposed to you (reminders are scheduled for both)'],
      ['decline', 'Decline a session proposed to you'],
      ['cancel', 'Cancel a session that has not started'],
    ] as const) {
      app.post(
        `/sessions/:sessionId/${action}`,
        {
          config,
          schema: { tags, summary, params: sessionParams, response: { 200: practiceSessionSchema } },
        },
        async (request) => schedule[action](request.params.sessionId, callerOf(request).userId),
      );
    }

    app.post(
      '/sessions/:sessionId/no-show',
      {
        config,
        schema: {
          tags,
          summary: 'Mark that your partner did not come (from 10 minutes after the start, for 7 days)',
          params: sessionParams,
          body: noShowSchema,
          response: { 200: practiceSessionSchema },
        },
      },
      async (request) =>
        schedule.markNoShow(request.params.sessionId, callerOf(request).userId, request.body.userId),
    );

    app.get(
      '/sessions/:sessionId/ical',
      {
        config,
        schema: {
          tags,
          summary: 'The session as an iCalendar file',
          params: sessionParams,
          produces: ['text/calendar'],
        },
      },
      async (request, reply) => {
        const session = await schedule.get(request.params.sessionId, callerOf(request).userId);
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="languagemate-${session.id}.ics"`)
          .send(sessionIcal(session, deps.platform.config.server.publicUrl));
      },
    );
  };
}
