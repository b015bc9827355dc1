import { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { Config } from '../config/index.js';

/**
 * What a failure counts against:
 * - `password`: sign-in with a password, per account AND source network, so someone failing from
 *   elsewhere never slows down the owner (see `passwordThrottleKey`).
 * - `code`: TOTP and backup-code checks, per account, wherever they happen (sign-in, 2FA changes).
 *   Reaching a code check already takes the password or a session, so an outsider cannot lock it.
 * - `reauth`: password confirmations before sensitive changes, per account.
 */
export type ThrottledCheck = 'password' | 'code' | 'reauth';

/** Free failures, then a wait that doubles per further failure, up to an hour. */
const FREE_FAILURES = 5;
const BASE_WAIT_S = 30;
const MAX_WAIT_S = 3600;
/** Failures are counted in a window this long from the first one. */
const WINDOW_S = 24 * 3600;

/** Failure counters with exponential backoff; in memory, or in Redis when REDIS_URL is set. */
export interface Throttle {
  /** Seconds `key` must still wait before its next attempt (0: go ahead). */
  wait(check: ThrottledCheck, key: string): Promise<number>;
  /** Counts a failure; returns the seconds `key` must now wait (0 while failures are free). */
  fail(check: ThrottledCheck, key: string): Promise<number>;
  /** Forgets the failures of `key` (after a success, or a password reset). */
  clear(check: ThrottledCheck, key: string): Promise<void>;
  close(): Promise<void>;
}

/** Seconds to wait after `failures` consecutive failures. */
export function backoffSeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_WAIT_S, BASE_WAIT_S * 2 ** (failures - FREE_FAILURES));
}

/** Builds the counters; with Redis every instance shares them (keys prefixed per deployment). */
export function createThrottle(config: Config): Throttle {
  const redis = config.redis.url
    ? new Redis(config.redis.url, { enableOfflineQueue: false, lazyConnect: false })
    : undefined;
  const make = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract => {
    const options = { keyPrefix: `${config.redis.keyPrefix}${keyPrefix}`, points, duration };
    return redis ? new RateLimiterRedis({ ...options, storeClient: redis }) : new RateLimiterMemory(options);
  };
  // `failures` only counts; `blocks` holds the current wait (a blocked key has points + 1 used).
  const failures = make('th:fail', Number.MAX_SAFE_INTEGER, WINDOW_S);
  const blocks = make('th:block', 1, 1);
  const key = (check: ThrottledCheck, id: string) => `${check}:${id}`;
  return {
    async wait(check, id) {
      const res = await blocks.get(key(check, id));
      if (!res || res.consumedPoints <= 1 || res.msBeforeNext <= 0) return 0;
      return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    },
    async fail(check, id) {
      const res = await failures.penalty(key(check, id), 1);
      const seconds = backoffSeconds(res.consumedPoints);
      if (seconds > 0) await blocks.block(key(check, id), seconds);
      return seconds;
    },
    async clear(check, id) {
      await Promise.all([failures.delete(key(check, id)), blocks.delete(key(check, id))]);
    },
    async close() {
      redis?.disconnect();
    },
  };
}

/**
 * The source part of a throttle key: the IPv4 address, or the /64 of an IPv6 address (one
 * subscriber usually holds a whole /64, so single addresses in it would be free to rotate).
 */
export function sourceOf(ip: string | null): string {
  if (!ip) return 'unknown';
  if (!ip.includes(':')) return ip;
  if (ip.startsWith('::ffff:')) return ip.slice(7);
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const groups = head.split(':').filter(Boolean);
  // With '::' the missing groups are zeros; only the first four groups matter.
  const full = tail !== '' || ip.includes('::') ? [...groups, '0', '0', '0', '0'] : groups;
  return `${full.slice(0, 4).join(':')}::/64`;
}
