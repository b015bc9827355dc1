import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { migrate } from '@app/platform';
import pg from 'pg';
import { allMigrationSources } from '../apps.js';
import { scratchDatabase } from './scratch-database.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Proves scripts/backup.sh and scripts/restore.sh round-trip a migrated database with data:
 * back up one scratch database, restore into a second, compare contents, and check that the
 * restored database counts as fully migrated.
 */
async function main(): Promise<void> {
  try {
    await run('pg_dump', ['--version']);
  } catch {
    process.stdout.write(
      'SKIPPED backup/restore check: pg_dump is not installed (apt-get install postgresql-client)\n',
    );
    return;
  }
  const source = await scratchDatabase('backup_src');
  const target = await scratchDatabase('backup_dst');
  const dir = await mkdtemp(path.join(tmpdir(), 'campus-backup-'));
  try {
    const src = new pg.Pool({ connectionString: source.url, max: 2 });
    await migrate(src, allMigrationSources);
    await src.query(`create table platform.backup_probe (id uuid primary key default platform.uuid_v7(),
      note text not null, created_at timestamptz not null default now())`);
    await src.query(
      "insert into platform.backup_probe (note) select '메모 ' || g || ' note' from generate_series(1, 500) g",
    );
    const before = await fingerprint(src);
    await src.end();

    const file = path.join(dir, 'campus.dump');
    await run('bash', [path.join(root, 'scripts/backup.sh'), file], {
      env: { ...process.env, DATABASE_URL: source.url },
    });
    await run('bash', [path.join(root, 'scripts/restore.sh'), file], {
      env: { ...process.env, DATABASE_URL: target.url },
    });

    const dst = new pg.Pool({ connectionString: target.url, max: 2 });
    const after = await fingerprint(dst);
    const again = await migrate(dst, allMigrationSources);
    await dst.end();
    if (after !== before) throw new Error(`restored data differs:\n before ${before}\n after  ${after}`);
    if (again.applied.length > 0) throw new Error('restored database was not recognised as migrated');
    process.stdout.write(`backup/restore check passed (${before})\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await source.dispose();
    await target.dispose();
  }
}

async function fingerprint(pool: pg.Pool): Promise<string> {
  const probe = await pool.query<{ n: number; digest: string }>(
    "select count(*)::int as n, md5(string_agg(id::text || note || created_at::text, ',' order by id)) as digest from platform.backup_probe",
  );
  const migrations = await pool.query<{ n: number }>(
    'select count(*)::int as n from platform.schema_migrations',
  );
  return `rows=${probe.rows[0]?.n} digest=${probe.rows[0]?.digest} migrations=${migrations.rows[0]?.n}`;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `backup/restore check FAILED: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
