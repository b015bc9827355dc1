import { appNameSchema, callSchema, startCallSchema } from '@app/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, callerOf } from '../auth/access.js';
import type { CallService } from './service.js';

const tags = ['calls'];
const callParams = z.object({ callId: z.uuid() });

/** `/api/v1/realtime/calls`: 1:1 call signaling state; media and SDP go over `call:<id>`. */
export const callRoutes: FastifyPluginAsync<{ calls: CallService }> = async (plugin, { calls }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  const user = { access: access.user() };

  app.post(
    '/calls',
    {
      // Ringing someone needs a verified email (docs/decisions/015).
      config: { access: access.user({ verified: true }) },
      schema: {
        tags,
        summary: 'Call someone (they ring)',
        body: startCallSchema,
        response: { 201: callSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await calls.start(request.body.app, callerOf(request).userId, request.body.calleeId)),
  );

  app.get(
    '/calls',
    {
      config: user,
      schema: {
        tags,
        summary: 'Recent calls, missed ones included',
        querystring: z.object({
          app: appNameSchema,
          limit: z.coerce.number().int().min(1).max(100).default(30),
        }),
        response: { 200: z.object({ items: z.array(callSchema) }) },
      },
    },
    async (request) => ({
      items: await calls.history(request.query.app, callerOf(request).userId, request.query.limit),
    }),
  );

  app.post(
    '/calls/:callId/accept',
    {
      config: user,
      schema: { tags, summary: 'Answer a ringing call', params: callParams, response: { 200: callSchema } },
    },
    async (request) => calls.accept(request.params.callId, callerOf(request).userId),
  );

  for (const action of ['decline', 'cancel', 'hangup'] as const) {
    app.post(
      `/calls/:callId/${action}`,
      {
        config: user,
        schema: {
          tags,
          summary: `${action[0]?.toUpperCase()}${action.slice(1)} a call`,
          params: callParams,
          response: { 200: callSchema },
        },
      },
      async (request) => calls.finish(request.params.callId, callerOf(request).userId, action),
    );
  }
};
