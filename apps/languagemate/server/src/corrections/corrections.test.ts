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

async function partners() {
  const minji = await makePerson(app, '민지');
  const jonas = await makePerson(app, 'Jonas');
  await onboard(app, minji, koreanLearner);
  await onboard(app, jonas, englishLearner);
  const roomId = await makePartners(app, minji, jonas);
  return { minji, jonas, roomId };
}

describe('corrections', () => {
  it('turns a partner’s correction into a review item for the writer', async () => {
    const { minji, jonas, roomId } = await partners();
    const message = await app.platform.chat.send(roomId, minji.id, { body: 'I go to cinema yesterday.' });
    const made = await call(app, jonas, 'POST', `/rooms/${roomId}/corrections`, {
      messageId: message.id,
      corrected: 'I went to the cinema yesterday.',
      note: 'past tense',
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ learnerId: minji.id, correctorId: jonas.id, original: message.body });
    expect((await call(app, minji, 'GET', `/rooms/${roomId}/corrections`)).json().items).toHaveLength(1);

    const toReview = await call(app, minji, 'GET', '/corrections');
    expect(toReview.json().items.map((c: { id: string }) => c.id)).toEqual([made.json().id]);
    expect((await call(app, jonas, 'GET', '/corrections')).json().items).toEqual([]);
    // Only the learner reviews it.
    expect((await call(app, jonas, 'POST', `/corrections/${made.json().id}/review`)).statusCode).toBe(404);
    const reviewed = await call(app, minji, 'POST', `/corrections/${made.json().id}/review`);
    expect(reviewed.json().reviewedAt).not.toBeNull();
    expect((await call(app, minji, 'GET', '/corrections')).json().items).toEqual([]);
    expect((await call(app, minji, 'GET', '/corrections?state=reviewed')).json().items).toHaveLength(1);
  });

  it('refuses correcting one’s own message, an unchanged text, and messages of other rooms', async () => {
    const { minji, jonas, roomId } = await partners();
    const mine = await app.platform.chat.send(roomId, jonas.id, { body: '안녕하세요' });
    const own = await call(app, jonas, 'POST', `/rooms/${roomId}/corrections`, {
      messageId: mine.id,
      corrected: '안녕',
    });
    expect(own.statusCode).toBe(400);
    const same = await call(app, minji, 'POST', `/rooms/${roomId}/corrections`, {
      messageId: mine.id,
      corrected: '안녕하세요',
    });
    expect(same.statusCode).toBe(400);
    const other = await partners();
    const elsewhere = await app.platform.chat.send(other.roomId, other.minji.id, { body: 'hello' });
    const cross = await call(app, jonas, 'POST', `/rooms/${roomId}/corrections`, {
      messageId: elsewhere.id,
      corrected: 'Hello!',
    });
    expect(cross.statusCode).toBe(404);
    const outsider = await makePerson(app);
    expect((await call(app, outsider, 'GET', `/rooms/${roomId}/corrections`)).statusCode).toBe(404);
    expect(
      (
        await call(app, outsider, 'POST', `/rooms/${roomId}/corrections`, {
          messageId: mine.id,
          corrected: 'x',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('says translation needs a provider when none is configured', async () => {
    const { minji, jonas, roomId } = await partners();
    const message = await app.platform.chat.send(roomId, jonas.id, { body: 'Nice to meet you' });
    const res = await call(app, minji, 'POST', `/rooms/${roomId}/translate`, {
      messageId: message.id,
      to: 'ko',
    });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.details.missing).toContain('AI_OPENAI_BASE_URL');
  });
});
