import { suggestionsPageSchema, suggestionsQuerySchema } from '@app/languagemate-contracts';
import { callerOf } from '@app/platform';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Matcher, MatchingDeps } from './matcher.js';

const tags = ['languagemate'];

/**
 * `GET /suggestions` (partner suggestions with their reasons, paged) and
 * `POST /suggestions/:userId/dismiss` (never suggest that person again).
 */
export function matchingRoutes(deps: Pick<MatchingDeps, 'policy'>, matcher: Matcher): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/suggestions',
      {
        config: deps.policy.route('match.view', 'app'),
        schema: {
          tags,
          summary:
            'Language partners for the caller, best first, each with why (409 PROFILE_REQUIRED before onboarding)',
          querystring: suggestionsQuerySchema,
          response: { 200: suggestionsPageSchema },
        },
      },
      async (request) => matcher.suggestions(callerOf(request).userId, request.query),
    );

    app.post(
      '/suggestions/:userId/dismiss',
      {
        config: deps.policy.route('match.view', 'app'),
        schema: {
          tags,
          summary: 'Never suggest this person to the caller again',
          params: z.object({ userId: z.uuid() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await matcher.dismiss(callerOf(request).userId, request.params.userId);
        return reply.status(204).send(null);
      },
    );
  };
}
