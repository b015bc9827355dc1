import { languagemateOverviewSchema } from '@app/languagemate-contracts';
import type { AppPlatform } from '@app/platform';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { LanguagemateDeps } from '../deps.js';

/** Whether a language-model provider can translate now, and if not, why (for the button's label). */
async function translation(platform: AppPlatform): Promise<{ available: boolean; reason: string | null }> {
  const status = await platform.ai.status();
  const remote = status.providers.filter((p) => p.name !== 'local');
  if (remote.some((p) => p.available)) return { available: true, reason: null };
  if (remote.some((p) => p.configured)) return { available: false, reason: 'provider_unavailable' };
  return { available: false, reason: 'not_configured' };
}

/** `GET /overview`: the caller's role in languagemate, their abilities, and what the AI can do here. */
export function overviewRoutes(deps: LanguagemateDeps): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/overview',
      {
        config: deps.policy.route('overview.view', 'app'),
        schema: {
          tags: ['languagemate'],
          summary: "The caller's role and abilities in languagemate",
          response: { 200: languagemateOverviewSchema },
        },
      },
      async (request) => {
        const role = deps.policy.roleOf(request);
        return {
          role,
          abilities: deps.policy.abilities(role),
          translation: await translation(deps.platform),
        };
      },
    );
  };
}
