import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../auth/access.js';
import type { AiGateway } from './gateway.js';
import { aiStatusSchema } from './status.js';

export interface AiRoutesOptions {
  gateway: AiGateway;
}

/**
 * AI routes, mounted at `/api/v1/ai`. Only `GET /status` for now, and public: it says which
 * engines are configured and usable (model names, never keys or URLs). The task functions are
 * called by the apps' own routes, which own authorization and input shapes.
 */
export const aiRoutes: FastifyPluginAsync<AiRoutesOptions> = async (app, options) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/status',
    {
      config: { access: access.public },
      schema: {
        tags: ['ai'],
        summary: 'Which AI providers and speech engines are configured and available',
        response: { 200: aiStatusSchema },
      },
    },
    async () => options.gateway.status(),
  );
};
