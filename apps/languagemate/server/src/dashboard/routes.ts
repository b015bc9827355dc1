import { dashboardSchema } from '@app/languagemate-contracts';
import { callerOf } from '@app/platform';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { LanguagemateDeps } from '../deps.js';
import type { DashboardService } from './service.js';

/** `GET /dashboard`: the caller's own learning progress. */
export function dashboardRoutes(deps: LanguagemateDeps, dashboard: DashboardService): FastifyPluginAsync {
  return async (plugin) => {
    plugin.withTypeProvider<ZodTypeProvider>().get(
      '/dashboard',
      {
        config: deps.policy.route('profile.edit', 'app'),
        schema: {
          tags: ['languagemate'],
          summary: 'Your learning dashboard: minutes per language, weeks, sessions, corrections, streak',
          response: { 200: dashboardSchema },
        },
      },
      async (request) => dashboard.of(callerOf(request).userId),
    );
  };
}
