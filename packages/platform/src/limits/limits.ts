import { Redis } from 'ioredis';
import {
  type IRateLimiterOptions,
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { Config } from '../config/index.js';
import { AppError } from '../http/app-error.js';

/** `points` uses of an action per `duration` seconds, per key (a fixed window). */
export interface Budget {
  readonly points: number;
  readonly duration: number;
}

/**
 * The kernel's own per-user budgets (operators override any of them with RATE_LIMITS). The auth
 * module adds its per-address ones (auth/rate-limits.ts); apps add theirs with `define`.
 */
export const kernelBudgets = {
  /** Every authenticated REST request (the seed's "1000 requests per minute per user"). */
  'api.request': { points: 1_000, duration: 60 },
  /** Chat messages sent, edited or deleted, over REST and WebSocket alike. */
  'chat.send': { points: 60, duration: 60 },
  /** Calls started (each one rings someone). */
  'call.start': { points: 10, duration: 60 },
} as const satisfies Record<string, Budget>;

/**
 * Named budgets per key (usually a user id), shared by every path to the same action: the REST
 * route and the WebSocket event spend from one budget. Counters live in memory, or in Redis when
 * REDIS_URL is set so every instance counts together; if Redis is unreachable each instance falls
 * back to counting in memory rather than failing requests.
 */
export class Limits {
  private readonly redis: Redis | undefined;
  private readonly limiters = new Map<string, { budget: Budget; limiter: RateLimiterAbstract }>();

  constructor(private readonly config: Config) {
    this.redis = config.redis.url
      ? new Redis(config.redis.url, { enableOfflineQueue: false, lazyConnect: false })
      : undefined;
    // A Redis that is down must not crash the process through an unhandled 'error' event.
    this.redis?.on('error', () => {});
    for (const [action, budget] of Object.entries(kernelBudgets)) this.define(action, budget);
  }

  /**
   * Declares an action's default budget (an operator's RATE_LIMITS entry wins). Declaring the same
   * action again with the same budget is a no-op; with another budget it is a mistake and throws.
   */
  define(action: string, budget: Budget): void {
    const existing = this.limiters.get(action);
    if (existing) {
      if (existing.budget.points === budget.points && existing.budget.duration === budget.duration) return;
      throw new Error(`rate limit ${action} is already defined with another budget`);
    }
    const effective = this.config.limits.overrides[action] ?? budget;
    const options: IRateLimiterOptions = {
      keyPrefix: `${this.config.redis.keyPrefix}rl:${action}`,
      points: effective.points,
      duration: effective.duration,
    };
    const limiter = this.redis
      ? new RateLimiterRedis({
          ...options,
          storeClient: this.redis,
          insuranceLimiter: new RateLimiterMemory(options),
        })
      : new RateLimiterMemory(options);
    this.limiters.set(action, { budget, limiter });
  }

  /**
   * Spends `points` of `action` for `key`. When the budget is used up it throws 429 RATE_LIMITED
   * with `details: { action, retryAfter }` (seconds; the HTTP error handler also sets Retry-After,
   * the realtime gateway sends it in the `err` frame).
   */
  async consume(action: string, key: string, points = 1): Promise<void> {
    const entry = this.limiters.get(action);
    if (!entry) throw new Error(`rate limit ${action} is not defined`);
    try {
      await entry.limiter.consume(key, points);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new AppError('RATE_LIMITED', `Too many attempts. Try again in ${retryAfter} s.`, {
        action,
        retryAfter,
      });
    }
  }

  /** The budget in force for an action (after operator overrides), for docs and tests. */
  budget(action: string): Budget | undefined {
    const entry = this.limiters.get(action);
    return entry ? (this.config.limits.overrides[action] ?? entry.budget) : undefined;
  }

  async close(): Promise<void> {
    this.redis?.disconnect();
  }
}
