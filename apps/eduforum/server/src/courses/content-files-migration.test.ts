import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger, createPool, type MigrationSource, migrate, platformMigrations } from '@app/platform';
import { createTestDatabase, type TestDatabase, testConfig } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eduforum } from '../index.js';

let database: TestDatabase;
let pool: ReturnType<typeof createPool>;
const dirs: string[] = [];

/** A module's migrations as they were before `firstNew` landed. */
async function before(source: MigrationSource, firstNew: string): Promise<MigrationSource> {
  const dir = await mkdtemp(path.join(tmpdir(), `mig-${source.name}-`));
  dirs.push(dir);
  for (const file of await readdir(source.migrationsDir))
    if (file.endsWith('.sql') && file < firstNew)
      await copyFile(path.join(source.migrationsDir, file), path.join(dir, file));
  return { name: source.name, migrationsDir: dir, isApp: source.isApp ?? false };
}

beforeAll(async () => {
  database = await createTestDatabase({ empty: true });
  const config = testConfig(database.url);
  pool = createPool(config, database.url, createLogger(config));
  await migrate(pool, [await before(platformMigrations, '0016'), await before(eduforum, '0003')]);
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const one = async <T extends Record<string, unknown>>(text: string, values: unknown[] = []) =>
  (await pool.query<T>(text, values)).rows[0] as T;
const file = async (owner: string, name: string) =>
  (
    await one<{ id: string }>(
      `insert into platform.files (owner_id, purpose, storage_key, original_name, content_type, size, sha256)
       values ($1, 'document', $2, $2, 'text/plain', 1, 'x') returning id`,
      [owner, `2026/01/${name}`],
    )
  ).id;

describe('migrations 0016 (platform) and 0003 (eduforum) on existing data', () => {
  it('attach the files that existing messages and content use, and nothing else', async () => {
    const user = async (email: string) =>
      (
        await one<{ id: string }>(`insert into platform.users (email, name) values ($1, 'x') returning id`, [
          email,
        ])
      ).id;
    const alice = await user('alice@example.test');
    const mallory = await user('mallory@example.test');
    const [inChat, onlyDeleted, inContent, copied, orphan] = [
      await file(alice, 'chat'),
      await file(alice, 'deleted'),
      await file(alice, 'content'),
      await file(alice, 'copied'),
      await file(alice, 'orphan'),
    ];
    const room = (
      await one<{ id: string }>(
        `insert into platform.chat_rooms (app, kind) values ('eduforum', 'group') returning id`,
      )
    ).id;
    await pool.query(
      `insert into platform.chat_messages (room_id, seq, sender_id, body, attachments, deleted_at) values
       ($1, 1, $2, 'a', array[$3]::uuid[], null), ($1, 2, $2, 'b', array[$4]::uuid[], now())`,
      [room, alice, inChat, onlyDeleted],
    );
    const course = async (code: string) =>
      (
        await one<{ id: string }>(
          `insert into eduforum.courses (title, code, semester, invite_code) values ('c', $1, '2026-fall', $1) returning id`,
          [code],
        )
      ).id;
    const mine = await course('MINE1');
    const theirs = await course('THEIRS1');
    const content = async (courseId: string, fileId: string, by: string) =>
      (
        await one<{ id: string }>(
          `insert into eduforum.course_content (course_id, title, file_id, visibility, created_by)
           values ($1, 't', $2, 'everyone', $3) returning id`,
          [courseId, fileId, by],
        )
      ).id;
    const original = await content(mine, inContent, alice);
    const first = await content(mine, copied, alice);
    // Someone who learnt the id published it in their course later: the original keeps the file.
    await content(theirs, copied, mallory);

    // Up to the file-scope migrations only (later platform migrations are not what this tests).
    const { applied } = await migrate(pool, [
      await before(platformMigrations, '0017'),
      await before(eduforum, '0004'),
    ]);
    expect(applied.map((m) => `${m.module}/${m.name}`)).toEqual([
      'platform/0016_file_scopes.sql',
      'eduforum/0003_content_file_scopes.sql',
    ]);
    const { rows } = await pool.query<{ id: string; scope: string | null; attached: boolean }>(
      'select id, scope, attached_at is not null as attached from platform.files',
    );
    const scopes = Object.fromEntries(rows.map((r) => [r.id, [r.scope, r.attached]]));
    expect(scopes).toEqual({
      [inChat]: [`chat:${room}`, true],
      [onlyDeleted]: [null, false],
      [inContent]: [`eduforum:content:${original}`, true],
      [copied]: [`eduforum:content:${first}`, true],
      [orphan]: [null, false],
    });
  });
});
