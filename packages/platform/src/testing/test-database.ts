import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import './provided-context.js';
import { type Config, loadConfig, withConfig } from '../config/index.js';

/** A database of one's own, copied from the migrated template. */
export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/**
 * Creates a fresh database for the calling test file from the template that the global setup
 * migrated (`CREATE DATABASE ... TEMPLATE`, a file copy: milliseconds, not a re-migration).
 * Pass `{ empty: true }` for a database with no schema at all (migration tests).
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const template = new URL(inject('templateDatabaseUrl')).pathname.slice(1);
  const name = `${inject('testDatabasePrefix')}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const source = options.empty ? 'template0' : template;
    await admin.query(`create database ${pg.escapeIdentifier(name)} template ${pg.escapeIdentifier(source)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A test config: quiet logs, the given database, everything else at its defaults. */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}): Config {
  return withConfig(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }), {
    database: { url: databaseUrl },
  });
}

/** What the global setup tells every test file about the test server. */
export interface TestDatabaseContext {
  templateDatabaseUrl: string;
  adminDatabaseUrl: string;
  testDatabasePrefix: string;
}

/** Called by the global setup: hands the template and admin URLs to the test files. */
export function provideTestDatabase(project: TestProject, context: TestDatabaseContext): void {
  project.provide('templateDatabaseUrl', context.templateDatabaseUrl);
  project.provide('adminDatabaseUrl', context.adminDatabaseUrl);
  project.provide('testDatabasePrefix', context.testDatabasePrefix);
}
