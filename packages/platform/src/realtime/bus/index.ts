import type pg from 'pg';
import type { Config } from '../../config/index.js';
import type { Logger } from '../../observability/logger.js';
import type { Bus } from './bus.js';
import { createPostgresBus } from './postgres-bus.js';
import { createRedisBus } from './redis-bus.js';

export type { Bus, BusEnvelope, BusHandler } from './bus.js';

/** The bus engine chosen at boot: Redis pub/sub when REDIS_URL is set, else PostgreSQL LISTEN/NOTIFY. */
export function createBus(config: Config, pool: pg.Pool, logger: Logger): Promise<Bus> {
  const options = { instanceId: config.instanceId, logger };
  if (config.redis.url)
    return createRedisBus({ ...options, url: config.redis.url, keyPrefix: config.redis.keyPrefix });
  if (!config.database.url) throw new Error('createBus needs config.database.url');
  return createPostgresBus({ ...options, url: config.database.url, pool });
}
