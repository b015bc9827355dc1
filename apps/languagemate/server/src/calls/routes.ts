import { callFeedbackSchema, callRecordSchema } from '@app/languagemate-contracts';
import { callerOf } from '@app/platform';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LanguagemateDeps } from '../deps.js';
import type { CallRecords } from './service.js';

const tags = ['languagemate'];

/** After-call feedback (`/calls/:callId/feedback`) and the caller's call records (`/calls`). */
export function callRoutes(deps: LanguagemateDeps, records: CallRecords): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const config = deps.policy.route('session.schedule', 'app');
    app.post(
      '/calls/:callId/feedback',
      {
        config,
        schema: {
          tags,
          summary: 'After a call: rating, private notes and minutes spoken per language (yours only)',
          params: z.object({ callId: z.uuid() }),
          body: callFeedbackSchema,
          response: { 200: callRecordSchema },
        },
      },
      async (request) => records.feedback(request.params.callId, callerOf(request).userId, request.body),
    );
    app.get(
      '/calls',
      {
        config,
        schema: {
          tags,
          summary: 'Your recorded calls, newest first',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(30) }),
          response: { 200: z.object({ items: z.array(callRecordSchema) }) },
        },
      },
      async (request) => ({ items: await records.list(callerOf(request).userId, request.query.limit) }),
    );
  };
}
