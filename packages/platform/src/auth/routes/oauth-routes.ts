import { tokenPairSchema, twoFactorChallengeSchema } from '@app/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../access.js';
import type { AuthDeps } from '../deps.js';
import type { OAuthSignIn } from '../oauth/flow.js';
import { deliverTokens, webTokenPairSchema } from '../web-session.js';
import { requestMeta } from './meta.js';

const tags = ['auth'];
const providerId = z.enum(['google', 'microsoft', 'github', 'naver', 'kakao']);
// Only same-site paths: an absolute or protocol-relative URL here would be an open redirect.
const redirectPath = z
  .string()
  .max(300)
  .regex(/^\/(?!\/)[A-Za-z0-9\-._~/%?=&]*$/, 'must be a path on this site, starting with one "/"')
  .default('/');

/** Sign-in with Google, Microsoft, GitHub, Naver and Kakao, when their keys are configured. */
export const oauthRoutes: FastifyPluginAsync<{ deps: AuthDeps; oauth: OAuthSignIn }> = async (
  plugin,
  { deps, oauth },
) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/providers',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'Sign-in providers that are enabled',
        response: {
          200: z.object({
            items: z.array(z.object({ id: providerId, label: z.string(), kind: z.enum(['oidc', 'oauth2']) })),
          }),
        },
      },
    },
    async () => ({ items: oauth.enabled() }),
  );

  app.get(
    '/oauth/:provider',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'Start signing in with a provider (redirects to it)',
        params: z.object({ provider: providerId }),
        querystring: z.object({ redirect: redirectPath }),
      },
    },
    async (request, reply) =>
      reply.redirect(await oauth.start(request.params.provider, request.query.redirect), 302),
  );

  app.get(
    '/oauth/:provider/callback',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "The provider's redirect back; sends the browser to the app with a hand-off code",
        params: z.object({ provider: providerId }),
        querystring: z.record(z.string(), z.string().max(4096)),
      },
    },
    async (request, reply) =>
      reply.redirect(await oauth.callback(request.params.provider, request.query, requestMeta(request)), 302),
  );

  app.post(
    '/oauth/exchange',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'Trade the hand-off code for tokens (or a 2FA challenge)',
        body: z.object({ code: z.string().min(10).max(200) }),
        response: { 200: z.union([tokenPairSchema, webTokenPairSchema, twoFactorChallengeSchema]) },
      },
    },
    async (request, reply) => {
      await deps.limits.consume('login', request.ip, reply);
      const result = await oauth.exchange(request.body.code, requestMeta(request));
      return deliverTokens(deps.config, request, reply, result);
    },
  );
};
