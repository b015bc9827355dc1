import type { App } from '@app/platform';
import { createTestDatabase, listenTestApp, makePerson, type TestDatabase } from '@app/platform/testing';
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

async function pair() {
  const minji = await makePerson(app, '민지');
  const jonas = await makePerson(app, 'Jonas');
  await onboard(app, minji, koreanLearner);
  await onboard(app, jonas, englishLearner);
  return { minji, jonas };
}

const hiddenFor = async (userId: string) =>
  (
    await app.platform.pool.query(`select other_id, reason from languagemate.hidden where user_id = $1`, [
      userId,
    ])
  ).rows;

describe('partner requests', () => {
  it('needs a profile first', async () => {
    const { jonas } = await pair();
    const newcomer = await makePerson(app);
    const res = await call(app, newcomer, 'POST', '/requests', { toUserId: jonas.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PROFILE_REQUIRED');
  });

  it('goes request -> inbox -> accept -> partners with a shared room', async () => {
    const { minji, jonas } = await pair();
    const asked = await call(app, minji, 'POST', '/requests', { toUserId: jonas.id, message: 'Hi Jonas!' });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ state: 'pending', other: { userId: jonas.id } });
    const inbox = await call(app, jonas, 'GET', '/requests?box=incoming');
    expect(inbox.json().items).toMatchObject([
      { id: asked.json().id, message: 'Hi Jonas!', other: { displayName: '민지' } },
    ]);
    expect((await call(app, minji, 'GET', '/requests?box=outgoing')).json().items).toHaveLength(1);
    // A second request while one waits is a conflict.
    expect((await call(app, minji, 'POST', '/requests', { toUserId: jonas.id })).statusCode).toBe(409);

    const accepted = await call(app, jonas, 'POST', `/requests/${asked.json().id}/accept`);
    expect(accepted.json().state).toBe('accepted');
    const [partner] = (await call(app, minji, 'GET', '/partners')).json().items;
    expect(partner).toMatchObject({ profile: { userId: jonas.id }, unread: 0 });
    expect(await app.platform.chat.isMember(partner.roomId, jonas.id)).toBe(true);
    expect((await call(app, jonas, 'POST', `/requests/${asked.json().id}/decline`)).json().error.code).toBe(
      'REQUEST_NOT_PENDING',
    );
    expect((await call(app, minji, 'POST', '/requests', { toUserId: jonas.id })).json().error.code).toBe(
      'ALREADY_PARTNERS',
    );
    // The recipient's notification arrived.
    const notes = await app.inject({
      method: 'GET',
      url: '/api/v1/notifications',
      headers: { authorization: `Bearer ${jonas.token}` },
    });
    expect(notes.json().items.map((n: { type: string }) => n.type)).toContain(
      'languagemate.partner.requested',
    );
  });

  it('accepts the other side’s request when both ask', async () => {
    const { minji, jonas } = await pair();
    await call(app, minji, 'POST', '/requests', { toUserId: jonas.id });
    const res = await call(app, jonas, 'POST', '/requests', { toUserId: minji.id });
    expect(res.json()).toMatchObject({ state: 'accepted', fromUserId: minji.id });
  });

  it('only lets the recipient accept or decline, and only the sender cancel', async () => {
    const { minji, jonas } = await pair();
    const stranger = await makePerson(app);
    const { id } = (await call(app, minji, 'POST', '/requests', { toUserId: jonas.id })).json();
    expect((await call(app, stranger, 'POST', `/requests/${id}/accept`)).statusCode).toBe(404);
    expect((await call(app, minji, 'POST', `/requests/${id}/accept`)).statusCode).toBe(404);
    expect((await call(app, jonas, 'POST', `/requests/${id}/cancel`)).statusCode).toBe(404);
    expect((await call(app, minji, 'POST', `/requests/${id}/cancel`)).json().state).toBe('cancelled');
    expect(await hiddenFor(minji.id)).toEqual([]);
  });

  it('hides both from each other for good after a decline, and refuses a new request', async () => {
    const { minji, jonas } = await pair();
    const { id } = (await call(app, minji, 'POST', '/requests', { toUserId: jonas.id })).json();
    expect((await call(app, jonas, 'POST', `/requests/${id}/decline`)).json().state).toBe('declined');
    expect(await hiddenFor(jonas.id)).toEqual([{ other_id: minji.id, reason: 'declined' }]);
    expect(await hiddenFor(minji.id)).toEqual([{ other_id: jonas.id, reason: 'declined' }]);
    expect((await call(app, minji, 'POST', '/requests', { toUserId: jonas.id })).statusCode).toBe(403);
  });

  it('ends the partnership on a block: both leave the room, requests go, profiles disappear', async () => {
    const { minji, jonas } = await pair();
    const roomId = await makePartners(app, minji, jonas);
    const blocked = await app.inject({
      method: 'PUT',
      url: `/api/v1/me/blocks/${jonas.id}`,
      headers: { authorization: `Bearer ${minji.token}` },
    });
    expect(blocked.statusCode).toBe(204);
    expect((await call(app, minji, 'GET', '/partners')).json().items).toEqual([]);
    expect((await call(app, jonas, 'GET', '/partners')).json().items).toEqual([]);
    expect(await app.platform.chat.isMember(roomId, minji.id)).toBe(false);
    expect(await app.platform.chat.isMember(roomId, jonas.id)).toBe(false);
    expect((await call(app, jonas, 'GET', `/people/${minji.id}`)).statusCode).toBe(404);
    expect((await call(app, jonas, 'POST', '/requests', { toUserId: minji.id })).statusCode).toBe(404);
    expect(await hiddenFor(jonas.id)).toEqual([{ other_id: minji.id, reason: 'blocked' }]);
  });

  it('refuses a request to oneself and to an unknown person', async () => {
    const { minji } = await pair();
    expect((await call(app, minji, 'POST', '/requests', { toUserId: minji.id })).statusCode).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await call(app, minji, 'POST', '/requests', { toUserId: unknown })).statusCode).toBe(404);
    expect((await call(app, minji, 'POST', '/requests', { toUserId: 'nope' })).statusCode).toBe(400);
  });
});
