import { createRequire } from 'node:module';
import type { AppManifest, SystemHealth } from '@app/contracts';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import type { PlatformDb } from '../db/pool.js';

const CHECK_TIMEOUT_MS = 2_000;
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** What the system page needs to reach. */
export interface SystemDeps {
  db: PlatformDb;
  redisUrl: string | undefined;
  apps: readonly AppManifest[];
}

/**
 * The operator's first look: database and Redis round trips, the job queue, accounts, and each app
 * (mounted here, or only registered in the database by another deployment). Failures are reported
 * as values with a fixed phrase (the page shows them), never thrown.
 */
export async function systemHealth(deps: SystemDeps): Promise<SystemHealth> {
  const [database, redis, jobs, accounts, apps] = await Promise.all([
    databaseCheck(deps.db),
    redisCheck(deps.redisUrl),
    jobCounts(deps.db),
    accountCounts(deps.db),
    appStatus(deps),
  ]);
  return {
    version,
    node: process.version,
    uptimeS: Math.round(process.uptime()),
    database,
    redis,
    jobs,
    apps,
    accounts,
  };
}

async function databaseCheck(db: PlatformDb): Promise<SystemHealth['database']> {
  const started = performance.now();
  try {
    const { rows } = await sql<{ server: string; migrations: string }>`
      select current_setting('server_version') as server,
        (select count(*) from platform.schema_migrations) as migrations`.execute(db);
    return {
      ok: true,
      ms: elapsed(started),
      error: null,
      server: rows[0]?.server ?? null,
      migrations: Number(rows[0]?.migrations ?? 0),
    };
  } catch {
    return { ok: false, ms: null, error: 'unreachable', server: null, migrations: 0 };
  }
}

async function redisCheck(url: string | undefined): Promise<SystemHealth['redis']> {
  if (!url) return { configured: false, ok: true, ms: null, error: null };
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CHECK_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  const started = performance.now();
  try {
    await client.connect();
    await client.ping();
    return { configured: true, ok: true, ms: elapsed(started), error: null };
  } catch {
    return { configured: true, ok: false, ms: null, error: 'unreachable' };
  } finally {
    client.disconnect();
  }
}

async function jobCounts(db: PlatformDb): Promise<SystemHealth['jobs']> {
  const { rows } = await sql<{ queued: string; running: string; failed: string; oldest: number | null }>`
    select
      count(*) filter (where locked_at is null and attempts < max_attempts) as queued,
      count(*) filter (where locked_at is not null) as running,
      count(*) filter (where attempts >= max_attempts and locked_at is null) as failed,
      extract(epoch from now() - min(run_at) filter (
        where locked_at is null and attempts < max_attempts and run_at <= now()))::float8 as oldest
    from graphile_worker._private_jobs`.execute(db);
  const row = rows[0];
  return {
    queued: Number(row?.queued ?? 0),
    running: Number(row?.running ?? 0),
    failed: Number(row?.failed ?? 0),
    oldestQueuedS: row?.oldest === null || row?.oldest === undefined ? null : Math.max(0, row.oldest),
  };
}

async function accountCounts(db: PlatformDb): Promise<SystemHealth['accounts']> {
  const row = await db
    .selectFrom('platform.users')
    .select([
      sql<string>`count(*)`.as('total'),
      sql<string>`count(*) filter (where suspended_at is not null)`.as('suspended'),
      sql<string>`count(*) filter (where platform_role = 'admin' and suspended_at is null)`.as('admins'),
    ])
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), suspended: Number(row.suspended), admins: Number(row.admins) };
}

async function appStatus(deps: SystemDeps): Promise<SystemHealth['apps']> {
  const [registered, members] = await Promise.all([
    deps.db.selectFrom('platform.apps').select('name').orderBy('name').execute(),
    deps.db
      .selectFrom('platform.memberships')
      .select(['app', sql<string>`count(*)`.as('count')])
      .groupBy('app')
      .execute(),
  ]);
  const names = [...new Set([...deps.apps.map((app) => app.name), ...registered.map((row) => row.name)])];
  return names.map((name) => {
    const manifest = deps.apps.find((app) => app.name === name);
    return {
      name,
      enabled: manifest !== undefined,
      members: Number(members.find((row) => row.app === name)?.count ?? 0),
      adminPath: manifest?.adminPath ? `/${name}${manifest.adminPath}` : null,
    };
  });
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
