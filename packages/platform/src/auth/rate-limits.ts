import type { FastifyReply } from 'fastify';
import { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { Config } from '../config/index.js';
import { AppError } from '../http/app-error.js';

/** Per-IP budgets of the sensitive endpoints (points per window). */
const budgets = {
  login: { points: 30, duration: 15 * 60 },
  register: { points: 10, duration: 60 * 60 },
  forgot: { points: 5, duration: 15 * 60 },
  verifyMail: { points: 5, duration: 15 * 60 },
  twoFactor: { points: 20, duration: 15 * 60 },
} as const;

export type LimitedAction = keyof typeof budgets;

/** Rate limits in memory, or in Redis (shared by every instance) when REDIS_URL is set. */
export interface RateLimits {
  /** Spends one point of `action` for `key`; throws 429 RATE_LIMITED with Retry-After when out. */
  consume(action: LimitedAction, key: string, reply: FastifyReply): Promise<void>;
  close(): Promise<void>;
}

/** Creates the limiters; with Redis the keys are prefixed so several deployments can share it. */
export function createRateLimits(config: Config): RateLimits {
  const redis = config.redis.url
    ? new Redis(config.redis.url, { enableOfflineQueue: false, lazyConnect: false })
    : undefined;
  const limiters = new Map<LimitedAction, RateLimiterAbstract>();
  for (const [action, budget] of Object.entries(budgets) as [
    LimitedAction,
    (typeof budgets)[LimitedAction],
  ][]) {
    const options = {
      keyPrefix: `${config.redis.keyPrefix}rl:${action}`,
      points: budget.points,
      duration: budget.duration,
    };
    limiters.set(
      action,
      redis ? new RateLimiterRedis({ ...options, storeClient: redis }) : new RateLimiterMemory(options),
    );
  }
  return {
    async consume(action, key, reply) {
      const limiter = limiters.get(action);
      if (!limiter) return;
      try {
        await limiter.consume(key);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        void reply.header('retry-after', String(seconds));
        throw new AppError('RATE_LIMITED', `Too many attempts. Try again in ${seconds} s.`, {
          retryAfter: seconds,
        });
      }
    },
    async close() {
      redis?.disconnect();
    },
  };
}
