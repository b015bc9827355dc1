import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';

/** A module that owns a PostgreSQL schema and a folder of numbered `.sql` migrations. */
export interface MigrationSource {
  /** Module name (`platform`, `eduforum`, ...); recorded with each applied migration. */
  readonly name: string;
  /** Absolute path of the folder holding `NNNN_description.sql` files. */
  readonly migrationsDir: string;
  /**
   * An app (not the platform): the runner records its name in `platform.apps`, which the platform's
   * tables reference, before the app's own migrations run.
   */
  readonly isApp?: boolean;
}

export interface MigrationFile {
  module: string;
  name: string;
  checksum: string;
  sql: string;
}

export interface MigrationResult {
  applied: { module: string; name: string }[];
}

/** Minimal logger interface so tools can pass console-like loggers. */
export interface MigrationLogger {
  info(obj: object, msg: string): void;
}

const FILE_PATTERN = /^(\d{4})_[a-z0-9_]+\.sql$/;
// One constant key shared by every instance: only one runner migrates at a time.
const LOCK_KEY = 0x63616d70; // "camp"

const BOOKKEEPING = `
  create schema if not exists platform;
  create table if not exists platform.schema_migrations (
    module text not null,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now(),
    primary key (module, name)
  );`;

/** Reads a module's migration files in order, rejecting names that do not follow `NNNN_name.sql`. */
export async function readMigrations(source: MigrationSource): Promise<MigrationFile[]> {
  const entries = (await readdir(source.migrationsDir)).filter((f) => f.endsWith('.sql')).sort();
  const seen = new Set<string>();
  const files: MigrationFile[] = [];
  for (const name of entries) {
    const match = FILE_PATTERN.exec(name);
    if (!match?.[1])
      throw new Error(`Migration ${source.name}/${name} must be named NNNN_lowercase_words.sql`);
    if (seen.has(match[1])) throw new Error(`Migration number ${match[1]} is used twice in ${source.name}`);
    seen.add(match[1]);
    const sql = await readFile(path.join(source.migrationsDir, name), 'utf8');
    files.push({ module: source.name, name, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return files;
}

/**
 * Applies every pending migration of `sources`, modules in the given order and files in numeric
 * order. Each file runs in its own transaction and is recorded in `platform.schema_migrations`.
 * A session advisory lock makes concurrent runners (two instances booting at once) wait for each
 * other; the second one then finds nothing to do. A migration whose file changed after it was
 * applied stops the run: landed migrations never change.
 */
export async function migrate(
  pool: pg.Pool,
  sources: readonly MigrationSource[],
  logger?: MigrationLogger,
): Promise<MigrationResult> {
  const perSource = await Promise.all(sources.map(readMigrations));
  const client = await pool.connect();
  const applied: MigrationResult['applied'] = [];
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      await client.query(BOOKKEEPING);
      const done = await appliedChecksums(client);
      for (const [index, files] of perSource.entries()) {
        const source = sources[index] as MigrationSource;
        if (source.isApp) await registerApp(client, source.name);
        for (const file of files) {
          const key = `${file.module}/${file.name}`;
          const checksum = done.get(key);
          if (checksum !== undefined) {
            if (checksum !== file.checksum) {
              throw new Error(`Migration ${key} changed after it was applied; add a new migration instead.`);
            }
            continue;
          }
          await applyOne(client, file);
          applied.push({ module: file.module, name: file.name });
          logger?.info({ migration: key }, 'migration applied');
        }
      }
    } finally {
      // If the connection broke, the lock went with the session; keep the original error.
      await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    }
  } finally {
    client.release();
  }
  return { applied };
}

/** Lists migrations of `sources` that are not recorded as applied (used by `/ready`). */
export async function pendingMigrations(
  db: Pick<pg.Pool, 'query'>,
  files: readonly Pick<MigrationFile, 'module' | 'name'>[],
): Promise<string[]> {
  const exists = await db.query<{ present: boolean }>(
    "select to_regclass('platform.schema_migrations') is not null as present",
  );
  if (!exists.rows[0]?.present) return files.map((f) => `${f.module}/${f.name}`);
  const done = await db.query<{ key: string }>(
    "select module || '/' || name as key from platform.schema_migrations",
  );
  const present = new Set(done.rows.map((r) => r.key));
  return files.map((f) => `${f.module}/${f.name}`).filter((key) => !present.has(key));
}

/** Records an app in `platform.apps` (created by the platform's migration 0012, which runs first). */
async function registerApp(client: pg.PoolClient, name: string): Promise<void> {
  await client.query('insert into platform.apps (name) values ($1) on conflict do nothing', [name]);
}

async function appliedChecksums(client: pg.PoolClient): Promise<Map<string, string>> {
  const result = await client.query<{ module: string; name: string; checksum: string }>(
    'select module, name, checksum from platform.schema_migrations',
  );
  return new Map(result.rows.map((r) => [`${r.module}/${r.name}`, r.checksum]));
}

async function applyOne(client: pg.PoolClient, file: MigrationFile): Promise<void> {
  await client.query('begin');
  try {
    await client.query(file.sql);
    await client.query(
      'insert into platform.schema_migrations (module, name, checksum) values ($1, $2, $3)',
      [file.module, file.name, file.checksum],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${file.module}/${file.name} failed and was rolled back: ${reason}`, {
      cause: error,
    });
  }
}
