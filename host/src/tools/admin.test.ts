import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildApp } from '@app/platform';
import {
  createTestDatabase,
  makeAccount,
  type TestDatabase,
  testConfig,
  verifyAccount,
} from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm run admin -- grant|revoke|list` as an operator runs it, on a test database (DATABASE_URL).
const root = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);
let database: TestDatabase;

async function admin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--conditions=development', '--import', 'tsx', 'host/src/tools/admin.ts', ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe('npm run admin', () => {
  it('grants, lists and revokes the platform admin role, audited, never the last admin', async () => {
    const app = await buildApp(testConfig(database.url), { apps: [] });
    const first = await makeAccount(app, { email: 'First.Admin@example.test' });
    const second = await makeAccount(app, { email: 'second@example.test' });
    try {
      expect((await admin('grant', 'first.admin@example.test')).stdout).toContain('is now a platform admin');
      const last = await admin('revoke', 'first.admin@example.test');
      expect(last.code).toBe(1);
      expect(last.stderr).toContain('last active platform admin');
      expect((await admin('grant', second.email)).code).toBe(0);
      expect((await admin('revoke', 'first.admin@example.test')).stdout).toContain('no longer');
      const listed = await admin('list');
      expect(listed.stdout).toContain('second@example.test');
      expect(listed.stdout).not.toContain('First.Admin@example.test');
      const missing = await admin('grant', 'nobody@example.test');
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('No account');

      const roles = await app.platform.pool.query<{ email: string; platform_role: string | null }>(
        'select email, platform_role from platform.users where id = any($1) order by email',
        [[first.id, second.id]],
      );
      expect(roles.rows).toEqual([
        { email: 'First.Admin@example.test', platform_role: null },
        { email: 'second@example.test', platform_role: 'admin' },
      ]);
      const audited = await app.platform.pool.query<{ actor_id: string | null; data: object }>(
        `select actor_id, data from platform.audit_log where action = 'role.changed' order by created_at`,
      );
      expect(audited.rows).toEqual([
        { actor_id: null, data: { scope: 'platform', from: null, to: 'admin', via: 'npm run admin' } },
        { actor_id: null, data: { scope: 'platform', from: null, to: 'admin', via: 'npm run admin' } },
        { actor_id: null, data: { scope: 'platform', from: 'admin', to: null, via: 'npm run admin' } },
      ]);
    } finally {
      await app.close();
    }
  }, 90_000);

  it('ADMIN_EMAILS makes a listed address an admin once it is verified, not before', async () => {
    const app = await buildApp(
      testConfig(database.url, { ADMIN_EMAILS: 'ops@example.test, x@example.test' }),
      {
        apps: [],
      },
    );
    try {
      const unverified = await makeAccount(app, { email: 'OPS@example.test', verified: false });
      const role = async () =>
        (
          await app.platform.pool.query<{ platform_role: string | null }>(
            'select platform_role from platform.users where id = $1',
            [unverified.id],
          )
        ).rows[0]?.platform_role;
      expect(await role()).toBeNull();
      await verifyAccount(app, unverified.id);
      expect(await role()).toBe('admin');
      const other = await makeAccount(app, { email: 'someone@example.test' });
      const res = await app.platform.pool.query('select platform_role from platform.users where id = $1', [
        other.id,
      ]);
      expect(res.rows[0]?.platform_role).toBeNull();
    } finally {
      await app.close();
    }
  });
});
