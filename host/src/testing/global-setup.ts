import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type EmbeddedPostgres, migrate, migrateJobQueue, startEmbeddedPostgres } from '@app/platform';
import { provideTestDatabase } from '@app/platform/testing';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { allMigrationSources } from '../apps.js';
import { webBuildRoot } from './web-build-root.js';

/**
 * Runs once per `vitest run`: picks the PostgreSQL server (DATABASE_URL, else a throw-away embedded
 * one), migrates every module into a template database, and tells the test files where it is.
 * Teardown drops everything this run created.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = randomBytes(4).toString('hex');
  const prefix = `test_${runId}`;
  let embedded: EmbeddedPostgres | undefined;
  let tempDir: string | undefined;
  let adminUrl: string;
  const external = process.env.DATABASE_URL?.trim();
  if (external) {
    adminUrl = external;
    process.stdout.write(`[db] tests use the PostgreSQL server of DATABASE_URL (databases ${prefix}_*)\n`);
  } else {
    tempDir = await mkdtemp(path.join(tmpdir(), 'campus-test-pg-'));
    // mkdtemp makes a private (0700) directory; as root the server runs as `postgres` and must reach it.
    await chmod(tempDir, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(tempDir, 'data'), database: 'postgres' });
    adminUrl = embedded.adminUrl;
    process.stdout.write(
      `[db] DATABASE_URL is unset: tests use an embedded PostgreSQL on port ${embedded.port}\n`,
    );
  }

  const templateName = `${prefix}_template`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${pg.escapeIdentifier(templateName)}`);
  } finally {
    await admin.end();
  }
  const templateUrl = withDatabase(adminUrl, templateName);
  const pool = new pg.Pool({ connectionString: templateUrl, max: 2 });
  // An idle client's connection error must not crash the run (and graphile-worker checks for it).
  const report = (error: Error) => process.stderr.write(`template database pool: ${error.message}\n`);
  pool.on('error', report);
  pool.on('connect', (client) => client.on('error', report));
  try {
    await migrate(pool, allMigrationSources);
    // graphile-worker's schema too, so no test database pays for it at its first start.
    await migrateJobQueue(pool);
  } finally {
    await pool.end();
  }

  provideTestDatabase(project, {
    templateDatabaseUrl: templateUrl,
    adminDatabaseUrl: adminUrl,
    testDatabasePrefix: prefix,
  });

  return async () => {
    await dropRunDatabases(adminUrl, prefix).catch((error: unknown) => {
      process.stderr.write(`[db] could not drop test databases: ${String(error)}\n`);
    });
    await embedded?.stop();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
    await rm(webBuildRoot(prefix), { recursive: true, force: true });
  };
}

async function dropRunDatabases(adminUrl: string, prefix: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like $1 || '\\_%' order by datname desc",
      [prefix],
    );
    for (const { datname } of rows) {
      await admin.query(`drop database if exists ${pg.escapeIdentifier(datname)} with (force)`);
    }
  } finally {
    await admin.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
