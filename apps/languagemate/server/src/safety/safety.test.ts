import type { App } from '@app/platform';
import {
  createTestDatabase,
  listenTestApp,
  makePerson,
  openSocket,
  type TestDatabase,
} from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languagemate } from '../index.js';
import { call, englishLearner, koreanLearner, makePartners, onboard } from '../test-support.js';

let database: TestDatabase;
let app: App;
let wsUrl: string;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, wsUrl } = await listenTestApp(database.url, {}, { apps: [languagemate] }));
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
  const roomId = await makePartners(app, minji, jonas);
  return { minji, jonas, roomId };
}

const send = (app: App, token: string, roomId: string, payload: object) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/chat/rooms/${roomId}/messages`,
    headers: { authorization: `Bearer ${token}` },
    payload,
  });
const stored = async (roomId: string) =>
  (await app.platform.chat.history(roomId, (await roomMember(roomId)) ?? '', { limit: 50 })).items.map(
    (m) => m.body,
  );
const roomMember = async (roomId: string) =>
  (await app.platform.pool.query('select user_a from languagemate.partners where room_id = $1', [roomId]))
    .rows[0]?.user_a as string | undefined;

describe('the safety filter in chat', () => {
  it('holds a phone number in the first week, over REST and the channel, and keeps nothing', async () => {
    const { minji, roomId } = await partners();
    const rest = await send(app, minji.token, roomId, {
      body: '제 번호는 공일공 1234 5678 이에요 연락주세요',
    });
    expect(rest.statusCode).toBe(422);
    expect(rest.json().error).toMatchObject({
      code: 'SAFETY_HOLD',
      details: { reason: 'contact', kinds: ['phone'] },
    });
    // Acknowledging does not release a hold.
    const again = await send(app, minji.token, roomId, {
      body: 'add me on kakao: minji_88',
      acknowledge: ['contact'],
    });
    expect(again.json().error.code).toBe('SAFETY_HOLD');

    const socket = await openSocket(wsUrl, minji.token);
    expect(await socket.request({ t: 'sub', ch: `chat:${roomId}` })).toMatchObject({ t: 'ack' });
    const viaChannel = await socket.request({
      t: 'pub',
      ch: `chat:${roomId}`,
      d: { event: 'send', payload: { body: 'my insta is @minji.films, follow me', clientId: 'c-1' } },
    });
    expect(viaChannel).toMatchObject({ t: 'ack', d: { error: { code: 'SAFETY_HOLD' } } });
    socket.ws.close();
    expect(await stored(roomId)).toEqual([]);
    const events = await app.platform.pool.query(
      `select kind, action from languagemate.safety_events where user_id = $1`,
      [minji.id],
    );
    expect(events.rows).toHaveLength(3);
  });

  it('warns about contact details after the first week and sends once acknowledged', async () => {
    const { minji, roomId } = await partners();
    await app.platform.pool.query(
      `update languagemate.partners set created_at = now() - interval '8 days' where room_id = $1`,
      [roomId],
    );
    const body = 'My email is minji at gmail dot com';
    const warned = await send(app, minji.token, roomId, { body });
    expect(warned.json().error).toMatchObject({ code: 'SAFETY_WARNING', details: { warning: 'contact' } });
    const sent = await send(app, minji.token, roomId, { body, acknowledge: ['contact'] });
    expect(sent.statusCode).toBe(201);
    expect(await stored(roomId)).toEqual([body]);
  });

  it('always holds solicitation, and lets ordinary chat with times and prices through', async () => {
    const { jonas, roomId } = await partners();
    const scam = await send(app, jonas.token, roomId, {
      body: 'I can double your money with bitcoin, send me 100 dollars first',
    });
    expect(scam.json().error).toMatchObject({ code: 'SAFETY_HOLD', details: { reason: 'solicitation' } });
    for (const body of [
      'Let’s talk on Tuesday at 20:30!',
      '그 영화 2019년에 나왔어요. 표가 만 이천 원이었어요.',
    ])
      expect((await send(app, jonas.token, roomId, { body })).statusCode).toBe(201);
  });

  it('screens edits too, and refuses edits after the window', async () => {
    const { minji, roomId } = await partners();
    const sent = await send(app, minji.token, roomId, { body: 'Hello!' });
    const edit = (body: string) =>
      app.inject({
        method: 'PATCH',
        url: `/api/v1/chat/rooms/${roomId}/messages/${sent.json().id}`,
        headers: { authorization: `Bearer ${minji.token}` },
        payload: { body },
      });
    expect((await edit('Hello! call me 010-9876-5432')).json().error.code).toBe('SAFETY_HOLD');
    await app.platform.pool.query(
      `update platform.chat_messages set created_at = now() - interval '20 minutes' where id = $1`,
      [sent.json().id],
    );
    expect((await edit('Hello there!')).json().error.code).toBe('CHAT_EDIT_WINDOW_PASSED');
  });

  it('refuses contact details and solicitation in a profile bio', async () => {
    const person = await makePerson(app);
    const res = await call(app, person, 'PUT', '/profile', {
      ...koreanLearner,
      bio: '카톡 아이디 minji88 로 연락주세요',
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain('body.bio');
  });

  it('stops a suspended person from sending and calling', async () => {
    const { minji, roomId } = await partners();
    await app.platform.pool.query(
      `insert into languagemate.sanctions (user_id, kind, reason) values ($1, 'suspension', 'spam')`,
      [minji.id],
    );
    const res = await send(app, minji.token, roomId, { body: 'hello' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('SUSPENDED');
    // Nor ring their partner.
    const partner = await app.platform.pool.query(
      'select case when user_a = $1 then user_b else user_a end as other from languagemate.partners where room_id = $2',
      [minji.id, roomId],
    );
    const ring = await app.inject({
      method: 'POST',
      url: '/api/v1/realtime/calls',
      headers: { authorization: `Bearer ${minji.token}` },
      payload: { app: 'languagemate', calleeId: partner.rows[0].other },
    });
    expect(ring.statusCode).toBe(403);
    expect(ring.json().error.code).toBe('SUSPENDED');
  });
});
