import {
  createQuestionSchema,
  createQuizSchema,
  questionSchema,
  quizReportSchema,
  quizResultSchema,
  quizSchema,
  submitQuizSchema,
} from '@app/eduforum-contracts';
import { callerOf } from '@app/platform';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EduforumDeps } from '../deps.js';
import { QuestionBank } from './questions.js';
import type { QuizService } from './service.js';

const tags = ['eduforum quizzes'];
const courseParams = z.object({ courseId: z.uuid() });
const quizParams = z.object({ quizId: z.uuid() });

/** The question bank and timed quizzes. */
export function quizRoutes(deps: EduforumDeps, quizzes: QuizService): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const bank = new QuestionBank(deps);
    app.post(
      '/courses/:courseId/questions',
      {
        config: deps.policy.route('grade.edit', { course: 'courseId' }),
        schema: {
          tags,
          summary: 'Add a question to the bank',
          params: courseParams,
          body: createQuestionSchema,
          response: { 201: questionSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await bank.create(callerOf(request).userId, request.params.courseId, request.body)),
    );
    app.get(
      '/courses/:courseId/questions',
      {
        config: deps.policy.route('grade.view', { course: 'courseId' }),
        schema: {
          tags,
          summary: 'The question bank (staff)',
          params: courseParams,
          querystring: z.object({
            tag: z.string().max(40).optional(),
            difficulty: z.coerce.number().int().min(1).max(5).optional(),
          }),
          response: { 200: z.object({ items: z.array(questionSchema) }) },
        },
      },
      async (request) => ({
        items: await bank.list(callerOf(request).userId, request.params.courseId, request.query),
      }),
    );
    app.delete(
      '/courses/:courseId/questions/:questionId',
      {
        config: deps.policy.route('grade.edit', { course: 'courseId' }),
        schema: {
          tags,
          summary: 'Retire a question',
          params: courseParams.extend({ questionId: z.uuid() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await bank.archive(callerOf(request).userId, request.params.courseId, request.params.questionId);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/sessions/:sessionId/quizzes',
      {
        config: deps.policy.route('session.join', { session: 'sessionId' }),
        schema: {
          tags,
          summary: "A session's quizzes (students: launched ones, without keys)",
          params: z.object({ sessionId: z.uuid() }),
          response: { 200: z.object({ items: z.array(quizSchema) }) },
        },
      },
      async (request) => ({ items: await quizzes.list(callerOf(request).userId, request.params.sessionId) }),
    );
    app.post(
      '/sessions/:sessionId/quizzes',
      {
        config: deps.policy.route('session.moderate', { session: 'sessionId' }),
        schema: {
          tags,
          summary: 'Prepare a quiz for a session',
          params: z.object({ sessionId: z.uuid() }),
          body: createQuizSchema,
          response: { 201: quizSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await quizzes.create(callerOf(request).userId, request.params.sessionId, request.body)),
    );
    app.get(
      '/quizzes/:quizId',
      {
        config: deps.policy.route('session.join', { quiz: 'quizId' }),
        schema: {
          tags,
          summary: 'A quiz (keys for staff only)',
          params: quizParams,
          response: { 200: quizSchema },
        },
      },
      async (request) => quizzes.get(callerOf(request).userId, request.params.quizId),
    );
    app.post(
      '/quizzes/:quizId/open',
      {
        config: deps.policy.route('session.moderate', { quiz: 'quizId' }),
        schema: {
          tags,
          summary: 'Launch the quiz and its timer',
          params: quizParams,
          response: { 200: quizSchema },
        },
      },
      async (request) => quizzes.open(callerOf(request).userId, request.params.quizId),
    );
    app.post(
      '/quizzes/:quizId/close',
      {
        config: deps.policy.route('session.moderate', { quiz: 'quizId' }),
        schema: { tags, summary: 'Close the quiz early', params: quizParams, response: { 200: quizSchema } },
      },
      async (request) => quizzes.close(callerOf(request).userId, request.params.quizId),
    );
    app.post(
      '/quizzes/:quizId/submissions',
      {
        config: deps.policy.route('session.join', { quiz: 'quizId' }),
        schema: {
          tags,
          summary: 'Submit answers (graded at once)',
          params: quizParams,
          body: submitQuizSchema,
          response: { 201: quizResultSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await quizzes.submit(callerOf(request).userId, request.params.quizId, request.body.answers)),
    );
    app.get(
      '/quizzes/:quizId/my-result',
      {
        config: deps.policy.route('grade.viewOwn', { quiz: 'quizId' }),
        schema: {
          tags,
          summary: "The caller's result, or null before they submitted",
          params: quizParams,
          response: { 200: quizResultSchema.nullable() },
        },
      },
      async (request) => quizzes.myResult(callerOf(request).userId, request.params.quizId),
    );
    app.get(
      '/quizzes/:quizId/report',
      {
        config: deps.policy.route('grade.view', { quiz: 'quizId' }),
        schema: {
          tags,
          summary: 'Results per student and per question',
          params: quizParams,
          response: { 200: quizReportSchema },
        },
      },
      async (request) => quizzes.report(callerOf(request).userId, request.params.quizId),
    );
  };
}
