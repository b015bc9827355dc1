import { type App, buildApp } from '@app/platform';
import { createTestDatabase, type TestDatabase, testConfig } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from './demo.js';
import { eduforum } from './index.js';

let database: TestDatabase;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp(testConfig(database.url), { apps: [eduforum] });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('eduforum demo data', () => {
  it('creates a usable course once and prints how to sign in', async () => {
    const banner = await seedDemo(app);
    expect(banner).toContain('professor@eduforum.demo');
    expect(await seedDemo(app)).toBe(banner);
    const counts = await app.platform.pool.query<{ members: number; sessions: number; questions: number }>(
      `select (select count(*) from eduforum.course_members m join eduforum.courses c on c.id = m.course_id where c.code = 'DEMO-101')::int as members,
              (select count(*) from eduforum.sessions)::int as sessions,
              (select count(*) from eduforum.questions)::int as questions`,
    );
    expect(counts.rows[0]).toEqual({ members: 5, sessions: 1, questions: 4 });
  });

  it('leaves a session ready to start on every start, even after the last one was run', async () => {
    await app.platform.pool.query(`update eduforum.sessions set status = 'ended'`);
    await seedDemo(app);
    const open = await app.platform.pool.query<{ n: number }>(
      `select count(*)::int as n from eduforum.sessions where status = 'scheduled' and scheduled_at > now()`,
    );
    expect(open.rows[0]?.n).toBe(1);
    await seedDemo(app);
    expect(
      (await app.platform.pool.query<{ n: number }>(`select count(*)::int as n from eduforum.sessions`))
        .rows[0]?.n,
    ).toBe(2);
  });
});
