import {
  correctionSchema,
  correctionsQuerySchema,
  createCorrectionSchema,
  languageSchema,
} from '@app/languagemate-contracts';
import { AppError, callerOf } from '@app/platform';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LanguagemateDeps } from '../deps.js';
import type { CorrectionService } from './service.js';

const tags = ['languagemate'];
const roomParams = z.object({ roomId: z.uuid() });

/** Corrections in a room, the learner's review list, and translation of a message. */
export function correctionRoutes(deps: LanguagemateDeps, corrections: CorrectionService): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const config = deps.policy.route('chat.correct', 'app');

    app.post(
      '/rooms/:roomId/corrections',
      {
        config,
        schema: {
          tags,
          summary: "Correct one of your partner's messages (it becomes a review item for them)",
          params: roomParams,
          body: createCorrectionSchema,
          response: { 201: correctionSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await corrections.create(callerOf(request).userId, request.params.roomId, request.body)),
    );

    app.get(
      '/rooms/:roomId/corrections',
      {
        config,
        schema: {
          tags,
          summary: 'Corrections made in a conversation, oldest first',
          params: roomParams,
          response: { 200: z.object({ items: z.array(correctionSchema) }) },
        },
      },
      async (request) => ({
        items: await corrections.inRoom(request.params.roomId, callerOf(request).userId),
      }),
    );

    app.get(
      '/corrections',
      {
        config,
        schema: {
          tags,
          summary: 'Corrections of your messages: to review, or reviewed',
          querystring: correctionsQuerySchema,
          response: {
            200: z.object({ items: z.array(correctionSchema), nextCursor: z.string().nullable() }),
          },
        },
      },
      async (request) => corrections.forLearner(callerOf(request).userId, request.query.state, request.query),
    );

    app.post(
      '/corrections/:correctionId/review',
      {
        config,
        schema: {
          tags,
          summary: 'Mark a correction of your message as reviewed',
          params: z.object({ correctionId: z.uuid() }),
          response: { 200: correctionSchema },
        },
      },
      async (request) => corrections.review(request.params.correctionId, callerOf(request).userId),
    );

    app.post(
      '/rooms/:roomId/translate',
      {
        config,
        schema: {
          tags,
          summary:
            'Translate a message of the conversation through the AI gateway (503 SERVICE_UNAVAILABLE when no provider is configured)',
          params: roomParams,
          body: z.object({ messageId: z.uuid(), to: languageSchema }),
          response: { 200: z.object({ text: z.string() }) },
        },
      },
      async (request) => {
        const userId = callerOf(request).userId;
        const message = await deps.platform.chat.messageFor(userId, request.body.messageId);
        if (message.roomId !== request.params.roomId)
          throw new AppError('NOT_FOUND', 'Message was not found.');
        if (!message.body) throw new AppError('CONFLICT', 'This message has no text to translate.');
        const result = await deps.platform.ai.translate(
          { text: message.body, to: request.body.to },
          { userId, app: 'languagemate' },
        );
        return { text: result.value.text };
      },
    );
  };
}
