import path from 'node:path';
import { type Config, type Logger, startEmbeddedPostgres, withConfig } from '@app/platform';

/** A database the host can use, and how to let go of it. */
export interface ResolvedDatabase {
  config: Config;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * Uses `DATABASE_URL` when set; otherwise starts the embedded PostgreSQL in `DATA_DIR/postgres`
 * (initialised on first start) and returns a config pointing at it.
 */
export async function resolveDatabase(config: Config, logger: Logger): Promise<ResolvedDatabase> {
  if (config.database.url) return { config, embedded: false, stop: async () => {} };
  const dataDir = path.join(config.dataDir, 'postgres');
  logger.info({ dataDir }, 'DATABASE_URL is not set: starting embedded PostgreSQL');
  const server = await startEmbeddedPostgres({
    dataDir,
    port: config.database.embeddedPort,
    database: 'campus',
    onLog: (line) => logger.debug({ postgres: line }, 'embedded postgres'),
  });
  logger.info({ port: server.port }, 'embedded PostgreSQL is ready');
  return {
    config: withConfig(config, { database: { url: server.url } }),
    embedded: true,
    stop: () => server.stop(),
  };
}
