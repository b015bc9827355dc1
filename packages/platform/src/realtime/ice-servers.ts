import { createHmac } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, callerOf } from '../auth/access.js';
import type { Config } from '../config/index.js';

export const iceServersSchema = z.object({
  iceServers: z.array(
    z.object({
      urls: z.array(z.string()),
      username: z.string().optional(),
      credential: z.string().optional(),
    }),
  ),
  ttl: z.number().int().describe('Seconds the TURN credentials stay valid'),
});

/**
 * STUN servers, and TURN servers with time-limited credentials in the TURN REST API scheme that
 * coturn implements: username `<expiry unix time>:<user id>`, password
 * base64(HMAC-SHA1(secret, username)). The TURN server checks both without calling us.
 */
export function iceServersFor(config: Config, userId: string, nowS = Math.floor(Date.now() / 1000)) {
  const { stunUrls, turnUrls, turnSecret, turnCredentialTtlS } = config.realtime;
  const iceServers: z.infer<typeof iceServersSchema>['iceServers'] = [];
  if (stunUrls.length > 0) iceServers.push({ urls: [...stunUrls] });
  if (turnSecret && turnUrls.length > 0) {
    const username = `${nowS + turnCredentialTtlS}:${userId}`;
    const credential = createHmac('sha1', turnSecret).update(username).digest('base64');
    iceServers.push({ urls: [...turnUrls], username, credential });
  }
  return { iceServers, ttl: turnCredentialTtlS };
}

/** `GET /api/v1/realtime/ice-servers` for signed-in users. */
export const iceServerRoutes: FastifyPluginAsync<{ config: Config }> = async (plugin, { config }) => {
  plugin.withTypeProvider<ZodTypeProvider>().get(
    '/ice-servers',
    {
      config: { access: access.user() },
      schema: {
        tags: ['realtime'],
        summary: 'STUN/TURN servers for calls',
        response: { 200: iceServersSchema },
      },
    },
    async (request) => iceServersFor(config, callerOf(request).userId),
  );
};
