import { type App, buildApp } from '@app/platform';
import { createTestDatabase, type TestDatabase, testConfig } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from './demo.js';
import { languagemate } from './index.js';

let database: TestDatabase;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp(testConfig(database.url), { apps: [languagemate] });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('languagemate demo data', () => {
  it('creates learners, a partnership with a conversation, a correction and a session, once', async () => {
    const banner = await seedDemo(app);
    expect(banner).toContain('minji@languagemate.demo');
    expect(await seedDemo(app)).toBe(banner);
    const counts = await app.platform.pool.query(
      `select (select count(*) from languagemate.profiles)::int as profiles,
              (select count(*) from languagemate.partners)::int as partners,
              (select count(*) from languagemate.corrections)::int as corrections,
              (select count(*) from languagemate.sessions where state = 'accepted')::int as sessions`,
    );
    expect(counts.rows[0]).toEqual({ profiles: 6, partners: 1, corrections: 1, sessions: 1 });
  });
});
