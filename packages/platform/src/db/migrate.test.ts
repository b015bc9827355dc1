import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { type MigrationSource, migrate, pendingMigrations, readMigrations } from './migrate.js';

let database: TestDatabase;
let pool: pg.Pool;
const dirs: string[] = [];

async function moduleWith(name: string, files: Record<string, string>): Promise<MigrationSource> {
  const dir = await mkdtemp(path.join(tmpdir(), `mig-${name}-`));
  dirs.push(dir);
  for (const [file, sql] of Object.entries(files)) await writeFile(path.join(dir, file), sql);
  return { name, migrationsDir: dir };
}

beforeEach(async () => {
  database = await createTestDatabase({ empty: true });
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
});

afterEach(async () => {
  await pool.end();
  await database.drop();
});

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('migrate', () => {
  it('applies files in numeric order, module by module, and records each once', async () => {
    const alpha = await moduleWith('alpha', {
      '0002_add_column.sql': 'alter table alpha.things add column label text not null default $$x$$;',
      '0001_create.sql': 'create schema alpha; create table alpha.things (id int primary key);',
    });
    const beta = await moduleWith('beta', {
      '0001_create.sql':
        'create schema beta; create table beta.refs (thing int references alpha.things (id));',
    });
    const first = await migrate(pool, [alpha, beta]);
    expect(first.applied.map((m) => `${m.module}/${m.name}`)).toEqual([
      'alpha/0001_create.sql',
      'alpha/0002_add_column.sql',
      'beta/0001_create.sql',
    ]);
    const second = await migrate(pool, [alpha, beta]);
    expect(second.applied).toEqual([]);
    const { rows } = await pool.query(
      'select module, name from platform.schema_migrations order by applied_at, name',
    );
    expect(rows).toHaveLength(3);
    expect(await pendingMigrations(pool, await readMigrations(alpha))).toEqual([]);
  });

  it('lets two concurrent runners apply each migration exactly once', async () => {
    // Without the lock both runners would try the non-idempotent CREATE TABLE and one would fail.
    const slow = await moduleWith('slow', {
      '0001_create.sql': 'create schema slow; create table slow.t (id int); select pg_sleep(0.3);',
      '0002_more.sql': 'create table slow.u (id int);',
    });
    const other = new pg.Pool({ connectionString: database.url, max: 2 });
    try {
      const [a, b] = await Promise.all([migrate(pool, [slow]), migrate(other, [slow])]);
      expect(a.applied.length + b.applied.length).toBe(2);
    } finally {
      await other.end();
    }
    const { rows } = await pool.query<{ n: number }>(
      'select count(*)::int as n from platform.schema_migrations',
    );
    expect(rows[0]?.n).toBe(2);
  });

  it('rolls back a failing migration completely and stops there', async () => {
    const broken = await moduleWith('broken', {
      '0001_ok.sql': 'create schema broken; create table broken.a (id int);',
      '0002_fails.sql': 'create table broken.b (id int); insert into broken.nope values (1);',
      '0003_never.sql': 'create table broken.c (id int);',
    });
    await expect(migrate(pool, [broken])).rejects.toThrow(
      /broken\/0002_fails.sql failed and was rolled back/,
    );
    const tables = await pool.query(
      "select table_name from information_schema.tables where table_schema = 'broken'",
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(['a']);
    expect(await pendingMigrations(pool, await readMigrations(broken))).toEqual([
      'broken/0002_fails.sql',
      'broken/0003_never.sql',
    ]);
  });

  it('refuses to run when an applied migration was edited', async () => {
    const mod = await moduleWith('edited', { '0001_create.sql': 'create schema edited;' });
    await migrate(pool, [mod]);
    await writeFile(path.join(mod.migrationsDir, '0001_create.sql'), 'create schema edited; -- changed');
    await expect(migrate(pool, [mod])).rejects.toThrow(/changed after it was applied/);
  });

  it('rejects badly named or duplicate-numbered files before touching the database', async () => {
    const badName = await moduleWith('bad', { '1_Create Things.sql': 'select 1;' });
    await expect(migrate(pool, [badName])).rejects.toThrow(/NNNN_lowercase_words.sql/);
    const dup = await moduleWith('dup', { '0001_a.sql': 'select 1;', '0001_b.sql': 'select 1;' });
    await expect(migrate(pool, [dup])).rejects.toThrow(/used twice/);
    const present = await pool.query("select to_regclass('platform.schema_migrations') as t");
    expect(present.rows[0]?.t).toBeNull();
  });

  it('reports every migration as pending on an empty database', async () => {
    const mod = await moduleWith('fresh', { '0001_a.sql': 'select 1;' });
    expect(await pendingMigrations(pool, await readMigrations(mod))).toEqual(['fresh/0001_a.sql']);
  });
});
