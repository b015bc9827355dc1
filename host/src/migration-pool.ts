import { type Config, createPool, type Logger } from '@app/platform';
import type pg from 'pg';

/** Runs `work` with a short-lived pool of its own, so migrations never hold app connections. */
export async function migrationPool<T>(
  config: Config,
  logger: Logger,
  work: (pool: pg.Pool) => Promise<T>,
): Promise<T> {
  if (!config.database.url) throw new Error('no database url');
  const pool = createPool(config, config.database.url, logger);
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}
