import type { App } from '@app/platform';
import { createTestDatabase, listenTestApp, makePerson, type TestDatabase } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languagemate } from '../index.js';
import { call, englishLearner, koreanLearner, makePartners, onboard } from '../test-support.js';
import { reliabilityScore } from './reliability.js';
import { localWhen } from './service.js';

let database: TestDatabase;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await listenTestApp(database.url, {}, { apps: [languagemate] }));
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

async function partners() {
  const minji = await makePerson(app, '민지');
  const jonas = await makePerson(app, 'Jonas');
  await onboard(app, minji, koreanLearner);
  await onboard(app, jonas, englishLearner);
  await makePartners(app, minji, jonas);
  return { minji, jonas };
}

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const reminderJobs = async (sessionId: string) =>
  (
    await app.platform.pool.query(
      `select key from graphile_worker._private_jobs where key like $1 order by key`,
      [`languagemate.session-reminder:${sessionId}:%`],
    )
  ).rows.map((r: { key: string }) => r.key.split(':').pop());

describe('practice sessions', () => {
  it('proposes, accepts with reminders for both, exports iCal and cancels the reminders', async () => {
    const { minji, jonas } = await partners();
    const proposed = await call(app, minji, 'POST', '/sessions', {
      partnerId: jonas.id,
      startsAt: inHours(48),
      durationMin: 30,
      note: '영화 이야기',
    });
    expect(proposed.statusCode).toBe(201);
    const session = proposed.json();
    expect(session).toMatchObject({
      state: 'proposed',
      proposerTimeZone: 'Asia/Seoul',
      partnerTimeZone: 'Europe/Berlin',
      otherName: 'Jonas',
    });
    expect((await call(app, jonas, 'GET', '/sessions')).json().items[0]).toMatchObject({
      id: session.id,
      otherName: '민지',
    });
    // Only the partner accepts.
    expect((await call(app, minji, 'POST', `/sessions/${session.id}/accept`)).statusCode).toBe(404);
    expect((await call(app, jonas, 'POST', `/sessions/${session.id}/accept`)).json().state).toBe('accepted');
    expect(await reminderJobs(session.id)).toEqual(['10m', '24h']);

    const ics = await call(app, jonas, 'GET', `/sessions/${session.id}/ical`);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VEVENT');
    expect(ics.body).toContain('SUMMARY:LanguageMate: 민지');
    const outsider = await makePerson(app);
    expect((await call(app, outsider, 'GET', `/sessions/${session.id}/ical`)).statusCode).toBe(404);

    // The 24-hour reminder, run now by the job worker, reaches both people in-app.
    await app.platform.jobs.start();
    await app.platform.pool.query(`update graphile_worker._private_jobs set run_at = now() where key = $1`, [
      `languagemate.session-reminder:${session.id}:24h`,
    ]);
    const reminded = async (token: string) => {
      const res = await app.inject({
        method: 'GET',
        url: '/api/v1/notifications',
        headers: { authorization: `Bearer ${token}` },
      });
      return res.json().items.some((n: { type: string }) => n.type === 'languagemate.session.reminder');
    };
    await expect.poll(() => reminded(minji.token), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => reminded(jonas.token), { timeout: 15_000 }).toBe(true);

    expect((await call(app, jonas, 'POST', `/sessions/${session.id}/cancel`)).json().state).toBe('cancelled');
    expect(await reminderJobs(session.id)).toEqual([]);
  });

  it('refuses overlapping sessions, times too soon, non-partners and bad input', async () => {
    const { minji, jonas } = await partners();
    const first = await call(app, minji, 'POST', '/sessions', { partnerId: jonas.id, startsAt: inHours(30) });
    expect(first.statusCode).toBe(201);
    const overlap = await call(app, jonas, 'POST', '/sessions', {
      partnerId: minji.id,
      startsAt: new Date(Date.parse(first.json().startsAt) + 10 * 60_000).toISOString(),
    });
    expect(overlap.json().error.code).toBe('SESSION_CONFLICT');
    const soon = await call(app, minji, 'POST', '/sessions', { partnerId: jonas.id, startsAt: inHours(0.1) });
    expect(soon.statusCode).toBe(400);
    const stranger = await makePerson(app);
    await onboard(app, stranger, englishLearner);
    const notPartner = await call(app, minji, 'POST', '/sessions', {
      partnerId: stranger.id,
      startsAt: inHours(50),
    });
    expect(notPartner.json().error.code).toBe('NOT_PARTNERS');
    const badTime = await call(app, minji, 'POST', '/sessions', {
      partnerId: jonas.id,
      startsAt: 'tomorrow',
    });
    expect(badTime.statusCode).toBe(400);
    const tooLong = await call(app, minji, 'POST', '/sessions', {
      partnerId: jonas.id,
      startsAt: inHours(60),
      durationMin: 600,
    });
    expect(tooLong.statusCode).toBe(400);
  });

  it('lets the one who came mark a no-show, which lowers the other’s reliability', async () => {
    const { minji, jonas } = await partners();
    const { id } = (
      await call(app, minji, 'POST', '/sessions', { partnerId: jonas.id, startsAt: inHours(40) })
    ).json();
    await call(app, jonas, 'POST', `/sessions/${id}/accept`);
    // Too early to mark a no-show.
    expect((await call(app, minji, 'POST', `/sessions/${id}/no-show`, { userId: jonas.id })).statusCode).toBe(
      409,
    );
    await app.platform.pool.query(
      `update languagemate.sessions set starts_at = now() - interval '1 hour' where id = $1`,
      [id],
    );
    expect((await call(app, minji, 'POST', `/sessions/${id}/no-show`, { userId: minji.id })).statusCode).toBe(
      400,
    );
    const marked = await call(app, minji, 'POST', `/sessions/${id}/no-show`, { userId: jonas.id });
    expect(marked.json().noShowUserId).toBe(jonas.id);
    expect((await call(app, jonas, 'POST', `/sessions/${id}/no-show`, { userId: minji.id })).statusCode).toBe(
      409,
    );
    const { rows } = await app.platform.pool.query(
      `select user_id, reliability from languagemate.profiles where user_id in ($1, $2)`,
      [minji.id, jonas.id],
    );
    const of = (userId: string) => rows.find((r: { user_id: string }) => r.user_id === userId).reliability;
    expect(of(jonas.id)).toBeLessThan(of(minji.id));
    expect(
      (await call(app, minji, 'GET', '/sessions?when=past')).json().items.map((s: { id: string }) => s.id),
    ).toContain(id);
  });
});

describe('reliability score', () => {
  it('starts near 0.8, rises with kept sessions and replies, falls with no-shows', () => {
    const fresh = reliabilityScore({ kept: 0, missed: 0, asked: 0, answered: 0 });
    expect(fresh).toBeCloseTo(0.8);
    expect(reliabilityScore({ kept: 10, missed: 0, asked: 20, answered: 20 })).toBeGreaterThan(fresh);
    expect(reliabilityScore({ kept: 0, missed: 3, asked: 0, answered: 0 })).toBeLessThan(fresh);
    expect(reliabilityScore({ kept: 0, missed: 0, asked: 10, answered: 0 })).toBeLessThan(fresh);
  });

  it('words a start time in the reader’s own zone', () => {
    expect(localWhen(new Date('2026-12-08T11:00:00Z'), 'Asia/Seoul')).toBe('2026-12-08 20:00 (Asia/Seoul)');
  });
});
