import { askQaSchema, myQaQuestionSchema, setQaStatusSchema } from '@app/eduforum-contracts';
import { callerOf } from '@app/platform';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EduforumDeps } from '../deps.js';
import type { QaService } from './service.js';

const tags = ['eduforum Q&A'];
const sessionParams = z.object({ sessionId: z.uuid() });
const qaParams = z.object({ qaId: z.uuid() });

/** Q&A of a session: list, ask, upvote, and the staff's answered/hidden/open. */
export function qaRoutes(deps: EduforumDeps, qa: QaService): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/sessions/:sessionId/qa',
      {
        config: deps.policy.route('session.join', { session: 'sessionId' }),
        schema: {
          tags,
          summary: "A session's questions, most upvoted first (hidden ones for staff only)",
          params: sessionParams,
          response: { 200: z.object({ items: z.array(myQaQuestionSchema) }) },
        },
      },
      async (request) => ({ items: await qa.list(callerOf(request).userId, request.params.sessionId) }),
    );
    app.post(
      '/sessions/:sessionId/qa',
      {
        config: deps.policy.route('session.join', { session: 'sessionId' }),
        schema: {
          tags,
          summary: 'Ask a question in a live session (optionally anonymously)',
          params: sessionParams,
          body: askQaSchema,
          response: { 201: myQaQuestionSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await qa.ask(callerOf(request).userId, request.params.sessionId, request.body)),
    );
    app.put(
      '/qa/:qaId/vote',
      {
        config: deps.policy.route('session.join', { qa: 'qaId' }),
        schema: {
          tags,
          summary: 'Upvote a question',
          params: qaParams,
          response: { 200: myQaQuestionSchema },
        },
      },
      async (request) => qa.vote(callerOf(request).userId, request.params.qaId, true),
    );
    app.delete(
      '/qa/:qaId/vote',
      {
        config: deps.policy.route('session.join', { qa: 'qaId' }),
        schema: {
          tags,
          summary: 'Take an upvote back',
          params: qaParams,
          response: { 200: myQaQuestionSchema },
        },
      },
      async (request) => qa.vote(callerOf(request).userId, request.params.qaId, false),
    );
    app.put(
      '/qa/:qaId/status',
      {
        config: deps.policy.route('session.moderate', { qa: 'qaId' }),
        schema: {
          tags,
          summary: 'Mark a question answered, hide it, or open it again (staff)',
          params: qaParams,
          body: setQaStatusSchema,
          response: { 200: myQaQuestionSchema },
        },
      },
      async (request) => qa.setStatus(callerOf(request).userId, request.params.qaId, request.body.status),
    );
  };
}
