import { pageQuerySchema, pageSchema } from '@app/contracts';
import {
  calendarFeedSchema,
  createSessionSchema,
  createSessionSeriesSchema,
  sessionSchema,
  updateSessionSchema,
} from '@app/eduforum-contracts';
import { access, callerOf } from '@app/platform';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EduforumDeps } from '../deps.js';
import { CalendarService } from './calendar.js';
import type { SessionService } from './service.js';

const tags = ['eduforum sessions'];
const sessionParams = z.object({ sessionId: z.uuid() });
const user = { access: access.user() };

/** The schedule: sessions of a course, their lifecycle, and the calendar feed. */
export function sessionRoutes(deps: EduforumDeps, sessions: SessionService): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const calendar = new CalendarService(deps);

    app.post(
      '/courses/:courseId/sessions',
      {
        config: deps.policy.route('session.manage', { course: 'courseId' }),
        schema: {
          tags,
          summary: 'Schedule a session',
          params: z.object({ courseId: z.uuid() }),
          body: createSessionSchema,
          response: { 201: sessionSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await sessions.create(callerOf(request).userId, request.params.courseId, request.body)),
    );
    app.post(
      '/courses/:courseId/sessions/series',
      {
        config: deps.policy.route('session.manage', { course: 'courseId' }),
        schema: {
          tags,
          summary: 'Schedule a weekly series (same local time every week, with skipped dates)',
          params: z.object({ courseId: z.uuid() }),
          body: createSessionSeriesSchema,
          response: { 201: z.object({ items: z.array(sessionSchema) }) },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          items: await sessions.createSeries(callerOf(request).userId, request.params.courseId, request.body),
        }),
    );
    app.get(
      '/courses/:courseId/sessions',
      {
        config: deps.policy.route('session.view', { course: 'courseId' }),
        schema: {
          tags,
          summary: "A course's sessions in schedule order",
          params: z.object({ courseId: z.uuid() }),
          querystring: pageQuerySchema,
          response: { 200: pageSchema(sessionSchema) },
        },
      },
      async (request) => sessions.list(callerOf(request).userId, request.params.courseId, request.query),
    );
    app.get(
      '/sessions/:sessionId',
      {
        config: deps.policy.route('session.view', { session: 'sessionId' }),
        schema: { tags, summary: 'A session', params: sessionParams, response: { 200: sessionSchema } },
      },
      async (request) => sessions.get(callerOf(request).userId, request.params.sessionId),
    );
    app.patch(
      '/sessions/:sessionId',
      {
        config: deps.policy.route('session.manage', { session: 'sessionId' }),
        schema: {
          tags,
          summary: 'Reschedule or rename a scheduled session',
          params: sessionParams,
          body: updateSessionSchema,
          response: { 200: sessionSchema },
        },
      },
      async (request) => sessions.update(callerOf(request).userId, request.params.sessionId, request.body),
    );
    for (const [path, to, summary] of [
      ['start', 'live', 'Start the session (scheduled -> live)'],
      ['end', 'ended', 'End the session (live -> ended)'],
      ['cancel', 'cancelled', 'Cancel a scheduled session'],
    ] as const) {
      app.post(
        `/sessions/:sessionId/${path}`,
        {
          config: deps.policy.route('session.manage', { session: 'sessionId' }),
          schema: { tags, summary, params: sessionParams, response: { 200: sessionSchema } },
        },
        async (request) => sessions.transition(callerOf(request).userId, request.params.sessionId, to),
      );
    }
    app.post(
      '/calendar',
      {
        config: user,
        schema: {
          tags,
          summary: "Create (or replace) the caller's calendar feed URL",
          response: { 200: calendarFeedSchema },
        },
      },
      async (request) => calendar.rotate(callerOf(request).userId),
    );
    app.get(
      '/calendar/:file',
      {
        // The secret in the URL is the credential: calendar apps cannot send our tokens.
        config: { access: access.public },
        schema: {
          tags,
          summary: 'The iCalendar feed of a calendar token',
          params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,64}\.ics$/) }),
        },
      },
      async (request, reply) => {
        const text = await calendar.feed(request.params.file.replace(/\.ics$/, ''));
        return reply
          .type('text/calendar; charset=utf-8')
          .header('cache-control', 'private, max-age=300')
          .send(text);
      },
    );
  };
}
