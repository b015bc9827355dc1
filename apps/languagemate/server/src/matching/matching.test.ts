import type { Suggestion, SuggestionsPage } from '@app/languagemate-contracts';
import type { App } from '@app/platform';
import {
  appCaller,
  createTestDatabase,
  listenTestApp,
  makePerson,
  type Person,
  type TestDatabase,
} from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languagemate } from '../index.js';
import { callAs, hide, makeLearner, makePartners, request, sanction, updateLearner } from './test-support.js';

let database: TestDatabase;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase();
  // Every test signs in a dozen people from the same address: more than the default login budget.
  const budget = { points: 1000, duration: 60 };
  const env = { RATE_LIMITS: JSON.stringify({ 'auth.login': budget, 'auth.register': budget }) };
  ({ app } = await listenTestApp(database.url, env, { apps: [languagemate] }));
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

// Each test uses its own language pair, so the people of one test are no candidates in another.

async function suggestions(who: Person, query = ''): Promise<SuggestionsPage> {
  const res = await callAs(app)(who, 'GET', `/suggestions${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const names = (page: SuggestionsPage) => page.items.map((s) => s.profile.displayName);

describe('GET /suggestions', () => {
  it('asks for a profile first', async () => {
    const res = await callAs(app)(await makePerson(app), 'GET', '/suggestions');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PROFILE_REQUIRED');
  });

  it('suggests complementary learners, best fit first, each with its reasons', async () => {
    const minji = await makeLearner(app, 'Minji', {
      natives: ['ko'],
      targets: [{ language: 'en', level: 'B1' }],
      interests: ['films', 'travel'],
      tags: ['Hiking'],
      availability: [
        { weekday: 1, start: '20:00', end: '22:00' },
        { weekday: 3, start: '20:00', end: '22:00' },
      ],
    });
    // Tue/Thu 12:00-14:00 in Berlin is 20:00-22:00 in Seoul (in winter; 19:00-21:00 in summer).
    await makeLearner(app, 'Anna', {
      timeZone: 'Europe/Berlin',
      natives: ['en'],
      targets: [{ language: 'ko', level: 'A2' }],
      interests: ['films', 'music'],
      tags: ['hiking'],
      availability: [
        { weekday: 1, start: '12:00', end: '14:00' },
        { weekday: 3, start: '12:00', end: '14:00' },
      ],
    });
    // Free only when Minji sleeps, nothing in common.
    await makeLearner(app, 'Ben', {
      timeZone: 'America/New_York',
      natives: ['en'],
      targets: [{ language: 'ko', level: 'C1' }],
      availability: [{ weekday: 1, start: '20:00', end: '21:00' }],
      reliability: 0.5,
    });
    // Not a language partner for Minji: learns Japanese, or is another Korean learner of English.
    await makeLearner(app, 'Chloe', { natives: ['en'], targets: [{ language: 'ja', level: 'A1' }] });
    await makeLearner(app, 'Dahye', { natives: ['ko'], targets: [{ language: 'en', level: 'B2' }] });
    await makeLearner(app, 'Eve', {
      natives: ['en'],
      targets: [{ language: 'ko', level: 'A2' }],
      discoverable: false,
    });

    const page = await suggestions(minji);
    expect(names(page)).toEqual(['Anna', 'Ben']);
    expect(page.nextCursor).toBeNull();
    const [anna, ben] = page.items as [Suggestion, Suggestion];
    expect(anna.score).toBeGreaterThan(ben.score);
    expect(anna.sharedHoursPerWeek).toBe(4);
    expect(ben.sharedHoursPerWeek).toBe(0);
    expect(anna.reasons).toContainEqual({ kind: 'languages', theyTeach: ['en'], theyLearn: ['ko'] });
    expect(anna.reasons).toContainEqual({ kind: 'interests', shared: ['films'], sharedTags: ['hiking'] });
    expect(anna.reasons).toContainEqual({ kind: 'level', fit: 'close' });
    expect(ben.reasons).toContainEqual({ kind: 'level', fit: 'apart' });
    expect(ben.reasons.map((r) => r.kind)).not.toContain('schedule');
    const schedule = anna.reasons.find((r) => r.kind === 'schedule');
    expect(schedule?.kind === 'schedule' && schedule.hoursPerWeek).toBe(4);
    // Two windows of two hours (Tue and Thu, 11:00-13:00 UTC in winter, 12:00-14:00 in summer... of Seoul's clock).
    expect(schedule?.kind === 'schedule' && schedule.windows).toHaveLength(2);
    for (const window of schedule?.kind === 'schedule' ? schedule.windows : [])
      expect(window.endUtc - window.startUtc).toBe(120);
    // What others see: no availability, no goals.
    expect(Object.keys(anna.profile).sort()).toEqual(
      [
        'bio',
        'displayName',
        'interests',
        'nativeLanguages',
        'photoFileId',
        'tags',
        'targets',
        'testedLanguage',
        'testedLevel',
        'timeZone',
        'userId',
      ].sort(),
    );
    expect(anna.profile).toMatchObject({
      timeZone: 'Europe/Berlin',
      targets: [{ language: 'ko', level: 'A2' }],
    });
  });

  it('leaves out the hidden, the blocked (either way), partners, pending requests and the suspended', async () => {
    const learner = (name: string) =>
      makeLearner(app, name, { natives: ['zh'], targets: [{ language: 'ja', level: 'B1' }] });
    const viewer = await makeLearner(app, 'Viewer', {
      natives: ['ja'],
      targets: [{ language: 'zh', level: 'A2' }],
    });
    const dismissed = await learner('dismissed');
    const blockedViewerHere = await learner('blockedViewerHere');
    const blockedByViewer = await learner('blockedByViewer');
    const blockedViewer = await learner('blockedViewer');
    const partner = await learner('partner');
    const requested = await learner('requested');
    const requester = await learner('requester');
    const suspended = await learner('suspended');
    const suspendedUntilTomorrow = await learner('suspendedUntilTomorrow');
    const suspensionOver = await learner('suspensionOver');
    const warned = await learner('warned');
    const declinedLongAgo = await learner('declinedLongAgo');
    await learner('plain');

    await hide(app, viewer, dismissed, 'dismissed');
    await hide(app, blockedViewerHere, viewer, 'blocked');
    const platform = appCaller(app, 'me');
    expect((await platform(viewer, 'PUT', `/blocks/${blockedByViewer.id}`)).statusCode).toBe(204);
    expect((await platform(blockedViewer, 'PUT', `/blocks/${viewer.id}`)).statusCode).toBe(204);
    await makePartners(app, viewer, partner);
    await request(app, viewer, requested);
    await request(app, requester, viewer);
    await request(app, declinedLongAgo, viewer, 'cancelled');
    await sanction(app, suspended, 'suspension');
    await sanction(app, suspendedUntilTomorrow, 'suspension', new Date(Date.now() + 86_400_000));
    await sanction(app, suspensionOver, 'suspension', new Date(Date.now() - 60_000));
    await sanction(app, warned, 'warning');

    const page = await suggestions(viewer, '?limit=50');
    expect(names(page).sort()).toEqual(['declinedLongAgo', 'plain', 'suspensionOver', 'warned']);
    // Blocks and hides keep the viewer away from them too.
    for (const other of [blockedViewerHere, blockedByViewer, blockedViewer, partner, requested, requester])
      expect(names(await suggestions(other, '?limit=50'))).not.toContain('Viewer');
    expect(names(await suggestions(dismissed, '?limit=50'))).toContain('Viewer');
  });

  it('pages through a stable ranking without repeating anyone', async () => {
    const viewer = await makeLearner(app, 'pager', {
      timeZone: 'Europe/Madrid',
      natives: ['es'],
      targets: [{ language: 'fr', level: 'B1' }],
      availability: [0, 1, 2, 3, 4].map((weekday) => ({ weekday, start: '18:00', end: '22:00' })),
    });
    for (let i = 0; i < 7; i++)
      await makeLearner(app, `fr${i}`, {
        timeZone: 'Europe/Paris',
        natives: ['fr'],
        targets: [{ language: 'es', level: 'B1' }],
        // Some share more evenings than others; two share exactly as much (ties go by user id).
        availability: [0, 1, 2, 3, 4]
          .slice(0, Math.max(1, i % 5))
          .map((weekday) => ({ weekday, start: '19:00', end: '21:00' })),
      });

    const all = await suggestions(viewer, '?limit=50');
    expect(all.items).toHaveLength(7);
    const scores = all.items.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: SuggestionsPage = await suggestions(viewer, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((s) => s.profile.userId));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(all.items.map((s) => s.profile.userId));
  });

  it('refuses a cursor that is not one', async () => {
    const viewer = await makeLearner(app, 'cursor');
    const res = await callAs(app)(viewer, 'GET', '/suggestions?cursor=abc');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('sees profile changes at the next request: new people, unlisted people, reliability', async () => {
    const viewer = await makeLearner(app, 'de-viewer', {
      natives: ['de'],
      targets: [{ language: 'vi', level: 'A2' }],
    });
    const first = await makeLearner(app, 'vi-first', {
      natives: ['vi'],
      targets: [{ language: 'de', level: 'A2' }],
      reliability: 0.9,
    });
    expect(names(await suggestions(viewer))).toEqual(['vi-first']);

    const second = await makeLearner(app, 'vi-second', {
      natives: ['vi'],
      targets: [{ language: 'de', level: 'A2' }],
      reliability: 0.2,
    });
    expect(names(await suggestions(viewer))).toEqual(['vi-first', 'vi-second']);

    await updateLearner(app, second, { reliability: 1 });
    await updateLearner(app, first, { reliability: 0.1 });
    expect(names(await suggestions(viewer))).toEqual(['vi-second', 'vi-first']);

    await updateLearner(app, second, { discoverable: false });
    expect(names(await suggestions(viewer))).toEqual(['vi-first']);
  });
  it('catches up with a bulk change of more profiles than it reads at once', async () => {
    const viewer = await makeLearner(app, 'vi-ja', {
      natives: ['vi'],
      targets: [{ language: 'ja', level: 'A1' }],
    });
    // 600 learners written in one statement: one transaction, so all with the same updated_at.
    await app.platform.pool.query(
      `with people as (
         insert into platform.users (email, name, email_verified_at)
         select 'bulk-' || g || '@example.test', 'bulk ' || g, now() from generate_series(1, 600) g
         returning id, name)
       , profiles as (
         insert into languagemate.profiles (user_id, display_name, time_zone, native_languages)
         select id, name, 'Asia/Tokyo', '{ja}' from people returning user_id)
       insert into languagemate.profile_targets (user_id, language, level)
       select user_id, 'vi', 'A1' from profiles`,
    );
    let last = 0;
    for (let request = 0; request < 5 && last < 10; request++)
      last = (await suggestions(viewer, '?cursor=590&limit=10')).items.length;
    expect(last).toBe(10);
  });
});

describe('POST /suggestions/:userId/dismiss', () => {
  it('hides someone for good; refuses oneself and unknown people', async () => {
    const viewer = await makeLearner(app, 'ko-fr', {
      natives: ['ko'],
      targets: [{ language: 'fr', level: 'A1' }],
    });
    const other = await makeLearner(app, 'fr-ko', {
      natives: ['fr'],
      targets: [{ language: 'ko', level: 'A1' }],
    });
    expect(names(await suggestions(viewer))).toEqual(['fr-ko']);

    const call = callAs(app);
    expect((await call(viewer, 'POST', `/suggestions/${other.id}/dismiss`)).statusCode).toBe(204);
    expect((await call(viewer, 'POST', `/suggestions/${other.id}/dismiss`)).statusCode).toBe(204);
    expect(names(await suggestions(viewer))).toEqual([]);
    // Only the viewer dismissed: the other still sees them.
    expect(names(await suggestions(other))).toEqual(['ko-fr']);

    const self = await call(viewer, 'POST', `/suggestions/${viewer.id}/dismiss`);
    expect(self.statusCode).toBe(400);
    const unknown = await call(viewer, 'POST', '/suggestions/0190a8f2-1234-7abc-8def-0123456789ab/dismiss');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
  });
});
