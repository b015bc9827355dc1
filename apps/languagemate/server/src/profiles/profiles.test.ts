import type { App } from '@app/platform';
import {
  createTestDatabase,
  listenTestApp,
  makePerson,
  type TestDatabase,
  uploadFile,
  uploadText,
} from '@app/platform/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languagemate } from '../index.js';
import { call, englishLearner, koreanLearner, onboard } from '../test-support.js';

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

describe('profile (onboarding)', () => {
  it('is null before onboarding and complete after, with availability kept in local time', async () => {
    const minji = await makePerson(app, '민지');
    expect((await call(app, minji, 'GET', '/profile')).json()).toEqual({ profile: null });
    const saved = await onboard(app, minji);
    expect(saved).toMatchObject({
      userId: minji.id,
      displayName: '민지',
      timeZone: 'Asia/Seoul',
      targets: [{ language: 'en', level: 'B1' }],
      availability: koreanLearner.availability,
      preferences: { modes: ['text', 'voice', 'video'], similarLevel: true },
      testedLevel: null,
    });
    const slots = await app.platform.pool.query(
      `select week_slots::text as bits from languagemate.profiles where user_id = $1`,
      [minji.id],
    );
    // Tuesday 20:00 in Seoul is Tuesday 11:00 UTC: slot (24 + 11) * 2.
    expect(slots.rows[0].bits[(24 + 11) * 2]).toBe('1');
    expect(slots.rows[0].bits.split('').filter((b: string) => b === '1')).toHaveLength(8);
  });

  it('replaces the whole profile on edit', async () => {
    const jonas = await makePerson(app, 'Jonas');
    await onboard(app, jonas, englishLearner);
    const edited = await onboard(app, jonas, {
      ...englishLearner,
      targets: [
        { language: 'ko', level: 'B1' },
        { language: 'ja', level: 'A1' },
      ],
      availability: [{ weekday: 5, start: '09:00', end: '11:30' }],
    });
    expect(edited.targets).toEqual([
      { language: 'ja', level: 'A1' },
      { language: 'ko', level: 'B1' },
    ]);
    expect(edited.availability).toEqual([{ weekday: 5, start: '09:00', end: '11:30' }]);
  });

  it.each([
    [
      'an overlapping range',
      {
        availability: [
          { weekday: 1, start: '19:00', end: '21:00' },
          { weekday: 1, start: '20:30', end: '22:00' },
        ],
      },
      'availability',
    ],
    ['a malformed time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    [
      'a time off the half hour',
      { availability: [{ weekday: 1, start: '19:15', end: '21:00' }] },
      'availability',
    ],
    [
      'a range that ends before it starts',
      { availability: [{ weekday: 1, start: '21:00', end: '20:00' }] },
      'availability',
    ],
    ['learning a native language', { targets: [{ language: 'ko', level: 'B1' }] }, 'targets'],
    ['an unknown language', { nativeLanguages: ['xx'] }, 'nativeLanguages'],
    ['an unknown interest', { interests: ['knitting-bombs'] }, 'interests'],
    ['a bio that is too long', { bio: '가'.repeat(501) }, 'bio'],
  ])('refuses %s with a 400 naming the field', async (_label, change, field) => {
    const person = await makePerson(app);
    const res = await call(app, person, 'PUT', '/profile', { ...koreanLearner, ...change });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain(field);
    expect((await call(app, person, 'GET', '/profile')).json().profile).toBeNull();
  });

  it('takes a photo that is an image (re-encoded), refuses one that is not, and hides it from people who blocked', async () => {
    const owner = await makePerson(app);
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0a0' } })
      .png()
      .toBuffer();
    const upload = await uploadFile(app, owner.token, 'image', 'me.png', png);
    expect(upload.statusCode).toBe(201);
    const photoFileId = upload.json().id;
    expect(upload.json().contentType).toBe('image/webp');
    const saved = await onboard(app, owner, { ...koreanLearner, photoFileId });
    expect(saved.photoFileId).toBe(photoFileId);

    const notImage = await uploadFile(app, owner.token, 'image', 'me.png', Buffer.from('hello, not a png'));
    expect(notImage.statusCode).toBe(415);
    const text = await uploadText(app, owner.token);
    const wrong = await call(app, owner, 'PUT', '/profile', { ...koreanLearner, photoFileId: text.id });
    expect(wrong.statusCode).toBe(400);
    expect((await call(app, owner, 'GET', '/profile')).json().profile.photoFileId).toBe(photoFileId);

    const viewer = await makePerson(app);
    const download = () =>
      app.inject({
        method: 'GET',
        url: `/api/v1/files/${photoFileId}`,
        headers: { authorization: `Bearer ${viewer.token}` },
      });
    expect((await download()).statusCode).toBe(302);
    const blocked = await app.inject({
      method: 'PUT',
      url: `/api/v1/me/blocks/${viewer.id}`,
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(blocked.statusCode).toBe(204);
    expect((await download()).statusCode).toBe(404);
    expect((await call(app, viewer, 'GET', `/people/${owner.id}`)).statusCode).toBe(404);
  });
});
