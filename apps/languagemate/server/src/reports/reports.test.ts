import type { App } from '@app/platform';
import {
  createTestDatabase,
  listenTestApp,
  makeAdmin,
  makePerson,
  type TestDatabase,
} from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languagemate } from '../index.js';
import { call, englishLearner, koreanLearner, makePartners, onboard } from '../test-support.js';

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

describe('reports and the review queue', () => {
  it('keeps the reported message as evidence, blocks, and lets an admin suspend', async () => {
    const minji = await makePerson(app, '민지');
    const spammer = await makePerson(app, 'Spammer');
    const admin = await makeAdmin(app);
    await onboard(app, minji, koreanLearner);
    await onboard(app, spammer, englishLearner);
    const roomId = await makePartners(app, spammer, minji);
    const message = await app.platform.chat.send(roomId, spammer.id, {
      body: 'why do you never answer me, answer now',
    });

    // Only members may quote a message, and only the reported person's.
    const outsider = await makePerson(app);
    const quoteElsewhere = await call(app, outsider, 'POST', '/reports', {
      userId: spammer.id,
      reason: 'spam',
      messageId: message.id,
    });
    expect(quoteElsewhere.statusCode).toBe(404);
    const wrongAuthor = await call(app, spammer, 'POST', '/reports', {
      userId: minji.id,
      reason: 'spam',
      messageId: message.id,
    });
    expect(wrongAuthor.statusCode).toBe(400);

    const reported = await call(app, minji, 'POST', '/reports', {
      userId: spammer.id,
      reason: 'solicitation',
      details: '돈을 요구해요',
      messageId: message.id,
    });
    expect(reported.statusCode).toBe(201);
    // The block that came with it ended the partnership; the message itself goes away too.
    expect((await call(app, minji, 'GET', '/partners')).json().items).toEqual([]);
    await app.platform.chat.change(roomId, spammer.id, message.id, 'delete').catch(() => undefined);

    expect((await call(app, minji, 'GET', '/admin/reports')).statusCode).toBe(403);
    const queue = await call(app, admin, 'GET', '/admin/reports');
    expect(queue.json().items).toMatchObject([
      {
        id: reported.json().id,
        reporter: { userId: minji.id },
        reported: { userId: spammer.id, name: 'Spammer' },
        reason: 'solicitation',
        excerpt: 'why do you never answer me, answer now',
        state: 'open',
        priorReports: 0,
      },
    ]);

    const bad = await call(app, admin, 'POST', `/admin/reports/${reported.json().id}/resolve`, {
      action: 'warn',
      days: 3,
    });
    expect(bad.statusCode).toBe(400);
    const resolved = await call(app, admin, 'POST', `/admin/reports/${reported.json().id}/resolve`, {
      action: 'suspend',
      days: 7,
      note: 'scam',
    });
    expect(resolved.statusCode).toBe(204);
    const again = await call(app, admin, 'POST', `/admin/reports/${reported.json().id}/resolve`, {
      action: 'dismiss',
    });
    expect(again.statusCode).toBe(409);
    expect((await call(app, admin, 'GET', '/admin/reports')).json().items).toEqual([]);
    expect((await call(app, admin, 'GET', '/admin/reports?state=resolved')).json().items[0]).toMatchObject({
      state: 'suspended',
      resolutionNote: 'scam',
    });

    // Suspended: no requests.
    const other = await makePerson(app);
    await onboard(app, other, { ...koreanLearner, displayName: '다른 사람' });
    const request = await call(app, spammer, 'POST', '/requests', { toUserId: other.id });
    expect(request.statusCode).toBe(403);
    expect(request.json().error.code).toBe('SUSPENDED');
  });

  it('refuses reporting oneself, unknown people and unknown reasons', async () => {
    const person = await makePerson(app);
    expect(
      (await call(app, person, 'POST', '/reports', { userId: person.id, reason: 'spam' })).statusCode,
    ).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(
      (await call(app, person, 'POST', '/reports', { userId: unknown, reason: 'spam' })).statusCode,
    ).toBe(404);
    expect(
      (await call(app, person, 'POST', '/reports', { userId: unknown, reason: 'ugly' })).statusCode,
    ).toBe(400);
  });
});
