import { pageQuerySchema, pageSchema } from '@app/contracts';
import { attendanceSchema, participationSchema, timelineEventSchema } from '@app/eduforum-contracts';
import { callerOf, decodeCursor, toPage } from '@app/platform';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EduforumDeps } from '../deps.js';
import { attendance, attendanceCsv } from './attendance.js';
import { requireLive } from './context.js';
import type { TalkTime } from './talktime.js';

/** TalkTime over REST: the dashboard's first paint and the totals after a session. */
export function liveRoutes(deps: EduforumDeps, talkTime: TalkTime): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/sessions/:sessionId/participation',
      {
        config: deps.policy.route('grade.view', { session: 'sessionId' }),
        schema: {
          tags: ['eduforum live'],
          summary: 'Participation per person (TalkTime): speaking, chat, poll answers, hand raises',
          params: z.object({ sessionId: z.uuid() }),
          response: { 200: z.object({ items: z.array(participationSchema) }) },
        },
      },
      async (request) => {
        await requireLive(deps, request.params.sessionId, callerOf(request).userId, 'grade.view');
        return { items: await talkTime.compute(request.params.sessionId) };
      },
    );
    app.get(
      '/sessions/:sessionId/attendance',
      {
        config: deps.policy.route('grade.view', { session: 'sessionId' }),
        schema: {
          tags: ['eduforum live'],
          summary:
            'Attendance: every enrolled person with first join, last leave, minutes present, late or absent',
          params: z.object({ sessionId: z.uuid() }),
          response: { 200: attendanceSchema },
        },
      },
      async (request) => attendance(deps, callerOf(request).userId, request.params.sessionId),
    );
    app.get(
      '/sessions/:sessionId/attendance/export',
      {
        config: deps.policy.route('grade.view', { session: 'sessionId' }),
        schema: {
          tags: ['eduforum live'],
          summary: 'Attendance as CSV',
          params: z.object({ sessionId: z.uuid() }),
        },
      },
      async (request, reply) => {
        const report = await attendance(deps, callerOf(request).userId, request.params.sessionId);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="attendance-${request.params.sessionId}.csv"`)
          .send(attendanceCsv(report));
      },
    );
    app.get(
      '/sessions/:sessionId/timeline',
      {
        config: deps.policy.route('grade.view', { session: 'sessionId' }),
        schema: {
          tags: ['eduforum live'],
          summary: "The session's timeline, oldest first",
          params: z.object({ sessionId: z.uuid() }),
          querystring: pageQuerySchema,
          response: { 200: pageSchema(timelineEventSchema) },
        },
      },
      async (request) => {
        const { sessionId } = request.params;
        await requireLive(deps, sessionId, callerOf(request).userId, 'grade.view');
        let q = deps.db
          .selectFrom('eduforum.session_events')
          .selectAll()
          .where('session_id', '=', sessionId)
          .orderBy('id')
          .limit(request.query.limit + 1);
        if (request.query.cursor) {
          const [after] = decodeCursor(request.query.cursor, z.tuple([z.number().int()]));
          q = q.where('id', '>', after);
        }
        const page = toPage(await q.execute(), request.query.limit, (r) => [r.id]);
        return {
          items: page.items.map((r) => ({
            id: r.id,
            kind: r.kind,
            actorId: r.actor_id,
            data: (r.data ?? {}) as Record<string, unknown>,
            at: r.at.toISOString(),
          })),
          nextCursor: page.nextCursor,
        };
      },
    );
  };
}
