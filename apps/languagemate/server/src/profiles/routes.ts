import { profileInputSchema, profileSchema, publicProfileSchema } from '@app/languagemate-contracts';
import { callerOf, notFound } from '@app/platform';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LanguagemateDeps } from '../deps.js';
import type { ProfileService } from './service.js';

const tags = ['languagemate'];

/** `/profile` (the caller's own, for onboarding and edits) and `/people/:userId` (what others see). */
export function profileRoutes(deps: LanguagemateDeps, profiles: ProfileService): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/profile',
      {
        config: deps.policy.route('profile.edit', 'app'),
        schema: {
          tags,
          summary: "The caller's profile; null until onboarding is finished",
          response: { 200: z.object({ profile: profileSchema.nullable() }) },
        },
      },
      async (request) => ({ profile: (await profiles.get(callerOf(request).userId)) ?? null }),
    );

    app.put(
      '/profile',
      {
        config: deps.policy.route('profile.edit', 'app'),
        schema: {
          tags,
          summary: 'Create or replace the caller’s profile (onboarding and later edits)',
          body: profileInputSchema,
          response: { 200: profileSchema },
        },
      },
      async (request) => profiles.save(callerOf(request).userId, request.body),
    );

    app.get(
      '/people/:userId',
      {
        config: deps.policy.route('profile.view', 'app'),
        schema: {
          tags,
          summary: "Another learner's public profile (404 if absent or if either blocked the other)",
          params: z.object({ userId: z.uuid() }),
          response: { 200: publicProfileSchema },
        },
      },
      async (request) => {
        const viewer = callerOf(request).userId;
        const { userId } = request.params;
        if (viewer !== userId && (await deps.platform.blocks.between(viewer, userId)))
          throw notFound('Profile');
        return profiles.publicProfile(userId);
      },
    );
  };
}
