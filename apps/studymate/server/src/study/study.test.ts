import { makeAdmin, makePerson, type Person } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smDb } from '../db.js';
import { studymatePolicy } from '../policies.js';
import { syntheticReviewLog } from '../srs/index.js';
import { makeSubject, startWorld, type World } from '../test/world.js';
import { Reports } from './reports.js';

let world: World;
let admin: Person;
beforeAll(async () => {
  world = await startWorld();
  admin = await makeAdmin(world.app);
});
afterAll(async () => {
  await world?.close();
});

const setPlan = (who: Person, plan: string) =>
  world.app.inject({
    method: 'PUT',
    url: `/api/v1/billing/admin/accounts/${who.id}/plan`,
    headers: { authorization: `Bearer ${admin.token}` },
    payload: { app: 'studymate', plan, reason: 'test' },
  });

/** Writes a learner's review log straight into the tables (cards included), from a synthetic log. */
async function writeLog(who: Person, reviews: number) {
  const log = syntheticReviewLog({
    seed: 7,
    reviews,
    start: new Date(Date.now() - 200 * 86_400_000),
    days: 200,
  });
  const db = world.app.platform.db;
  const ids = new Map<string, string>();
  for (const cardId of new Set(log.reviews.map((r) => r.cardId))) {
    const row = (await db
      .insertInto('studymate.cards' as never)
      .values({ user_id: who.id, source: 'manual', front: cardId, back: '' } as never)
      .returning('id' as never)
      .executeTakeFirstOrThrow()) as { id: string };
    ids.set(cardId, row.id);
  }
  const rows = log.reviews.map((r) => ({
    card_id: ids.get(r.cardId),
    user_id: who.id,
    grade: r.grade,
    before: '{}',
    state: 2,
    stability: 1,
    difficulty: 5,
    elapsed_days: 1,
    last_elapsed_days: 1,
    scheduled_days: 1,
    learning_steps: 0,
    due: r.reviewedAt,
    reviewed_at: r.reviewedAt,
  }));
  for (let i = 0; i < rows.length; i += 2000)
    await db
      .insertInto('studymate.review_logs' as never)
      .values(rows.slice(i, i + 2000) as never)
      .execute();
}

describe('studymate timer', () => {
  it('runs one timer per learner that survives a reload, pauses without counting, and stops', async () => {
    const learner = await makePerson(world.app);
    const subjectId = await makeSubject(world, learner);
    expect((await world.call(learner, 'GET', '/timer')).json()).toEqual({ timer: null });
    const started = await world.call(learner, 'POST', '/timer', { subjectId });
    expect(started.statusCode, started.body).toBe(201);
    expect((await world.call(learner, 'POST', '/timer', {})).json().error.code).toBe('TIMER_RUNNING');
    // A "reload": the timer is still there.
    expect((await world.call(learner, 'GET', '/timer')).json().timer).toMatchObject({
      id: started.json().id,
      paused: false,
    });
    const paused = (await world.call(learner, 'PATCH', '/timer', { action: 'pause' })).json();
    expect(paused.paused).toBe(true);
    // Move the start back an hour: while paused, none of it counts.
    await world.app.platform.pool.query(
      `update studymate.study_sessions set started_at = started_at - interval '1 hour', paused_at = now() - interval '1 hour' where id = $1`,
      [started.json().id],
    );
    const resumed = (await world.call(learner, 'PATCH', '/timer', { action: 'resume' })).json();
    expect(resumed.paused).toBe(false);
    expect(resumed.elapsedSeconds).toBeLessThan(60);
    const stopped = (await world.call(learner, 'PATCH', '/timer', { action: 'stop' })).json();
    expect(stopped.endedAt).not.toBeNull();
    expect((await world.call(learner, 'PATCH', '/timer', { action: 'stop' })).statusCode).toBe(404);
    expect((await world.call(learner, 'PATCH', '/timer', { action: 'explode' })).statusCode).toBe(400);
  });
});

describe('studymate dashboard and statistics', () => {
  it('counts today’s reviews and study time, the due forecast, streaks and recommends what is next', async () => {
    const learner = await makePerson(world.app);
    const empty = (await world.call(learner, 'GET', '/dashboard')).json();
    expect(empty.today).toMatchObject({ reviews: 0, due: 0, studySeconds: 0 });
    expect(empty.recommendations.map((r: { kind: string }) => r.kind)).toEqual(['goal', 'material']);
    const c = (await world.call(learner, 'POST', '/cards', { front: 'q', back: 'a' })).json();
    await world.call(learner, 'POST', `/cards/${c.id}/review`, { grade: 4, reps: 0 });
    const db = world.app.platform.pool;
    await db.query(
      `insert into studymate.study_sessions (user_id, started_at, ended_at, seconds) values
        ($1, now() - interval '1 day' - interval '10 minutes', now() - interval '1 day', 600),
        ($1, now() - interval '2 days' - interval '10 minutes', now() - interval '2 days', 600),
        ($1, now() - interval '5 minutes', now(), 300)`,
      [learner.id],
    );
    const dashboard = (await world.call(learner, 'GET', '/dashboard?days=7')).json();
    expect(dashboard.days).toHaveLength(7);
    expect(dashboard.today).toMatchObject({ reviews: 1, studySeconds: 300 });
    expect(dashboard.streak).toEqual({ current: 3, longest: 3 });
    expect(dashboard.forecast).toHaveLength(14);
    expect(dashboard.forecast.reduce((sum: number, d: { due: number }) => sum + d.due, 0)).toBe(1);
    expect(dashboard.totals).toMatchObject({ cards: 1, reviews: 1 });
    expect((await world.call(learner, 'GET', '/dashboard?days=3')).statusCode).toBe(400);
  });

  it('writes finished days once at 02:00 local and the weekly report on Monday 03:00 local', async () => {
    const learner = await makePerson(world.app);
    await setPlan(learner, 'pro');
    await world.call(learner, 'PATCH', '/settings', { timeZone: 'Asia/Seoul' });
    const pool = world.app.platform.pool;
    // Monday 2026-11-30 03:10 in Seoul; a session and reviews the week before.
    const now = new Date('2026-11-29T18:10:00Z');
    await pool.query(
      `insert into studymate.study_sessions (user_id, started_at, ended_at, seconds) values ($1, '2026-11-25T01:00:00Z', '2026-11-25T01:30:00Z', 1800)`,
      [learner.id],
    );
    const policy = studymatePolicy(world.app.platform);
    const reports = new Reports({ platform: world.app.platform, db: smDb(world.app.platform), policy });
    const at3 = await reports.learnersAt(now, 3, 1);
    expect(at3.map((l) => l.userId)).toContain(learner.id);
    expect((await reports.learnersAt(now, 3, 2)).map((l) => l.userId)).not.toContain(learner.id);
    const written = await reports.writeDailyStats(learner.id, 'Asia/Seoul', now);
    expect(written).toBe(35);
    expect(await reports.writeDailyStats(learner.id, 'Asia/Seoul', now)).toBe(0);
    const stored = await pool.query(
      `select study_seconds from studymate.daily_stats where user_id = $1 and day = '2026-11-25'`,
      [learner.id],
    );
    expect(stored.rows[0].study_seconds).toBe(1800);
    const report = await reports.weekly(learner.id, 'Asia/Seoul', now);
    expect(report).toMatchObject({ weekStart: '2026-11-23', studySeconds: 1800, emailed: true });
    await reports.weekly(learner.id, 'Asia/Seoul', now);
    const notified = await pool.query(
      `select count(*)::int as n from platform.notifications where user_id = $1 and type = 'studymate.weekly-report'`,
      [learner.id],
    );
    expect(notified.rows[0].n).toBe(1);
    expect((await world.call(learner, 'GET', '/reports')).json().items[0]).toMatchObject({
      weekStart: '2026-11-23',
      emailed: true,
    });
  });
});

describe('studymate optimiser', () => {
  it('is a Pro feature, needs enough reviews, and fits parameters that lower the log loss', async () => {
    const learner = await makePerson(world.app);
    const free = await world.call(learner, 'POST', '/settings/optimize');
    expect(free.statusCode).toBe(402);
    await setPlan(learner, 'pro');
    const few = await world.call(learner, 'POST', '/settings/optimize');
    expect(few.statusCode).toBe(409);
    expect(few.json().error.code).toBe('NOT_ENOUGH_REVIEWS');
    await writeLog(learner, 3000);
    const queued = await world.call(learner, 'POST', '/settings/optimize');
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json().optimizer.pending).toBe(true);
    await expect
      .poll(async () => (await world.call(learner, 'GET', '/settings')).json().optimizer.pending, {
        timeout: 60_000,
      })
      .toBe(false);
    const { optimizer } = (await world.call(learner, 'GET', '/settings')).json();
    expect(optimizer).toMatchObject({ fitted: true, error: null });
    expect(optimizer.logLossAfter).toBeLessThan(optimizer.logLossBefore);
  });
});

describe('studymate timer, twice the same action', () => {
  it('resuming a running timer or pausing a paused one changes nothing', async () => {
    const learner = await makePerson(world.app);
    await world.call(learner, 'POST', '/timer', {});
    expect((await world.call(learner, 'PATCH', '/timer', { action: 'resume' })).json().paused).toBe(false);
    await world.call(learner, 'PATCH', '/timer', { action: 'pause' });
    expect((await world.call(learner, 'PATCH', '/timer', { action: 'pause' })).json().paused).toBe(true);
  });
});
