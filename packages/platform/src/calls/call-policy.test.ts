import type { ServerFrame } from '@app/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../http/app.js';
import {
  bearer,
  createTestDatabase,
  listenTestApp,
  makeAccount,
  openSocket,
  signIn,
  type TestDatabase,
} from '../testing/index.js';

let database: TestDatabase;
let app: App;
let url: string;
const people: { id: string; token: string }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, wsUrl: url } = await listenTestApp(database.url, {
    RATE_LIMITS: JSON.stringify({ 'call.start': { points: 3, duration: 600 } }),
  }));
  for (let i = 0; i < 6; i++) {
    const account = await makeAccount(app);
    people.push({ id: account.id, token: (await signIn(app, account)).accessToken });
  }
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const person = (i: number) => people[i] ?? { id: '', token: '' };
const post = (who: number, path: string, payload?: object) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/realtime${path}`,
    headers: bearer(person(who).token),
    ...(payload ? { payload } : {}),
  });
const ring = (who: number, app: string, callee: number) =>
  post(who, '/calls', { app, calleeId: person(callee).id });
const blocks = (who: number, method: 'PUT' | 'DELETE' | 'GET', userId = '') =>
  app.inject({ method, url: `/api/v1/me/blocks/${userId}`, headers: bearer(person(who).token) });
const event = (name: string) => (f: ServerFrame) => f.t === 'ev' && f.d.event === name;

describe('who may ring whom', () => {
  it('rings only people who share a chat room of the app, or whom an app policy allows', async () => {
    expect((await ring(0, 'languagemate', 1)).statusCode).toBe(403);
    await app.platform.chat.directRoom('languagemate', person(0).id, person(1).id);
    const allowed = await ring(0, 'languagemate', 1);
    expect(allowed.statusCode).toBe(201);
    expect((await post(0, `/calls/${allowed.json().id}/cancel`)).statusCode).toBe(200);
    // The room is languagemate's: it is no context in another app...
    expect((await ring(1, 'studymate', 0)).statusCode).toBe(403);
    // ...until that app says these two may call (eduforum: they share a course).
    app.platform.calls.allowCallers('studymate', async (callerId, calleeId) =>
      [callerId, calleeId].every((id) => id === person(0).id || id === person(1).id),
    );
    const viaPolicy = await ring(1, 'studymate', 0);
    expect(viaPolicy.statusCode).toBe(201);
    expect((await post(0, `/calls/${viaPolicy.json().id}/decline`)).json().endReason).toBe('declined');
  });

  it('lets a callee block the caller: the ringing call ends and neither can ring the other', async () => {
    await app.platform.chat.directRoom('eduforum', person(2).id, person(3).id);
    const caller = await openSocket(url, person(2).token);
    caller.send({ t: 'sub', id: 1, ch: `user:${person(2).id}` });
    await caller.next((f) => f.t === 'ack' && f.id === 1);
    const id = (await ring(2, 'eduforum', 3)).json().id;

    expect((await blocks(3, 'PUT', person(2).id)).statusCode).toBe(204);
    expect(await caller.next(event('call.ended'))).toMatchObject({
      d: { payload: { id, endReason: 'declined' } },
    });
    // Blocked and "no shared context" get the same answer: a block is not revealed.
    const refused = await ring(2, 'eduforum', 3);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('You cannot call this person.');
    expect((await ring(3, 'eduforum', 2)).statusCode).toBe(403);
    await expect(app.platform.chat.directRoom('studymate', person(2).id, person(3).id)).rejects.toMatchObject(
      {
        code: 'FORBIDDEN',
      },
    );
    expect((await blocks(3, 'GET')).json().items).toEqual([
      { userId: person(2).id, createdAt: expect.any(String) },
    ]);

    expect((await blocks(3, 'DELETE', person(2).id)).statusCode).toBe(204);
    const again = await ring(2, 'eduforum', 3);
    expect(again.statusCode).toBe(201);
    await post(2, `/calls/${again.json().id}/cancel`);
    caller.ws.close();
  });

  it('refuses blocking oneself or an unknown account', async () => {
    expect((await blocks(4, 'PUT', person(4).id)).statusCode).toBe(400);
    expect((await blocks(4, 'PUT', '01900000-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });

  it('limits how often one person rings', async () => {
    await app.platform.chat.groupRoom('eduforum', person(5).id, 'team', [person(4).id]);
    for (let i = 0; i < 3; i++) {
      const res = await ring(5, 'eduforum', 4);
      expect(res.statusCode).toBe(201);
      await post(5, `/calls/${res.json().id}/cancel`);
    }
    const limited = await ring(5, 'eduforum', 4);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.details).toMatchObject({ action: 'call.start' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
