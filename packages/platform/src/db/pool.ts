import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { DB } from '../db.generated.js';

// timestamptz and bigint come back as strings by default; int8 counts fit in a JS number here.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

/** The platform's typed query builder over its own schema; apps extend it with `withTables`. */
export type PlatformDb = Kysely<DB>;

/**
 * Creates the connection pool. Idle clients that the server drops (restart, failover) emit `error`
 * on the pool; we log it and let the pool replace them, so the process survives a database outage
 * and recovers without a restart.
 */
export function createPool(config: Config, url: string, logger: Logger): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: config.database.poolMax,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    statement_timeout: config.database.statementTimeoutMs,
    application_name: `campus:${config.role}`,
  });
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection failed'));
  // A connection that fails while checked out (server restart, network) must not crash the process
  // through an unhandled 'error' event; the query in flight fails and the pool replaces the client.
  pool.on('connect', (client) => {
    client.on('error', (error) => logger.warn({ err: error }, 'database connection failed'));
  });
  return pool;
}

/** Wraps a pool in Kysely. Destroying the Kysely instance ends the pool. */
export function createDb(pool: pg.Pool): PlatformDb {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * What apps may read of the platform's data: accounts and app-wide roles, as views (migration 0014).
 * PostgreSQL reports every column of a view as nullable, so their row types are taken from the
 * tables the views select from.
 */
export interface PlatformReadViews {
  'platform.people': Pick<
    DB['platform.users'],
    'id' | 'name' | 'email' | 'locale' | 'platform_role' | 'created_at'
  >;
  'platform.app_roles': Pick<DB['platform.memberships'], 'user_id' | 'app' | 'role' | 'created_at'>;
}

/**
 * An app's typed query builder: its own schema's tables (`DB` generated from its migrations) and
 * the platform's read views, over the platform's pool. Writes to platform data go through kernel
 * services (`platform.directory`, `platform.chat`, ...).
 */
export function appDatabase<AppDB>(pool: pg.Pool): Kysely<AppDB & PlatformReadViews> {
  // Its own Kysely over the same pool: nothing to close (the platform ends the pool).
  return new Kysely<AppDB & PlatformReadViews>({ dialect: new PostgresDialect({ pool }) });
}
