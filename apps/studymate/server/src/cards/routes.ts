import { callerOf } from '@app/platform';
import {
  cardInputSchema,
  cardListQuerySchema,
  cardPageSchema,
  cardPatchSchema,
  cardSchema,
  createdCountSchema,
  importBodySchema,
  importResultSchema,
  reviewBodySchema,
  reviewNextSchema,
  reviewResultSchema,
} from '@app/studymate-contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StudymateDeps } from '../deps.js';
import type { DeckService } from './deck.js';
import type { ReviewService } from './review.js';
import type { CardService } from './service.js';

const tags = ['studymate'];
const params = z.object({ id: z.uuid() });

/** `/cards` and `/review`: cards by hand, from key terms and imports; the review loop (always free). */
export function cardRoutes(
  deps: StudymateDeps,
  services: { cards: CardService; review: ReviewService; deck: DeckService },
): FastifyPluginAsync {
  const { cards, review, deck } = services;
  const config = deps.policy.route('study.use', 'app');
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/cards',
      {
        config,
        schema: {
          tags,
          summary: "The caller's cards, newest first; filter by subject or text",
          querystring: cardListQuerySchema,
          response: { 200: cardPageSchema },
        },
      },
      async (request) => cards.list(callerOf(request).userId, request.query),
    );
    app.post(
      '/cards',
      {
        config,
        schema: {
          tags,
          summary: 'Write a card (Markdown front and back)',
          body: cardInputSchema,
          response: { 201: cardSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await cards.create(callerOf(request).userId, request.body)),
    );
    app.patch(
      '/cards/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Edit a card, or suspend, bury, unsuspend or reset it',
          params,
          body: cardPatchSchema,
          response: { 200: cardSchema },
        },
      },
      async (request) => {
        const userId = callerOf(request).userId;
        return cards.update(userId, request.params.id, request.body, () => deck.tomorrow(userId));
      },
    );
    app.delete(
      '/cards/:id',
      { config, schema: { tags, summary: 'Delete a card and its review history', params } },
      async (request, reply) => {
        await cards.remove(callerOf(request).userId, request.params.id);
        return reply.code(204).send();
      },
    );
    app.post(
      '/materials/:id/cards',
      {
        config,
        schema: {
          tags,
          summary: 'Cards from the material’s key terms, linked to their passages (once per term)',
          params,
          response: { 200: createdCountSchema },
        },
      },
      async (request) => cards.fromKeyTerms(callerOf(request).userId, request.params.id),
    );
    app.post(
      '/cards/import',
      {
        config,
        schema: {
          tags,
          summary:
            'Import a deck (CSV or Anki text export); nothing is imported when any row is bad (the report lists them)',
          body: importBodySchema,
          response: { 200: importResultSchema },
        },
      },
      async (request) => deck.import(callerOf(request).userId, request.body),
    );
    app.get(
      '/cards/export',
      {
        config,
        schema: {
          tags,
          summary: 'Export cards as CSV or Anki text (a file download)',
          querystring: z.object({
            format: z.enum(['csv', 'anki']).default('csv'),
            subjectId: z.uuid().optional(),
          }),
        },
      },
      async (request, reply) => {
        const { format, subjectId } = request.query;
        const body = await deck.export(callerOf(request).userId, format, subjectId);
        return reply
          .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="studymate-cards.${format === 'csv' ? 'csv' : 'txt'}"`,
          )
          .send(body);
      },
    );
    app.get(
      '/review/next',
      {
        config,
        schema: {
          tags,
          summary: 'The next card to review, what each grade would do, and what is left today',
          response: { 200: reviewNextSchema },
        },
      },
      async (request) => review.next(callerOf(request).userId),
    );
    app.post(
      '/cards/:id/review',
      {
        config,
        schema: {
          tags,
          summary:
            'Grade a card 1-4 (409 ALREADY_REVIEWED for a second grade of the same showing; 400 GRADE_NOT_ALLOWED in pass/fail mode)',
          params,
          body: reviewBodySchema,
          response: { 200: reviewResultSchema },
        },
      },
      async (request) => review.grade(callerOf(request).userId, request.params.id, request.body),
    );
    app.post(
      '/review/undo',
      {
        config,
        schema: {
          tags,
          summary: 'Undo the last grade (409 NOTHING_TO_UNDO)',
          response: { 200: z.object({ card: cardSchema }) },
        },
      },
      async (request) => review.undo(callerOf(request).userId),
    );
  };
}
