import type { ApiKeyScope } from '@app/contracts';
import { callerOf } from '@app/platform';
import type { FastifyRequest } from 'fastify';
import { APP, type StorehelperDeps } from './deps.js';

/** The plan feature API keys need (Enterprise). */
const FEATURE = 'apiKeys';

type Action = Parameters<StorehelperDeps['policy']['route']>[0];
type Scope = Parameters<StorehelperDeps['policy']['route']>[1];

/**
 * The options of a route that Enterprise API keys may call as well as signed-in people: the
 * declared permission (a key acts as its owner, in the owner's stores), the key scope it needs
 * (`storehelper:read` or `storehelper:reply`), and a check that the key's owner is on a plan with
 * API keys (402 otherwise), so a downgrade ends every key's access at once.
 */
export function keyRoute(
  deps: StorehelperDeps,
  action: Action,
  scope: Scope,
  apiKeyScope: ApiKeyScope,
): {
  config: ReturnType<StorehelperDeps['policy']['route']>;
  preHandler: (request: FastifyRequest) => Promise<void>;
} {
  return {
    config: deps.policy.route(action, scope, { apiKeyScope }),
    preHandler: async (request: FastifyRequest) => {
      if (request.auth?.via === 'api-key')
        await deps.platform.billing.requireFeature(callerOf(request).userId, APP, FEATURE);
    },
  };
}
