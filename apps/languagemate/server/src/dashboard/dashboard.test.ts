import type { App } from '@app/platform';
import { createTestDatabase, listenTestApp, makePerson, type TestDatabase } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clampMinutes } from '../calls/service.js';
import { languagemate } from '../index.js';
import { call, englishLearner, koreanLearner, makePartners, onboard } from '../test-support.js';
import { lastWeeks, streakDays } from './streak.js';

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

describe('calls and the dashboard', () => {
  it('records feedback for an ended call, clamps minutes to its length, and sums them on the dashboard', async () => {
    const minji = await makePerson(app, '민지');
    const jonas = await makePerson(app, 'Jonas');
    await onboard(app, minji, { ...koreanLearner, weeklyGoalMinutes: 90 });
    await onboard(app, jonas, englishLearner);
    const roomId = await makePartners(app, minji, jonas);
    const empty = await call(app, minji, 'GET', '/dashboard');
    expect(empty.json()).toMatchObject({
      minutesByLanguage: [],
      weeklyGoalMinutes: 90,
      thisWeekMinutes: 0,
      messagesSent: 0,
      streakDays: 0,
    });
    expect(empty.json().weeks).toHaveLength(8);

    const started = await app.platform.calls.start('languagemate', minji.id, jonas.id);
    // Feedback is for calls that took place.
    expect((await call(app, minji, 'POST', `/calls/${started.id}/feedback`, { rating: 5 })).statusCode).toBe(
      409,
    );
    await app.platform.calls.accept(started.id, jonas.id);
    await app.platform.calls.finish(started.id, jonas.id, 'hangup');
    // A 20-minute call, as far as the records go.
    await app.platform.pool.query(
      `update platform.calls set answered_at = ended_at - interval '20 minutes' where id = $1`,
      [started.id],
    );
    const outsider = await makePerson(app);
    expect(
      (await call(app, outsider, 'POST', `/calls/${started.id}/feedback`, { rating: 5 })).statusCode,
    ).toBe(404);
    const bad = await call(app, minji, 'POST', `/calls/${started.id}/feedback`, { rating: 9 });
    expect(bad.statusCode).toBe(400);
    const saved = await call(app, minji, 'POST', `/calls/${started.id}/feedback`, {
      rating: 5,
      notes: '발음 연습 더 하기',
      minutes: { en: 30, ko: 10 },
    });
    expect(saved.json()).toMatchObject({
      durationS: 1200,
      rating: 5,
      partnerName: 'Jonas',
      minutes: { en: 15, ko: 5 },
    });
    expect((await call(app, jonas, 'GET', '/calls')).json().items).toEqual([]);

    await app.platform.chat.send(roomId, minji.id, { body: 'Hello!' });
    await app.platform.chat.send(roomId, minji.id, { body: 'How are you?' });
    const dashboard = (await call(app, minji, 'GET', '/dashboard')).json();
    expect(dashboard).toMatchObject({
      minutesByLanguage: [
        { language: 'en', minutes: 15 },
        { language: 'ko', minutes: 5 },
      ],
      thisWeekMinutes: 20,
      calls: 1,
      messagesSent: 2,
      streakDays: 1,
    });
    expect(dashboard.weeks.at(-1)).toMatchObject({ minutes: 20, messages: 2 });
  });

  it('needs a profile', async () => {
    const newcomer = await makePerson(app);
    expect((await call(app, newcomer, 'GET', '/dashboard')).json().error.code).toBe('PROFILE_REQUIRED');
  });
});

describe('dashboard arithmetic', () => {
  it('counts a streak ending today or yesterday', () => {
    expect(streakDays(['2026-12-02', '2026-12-03', '2026-12-04'], '2026-12-04')).toBe(3);
    expect(streakDays(['2026-12-02', '2026-12-03'], '2026-12-04')).toBe(2);
    expect(streakDays(['2026-12-01', '2026-12-03'], '2026-12-04')).toBe(1);
    expect(streakDays(['2026-11-30'], '2026-12-04')).toBe(0);
  });

  it('lists the last weeks by their Mondays', () => {
    expect(lastWeeks('2026-12-04', 3)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
  });

  it('scales minutes down to the call’s length', () => {
    expect(clampMinutes({ en: 30, ko: 10 }, 1200)).toEqual({ en: 15, ko: 5 });
    expect(clampMinutes({ en: 5 }, 1200)).toEqual({ en: 5 });
    expect(clampMinutes({ en: 0 }, 1200)).toEqual({});
  });
});
