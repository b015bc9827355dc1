import { createPollSchema, pollResultsSchema, pollSchema, voteSchema } from '@app/eduforum-contracts';
import { callerOf } from '@app/platform';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EduforumDeps } from '../deps.js';
import type { PollService } from './service.js';

const tags = ['eduforum polls'];
const sessionParams = z.object({ sessionId: z.uuid() });
const pollParams = z.object({ pollId: z.uuid() });

/** Polls of a live session: create, open, close, vote, results, per-student CSV. */
export function pollRoutes(deps: EduforumDeps, polls: PollService): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/sessions/:sessionId/polls',
      {
        config: deps.policy.route('session.moderate', { session: 'sessionId' }),
        schema: {
          tags,
          summary: 'Prepare a poll (draft)',
          params: sessionParams,
          body: createPollSchema,
          response: { 201: pollSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await polls.create(callerOf(request).userId, request.params.sessionId, request.body)),
    );
    app.get(
      '/sessions/:sessionId/polls',
      {
        config: deps.policy.route('session.join', { session: 'sessionId' }),
        schema: {
          tags,
          summary: "A session's polls",
          params: sessionParams,
          response: { 200: z.object({ items: z.array(pollSchema) }) },
        },
      },
      async (request) => ({ items: await polls.list(callerOf(request).userId, request.params.sessionId) }),
    );
    app.post(
      '/polls/:pollId/open',
      {
        config: deps.policy.route('session.moderate', { poll: 'pollId' }),
        schema: { tags, summary: 'Launch a poll', params: pollParams, response: { 200: pollSchema } },
      },
      async (request) => polls.open(callerOf(request).userId, request.params.pollId),
    );
    app.post(
      '/polls/:pollId/close',
      {
        config: deps.policy.route('session.moderate', { poll: 'pollId' }),
        schema: { tags, summary: 'Close a poll', params: pollParams, response: { 200: pollSchema } },
      },
      async (request) => polls.close(callerOf(request).userId, request.params.pollId),
    );
    app.put(
      '/polls/:pollId/vote',
      {
        config: deps.policy.route('session.join', { poll: 'pollId' }),
        schema: {
          tags,
          summary: 'Vote, or change one’s vote while the poll is open',
          params: pollParams,
          body: voteSchema,
          response: { 200: z.object({ pollId: z.uuid(), changed: z.boolean() }) },
        },
      },
      async (request) => polls.vote(callerOf(request).userId, request.params.pollId, request.body),
    );
    app.get(
      '/polls/:pollId/results',
      {
        config: deps.policy.route('session.join', { poll: 'pollId' }, { refined: true }),
        schema: {
          tags,
          summary: 'Aggregated results',
          params: pollParams,
          response: { 200: pollResultsSchema },
        },
      },
      async (request) => polls.results(callerOf(request).userId, request.params.pollId),
    );
    app.get(
      '/sessions/:sessionId/polls/export',
      {
        config: deps.policy.route('grade.view', { session: 'sessionId' }),
        schema: { tags, summary: 'Per-student poll results as CSV', params: sessionParams },
      },
      async (request, reply) => {
        const csv = await polls.exportCsv(callerOf(request).userId, request.params.sessionId);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="polls-${request.params.sessionId}.csv"`)
          .send(csv);
      },
    );
  };
}
