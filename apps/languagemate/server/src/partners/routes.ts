import {
  createRequestSchema,
  partnerRequestSchema,
  partnerSchema,
  requestsQuerySchema,
} from '@app/languagemate-contracts';
import { callerOf } from '@app/platform';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LanguagemateDeps } from '../deps.js';
import type { PartnerService } from './service.js';

const tags = ['languagemate'];
const requestParams = z.object({ requestId: z.uuid() });

/** Partner requests (`/requests`) and the caller's partners (`/partners`). */
export function partnerRoutes(deps: LanguagemateDeps, partners: PartnerService): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const config = deps.policy.route('partner.request', 'app');

    app.get(
      '/requests',
      {
        config,
        schema: {
          tags,
          summary: 'Pending partner requests to (incoming) or from (outgoing) the caller',
          querystring: requestsQuerySchema,
          response: { 200: z.object({ items: z.array(partnerRequestSchema) }) },
        },
      },
      async (request) => ({ items: await partners.requests(callerOf(request).userId, request.query.box) }),
    );

    app.post(
      '/requests',
      {
        config,
        schema: {
          tags,
          summary: 'Ask someone to be your partner (accepts theirs if they already asked you)',
          body: createRequestSchema,
          response: { 201: partnerRequestSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await partners.request(callerOf(request).userId, request.body)),
    );

    for (const [action, summary] of [
      ['accept', 'Accept a request sent to you: you become partners with a chat room'],
      ['decline', 'Decline a request sent to you: neither of you is suggested to the other again'],
      ['cancel', 'Withdraw a request you sent'],
    ] as const) {
      app.post(
        `/requests/:requestId/${action}`,
        {
          config,
          schema: { tags, summary, params: requestParams, response: { 200: partnerRequestSchema } },
        },
        async (request) => partners[action](request.params.requestId, callerOf(request).userId),
      );
    }

    app.get(
      '/partners',
      {
        config,
        schema: {
          tags,
          summary: "The caller's partners with their chat rooms and unread counts",
          response: { 200: z.object({ items: z.array(partnerSchema) }) },
        },
      },
      async (request) => ({ items: await partners.partners(callerOf(request).userId) }),
    );
  };
}
