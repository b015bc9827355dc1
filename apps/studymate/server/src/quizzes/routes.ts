import { callerOf } from '@app/platform';
import {
  answerBodySchema,
  answerFeedbackSchema,
  attemptSchema,
  createQuizBodySchema,
  mistakeCardsResultSchema,
  quizListSchema,
  quizSchema,
} from '@app/studymate-contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StudymateDeps } from '../deps.js';
import type { QuizService } from './service.js';

const tags = ['studymate'];
const params = z.object({ id: z.uuid() });

/** Quizzes from a material, attempts answered one question at a time, cards from mistakes. */
export function quizRoutes(deps: StudymateDeps, quizzes: QuizService): FastifyPluginAsync {
  const config = deps.policy.route('study.use', 'app');
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/materials/:id/quizzes',
      {
        config,
        schema: {
          tags,
          summary:
            'Generate a quiz from a ready material (AI credits with a provider, 402 PLAN_LIMIT without enough; free locally). Difficulty follows recent results unless given',
          params,
          body: createQuizBodySchema,
          response: { 201: quizSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await quizzes.create(callerOf(request).userId, request.params.id, request.body)),
    );
    app.get(
      '/materials/:id/quizzes',
      {
        config,
        schema: {
          tags,
          summary: 'The quizzes made from a material',
          params,
          response: { 200: quizListSchema },
        },
      },
      async (request) => quizzes.listForMaterial(callerOf(request).userId, request.params.id),
    );
    app.get(
      '/quizzes/:id',
      {
        config,
        schema: { tags, summary: 'A quiz, questions without answers', params, response: { 200: quizSchema } },
      },
      async (request) => quizzes.get(callerOf(request).userId, request.params.id),
    );
    app.post(
      '/quizzes/:id/attempts',
      { config, schema: { tags, summary: 'Start an attempt', params, response: { 201: attemptSchema } } },
      async (request, reply) =>
        reply.code(201).send(await quizzes.start(callerOf(request).userId, request.params.id)),
    );
    app.get(
      '/attempts/:id',
      {
        config,
        schema: {
          tags,
          summary: 'An attempt with the feedback of its answers',
          params,
          response: { 200: attemptSchema },
        },
      },
      async (request) => quizzes.attempt(callerOf(request).userId, request.params.id),
    );
    app.post(
      '/attempts/:id/answers',
      {
        config,
        schema: {
          tags,
          summary:
            'Answer one question; feedback at once (409 ALREADY_ANSWERED, 409 ATTEMPT_CLOSED after submission)',
          params,
          body: answerBodySchema,
          response: { 200: answerFeedbackSchema },
        },
      },
      async (request) => quizzes.answer(callerOf(request).userId, request.params.id, request.body),
    );
    app.post(
      '/attempts/:id/submit',
      {
        config,
        schema: {
          tags,
          summary: 'Submit and score the attempt (409 ATTEMPT_CLOSED the second time)',
          params,
          response: { 200: attemptSchema },
        },
      },
      async (request) => quizzes.submit(callerOf(request).userId, request.params.id),
    );
    app.post(
      '/attempts/:id/cards',
      {
        config,
        schema: {
          tags,
          summary: 'Make review cards from the attempt’s mistakes (once per question)',
          params,
          response: { 200: mistakeCardsResultSchema },
        },
      },
      async (request) => quizzes.mistakeCards(callerOf(request).userId, request.params.id),
    );
  };
}
