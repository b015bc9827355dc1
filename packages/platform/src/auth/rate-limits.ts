import type { FastifyReply } from 'fastify';
import type { Limits } from '../limits/limits.js';

/** Per-IP budgets of the sensitive endpoints (points per window); operators override `auth.<name>`. */
const budgets = {
  login: { points: 30, duration: 15 * 60 },
  register: { points: 10, duration: 60 * 60 },
  forgot: { points: 5, duration: 15 * 60 },
  verifyMail: { points: 5, duration: 15 * 60 },
  twoFactor: { points: 20, duration: 15 * 60 },
} as const;

export type LimitedAction = keyof typeof budgets;

/** The auth endpoints' view of the platform's limits (memory, or Redis when REDIS_URL is set). */
export interface RateLimits {
  /**
   * Spends one point of `action` for `key`; throws 429 RATE_LIMITED with `retryAfter` when out
   * (the error handler turns it into the Retry-After header; `reply` is kept for the callers).
   */
  consume(action: LimitedAction, key: string, reply?: FastifyReply): Promise<void>;
}

/** Declares the auth budgets as `auth.login`, `auth.register`, ... on the platform's limits. */
export function authRateLimits(limits: Limits): RateLimits {
  for (const [action, budget] of Object.entries(budgets)) limits.define(`auth.${action}`, budget);
  return {
    consume: (action, key) => limits.consume(`auth.${action}`, key),
  };
}
