import { callerOf } from '@app/platform';
import {
  alertSchema,
  replyDraftSchema,
  replyEditSchema,
  replySchema,
  reviewListQuerySchema,
  reviewPageSchema,
  reviewSchema,
  templateInputSchema,
  templateSchema,
} from '@app/storehelper-contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { keyRoute } from '../api-keys.js';
import type { StorehelperDeps } from '../deps.js';
import type { ReplyService } from '../replies/service.js';
import type { TemplateService } from '../replies/templates.js';
import type { ReviewService } from './service.js';

const tags = ['storehelper'];
const store = z.object({ storeId: z.uuid() });
const review = z.object({ reviewId: z.uuid() });

/** The review inbox, replies (draft, edit, approve, mark done), templates and alerts. */
export function reviewRoutes(
  deps: StorehelperDeps,
  services: { reviews: ReviewService; replies: ReplyService; templates: TemplateService },
): FastifyPluginAsync {
  const { policy } = deps;
  const { reviews, replies, templates } = services;
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/stores/:storeId/reviews',
      {
        ...keyRoute(deps, 'store.view', { store: 'storeId' }, 'storehelper:read'),
        schema: {
          tags,
          summary:
            'The review inbox: newest first, filtered by platform, sentiment, rating, dates, text and reply status',
          params: store,
          querystring: reviewListQuerySchema,
          response: { 200: reviewPageSchema },
        },
      },
      async (request) => reviews.list(request.params.storeId, request.query),
    );
    app.get(
      '/reviews/:reviewId',
      {
        ...keyRoute(deps, 'store.view', { review: 'reviewId' }, 'storehelper:read'),
        schema: {
          tags,
          summary: 'One review with its reply',
          params: review,
          response: { 200: reviewSchema },
        },
      },
      async (request) => reviews.get(request.params.reviewId),
    );
    app.post(
      '/reviews/:reviewId/reply/draft',
      {
        ...keyRoute(deps, 'reply.draft', { review: 'reviewId' }, 'storehelper:reply'),
        schema: {
          tags,
          summary:
            'A new reply draft from AI (the local engine without a provider) or a template, quality-checked (402 on Free)',
          params: review,
          body: replyDraftSchema,
          response: { 200: replySchema },
        },
      },
      async (request) => replies.draft(callerOf(request).userId, request.params.reviewId, request.body),
    );
    app.put(
      '/reviews/:reviewId/reply',
      {
        ...keyRoute(deps, 'reply.draft', { review: 'reviewId' }, 'storehelper:reply'),
        schema: {
          tags,
          summary: 'Edit the reply draft (checks run again; an approval is withdrawn)',
          params: review,
          body: replyEditSchema,
          response: { 200: replySchema },
        },
      },
      async (request) => replies.edit(callerOf(request).userId, request.params.reviewId, request.body),
    );
    app.post(
      '/reviews/:reviewId/reply/approve',
      {
        ...keyRoute(deps, 'reply.approve', { review: 'reviewId' }, 'storehelper:reply'),
        schema: {
          tags,
          summary:
            'Approve the reply (owner); posted at once where the store is connected (422 REPLY_CHECK_FAILED lists failed checks)',
          params: review,
          response: { 200: replySchema },
        },
      },
      async (request) => replies.approve(callerOf(request).userId, request.params.reviewId),
    );
    app.post(
      '/reviews/:reviewId/reply/done',
      {
        config: policy.route('reply.approve', { review: 'reviewId' }),
        schema: {
          tags,
          summary: 'Mark an approved reply as posted by hand (platforms without an API)',
          params: review,
          response: { 200: replySchema },
        },
      },
      async (request) => replies.markDone(request.params.reviewId),
    );
    app.delete(
      '/reviews/:reviewId/reply',
      {
        config: policy.route('reply.draft', { review: 'reviewId' }),
        schema: { tags, summary: 'Discard a draft that was not posted', params: review },
      },
      async (request, reply) => {
        await replies.discard(request.params.reviewId);
        return reply.code(204).send();
      },
    );
    app.get(
      '/stores/:storeId/templates',
      {
        config: policy.route('store.view', { store: 'storeId' }),
        schema: {
          tags,
          summary: 'Reply templates',
          params: store,
          response: { 200: z.object({ items: z.array(templateSchema) }) },
        },
      },
      async (request) => templates.list(request.params.storeId),
    );
    app.post(
      '/stores/:storeId/templates',
      {
        config: policy.route('store.manage', { store: 'storeId' }),
        schema: {
          tags,
          summary: 'Add a reply template ({author} and {store} are filled in)',
          params: store,
          body: templateInputSchema,
          response: { 201: templateSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await templates.create(request.params.storeId, request.body)),
    );
    app.delete(
      '/stores/:storeId/templates/:id',
      {
        config: policy.route('store.manage', { store: 'storeId' }),
        schema: { tags, summary: 'Delete a template', params: store.extend({ id: z.uuid() }) },
      },
      async (request, reply) => {
        await templates.remove(request.params.storeId, request.params.id);
        return reply.code(204).send();
      },
    );
    app.get(
      '/stores/:storeId/alerts',
      {
        config: policy.route('store.view', { store: 'storeId' }),
        schema: {
          tags,
          summary: 'Alerts (negative reviews, changed page layouts), newest first',
          params: store,
          querystring: z.object({ open: z.enum(['true', 'false']).default('true') }),
          response: { 200: z.object({ items: z.array(alertSchema) }) },
        },
      },
      async (request) => reviews.alerts(request.params.storeId, { open: request.query.open === 'true' }),
    );
    app.post(
      '/stores/:storeId/alerts/:id/acknowledge',
      {
        config: policy.route('store.view', { store: 'storeId' }),
        schema: { tags, summary: 'Acknowledge an alert', params: store.extend({ id: z.uuid() }) },
      },
      async (request, reply) => {
        await reviews.acknowledge(request.params.storeId, request.params.id);
        return reply.code(204).send();
      },
    );
  };
}
