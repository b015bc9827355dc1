import type { App } from '@app/platform';
import { createTestDatabase, openSocket, type TestDatabase } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, listenEduforum, makeCourse, makeSession, type Person, type World } from '../test-support.js';

let database: TestDatabase;
let app: App;
let wsUrl: string;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, wsUrl } = await listenEduforum(database.url));
  world = await makeCourse(app, 3);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const ask = (who: Person, sessionId: string, body: unknown) =>
  call(app, who, 'POST', `/sessions/${sessionId}/qa`, body);
const list = async (who: Person, sessionId: string) =>
  (await call(app, who, 'GET', `/sessions/${sessionId}/qa`)).json().items as {
    id: string;
    body: string;
    votes: number;
    status: string;
    author: { name: string } | null;
    myVote: boolean;
    mine: boolean;
  }[];

describe('session Q&A', () => {
  it('takes questions (anonymous ones name nobody), counts each upvote once, sorts by votes, and tells the room', async () => {
    const [a, b, c] = world.students as [Person, Person, Person];
    const session = await makeSession(app, world);
    const ch = `eduforum-session:${session.id}`;
    const socket = await openSocket(wsUrl, c.token);
    expect(await socket.request({ t: 'sub', ch })).toMatchObject({ t: 'ack' });

    const named = await ask(a, session.id, { body: '  B-tree는 왜 균형을 유지하나요?  ' });
    expect(named.statusCode).toBe(201);
    expect(named.json()).toMatchObject({ body: 'B-tree는 왜 균형을 유지하나요?', mine: true, votes: 0 });
    expect(named.json().author.name).toBe(a.name);
    const heard = await socket.next((f) => f.t === 'ev' && f.ch === ch && f.d.event === 'qa.changed');
    expect(heard).toMatchObject({ d: { payload: { id: named.json().id } } });
    const secret = await ask(b, session.id, { body: '시험 범위가 어디까지인가요?', anonymous: true });
    expect(secret.json()).toMatchObject({ anonymous: true, author: null, mine: true });
    // Not even the professor learns who asked it.
    const profView = await list(world.professor, session.id);
    expect(profView.find((q) => q.id === secret.json().id)?.author).toBeNull();

    // Upvotes: twice by the same person is one; the most upvoted comes first.
    const secretId = secret.json().id as string;
    for (const who of [a, c, c])
      expect((await call(app, who, 'PUT', `/qa/${secretId}/vote`)).statusCode).toBe(200);
    const sorted = await list(c, session.id);
    expect(sorted.map((q) => [q.id, q.votes, q.myVote])).toEqual([
      [secretId, 2, true],
      [named.json().id, 0, false],
    ]);
    expect((await call(app, c, 'DELETE', `/qa/${secretId}/vote`)).json()).toMatchObject({
      votes: 1,
      myVote: false,
    });
    expect((await call(app, c, 'DELETE', `/qa/${secretId}/vote`)).json().votes).toBe(1);

    // Staff answer and hide; students no longer see a hidden one, staff still do.
    const answered = await call(app, world.ta, 'PUT', `/qa/${secretId}/status`, { status: 'answered' });
    expect(answered.json()).toMatchObject({ status: 'answered' });
    expect(answered.json().answeredAt).not.toBeNull();
    expect((await call(app, a, 'PUT', `/qa/${secretId}/status`, { status: 'hidden' })).statusCode).toBe(403);
    await call(app, world.professor, 'PUT', `/qa/${named.json().id}/status`, { status: 'hidden' });
    expect((await list(c, session.id)).map((q) => q.id)).toEqual([secretId]);
    expect((await list(world.professor, session.id)).map((q) => q.id)).toHaveLength(2);
    expect((await call(app, c, 'PUT', `/qa/${named.json().id}/vote`)).statusCode).toBe(404);
    socket.ws.close();
  });

  it('refuses bad questions, outsiders, removed people and a session that is not live', async () => {
    const [a, b] = world.students as [Person, Person];
    const session = await makeSession(app, world);
    for (const body of [
      { body: '' },
      { body: '   ' },
      { body: 'x'.repeat(501) },
      { text: 'x' },
      { body: 'x', anonymous: 'yes' },
    ])
      expect((await ask(a, session.id, body)).statusCode).toBe(400);
    expect((await ask(world.outsider, session.id, { body: '저도요' })).statusCode).toBe(404);
    await app.platform.pool.query(
      'insert into eduforum.session_removals (session_id, user_id, removed_by) values ($1, $2, $3)',
      [session.id, b.id, world.professor.id],
    );
    expect((await ask(b, session.id, { body: '다시 들어가도 되나요?' })).statusCode).toBe(403);
    const kept = await ask(a, session.id, { body: '끝나도 남나요?' });
    await call(app, world.professor, 'POST', `/sessions/${session.id}/end`);
    const late = await ask(a, session.id, { body: '늦은 질문' });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'SESSION_NOT_LIVE']);
    expect((await call(app, a, 'PUT', `/qa/${kept.json().id}/vote`)).statusCode).toBe(409);
    // The recap keeps them.
    expect((await list(a, session.id)).map((q) => q.body)).toEqual(['끝나도 남나요?']);
  });
});
