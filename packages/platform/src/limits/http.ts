import type { App } from '../http/app-type.js';
import type { Limits } from './limits.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A budget (declared with `platform.limits.define`) that each call of this route spends one
     * point of: per user when signed in, else per client address.
     */
    rateLimit?: string;
  }
}

/**
 * Per-user limits on the REST API: every authenticated request spends from `api.request`, and a
 * route's declared `config.rateLimit` from its own budget. Registered after the access hook, so
 * the caller is known; public requests only pay a declared route budget (per address).
 */
export function enforceRateLimits(app: App, limits: Limits): void {
  // Callback style: public routes without a budget (health, pages) pay no promise.
  app.addHook('onRequest', (request, _reply, done) => {
    const userId = request.auth?.userId;
    const action = request.routeOptions.config.rateLimit;
    if (!userId && !action) {
      done();
      return;
    }
    const spend = async () => {
      if (userId) await limits.consume('api.request', userId);
      if (action) await limits.consume(action, userId ?? `ip:${request.ip}`);
    };
    spend().then(() => done(), done);
  });
}
