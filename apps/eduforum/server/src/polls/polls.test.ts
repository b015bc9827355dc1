import type { App } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, listenEduforum, makeCourse, makeSession, type Person, type World } from '../test-support.js';

let database: TestDatabase;
let app: App;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await listenEduforum(database.url));
  world = await makeCourse(app, 8);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

async function openPoll(sessionId: string, body: Record<string, unknown> = {}): Promise<string> {
  const created = await call(app, world.professor, 'POST', `/sessions/${sessionId}/polls`, {
    question: '어떤 인덱스?',
    kind: 'single',
    options: [{ text: 'B-tree' }, { text: 'Hash' }, { text: 'GiST' }],
    ...body,
  });
  expect(created.statusCode).toBe(201);
  const pollId = created.json().id as string;
  expect((await call(app, world.professor, 'POST', `/polls/${pollId}/open`)).statusCode).toBe(200);
  return pollId;
}

const vote = (who: Person, pollId: string, body: Record<string, unknown>) =>
  call(app, who, 'PUT', `/polls/${pollId}/vote`, body);

describe('votes written together (one statement per burst)', () => {
  it('stores a whole class voting at once, each vote once, and refuses each bad one on its own', async () => {
    const session = await makeSession(app, world);
    const [removed, ...students] = world.students as [Person, ...Person[]];
    await app.platform.pool.query(
      'insert into eduforum.session_removals (session_id, user_id, removed_by) values ($1, $2, $3)',
      [session.id, removed.id, world.professor.id],
    );
    const pollId = await openPoll(session.id);
    // Warm the poll catalog so the burst below arrives together.
    expect((await vote(world.ta, pollId, { choices: ['c'] })).statusCode).toBe(200);
    const burst = await Promise.all([
      ...students.map((s, i) => vote(s, pollId, { choices: [i % 2 === 0 ? 'a' : 'b'] })),
      // The same person twice in one burst: both are stored, one after the other.
      vote(students[0] as Person, pollId, { choices: ['c'] }),
      vote(removed, pollId, { choices: ['a'] }),
      vote(world.outsider, pollId, { choices: ['a'] }),
      // An eduforum admin who is not a member of the course may join, so may vote.
      vote(world.admin, pollId, { choices: ['b'] }),
    ]);
    const codes = burst.map((r) => r.statusCode);
    expect(codes.slice(0, students.length + 1).every((c) => c === 200)).toBe(true);
    expect(codes.slice(students.length + 1)).toEqual([403, 404, 200]);
    const twice = [burst[0]?.json().changed, burst[students.length]?.json().changed];
    expect(twice.sort()).toEqual([false, true]);

    const results = (await call(app, world.professor, 'GET', `/polls/${pollId}/results`)).json();
    // The TA, seven students and the admin; the removed student and the outsider are not counted.
    expect(results.voters).toBe(students.length + 2);
    // students[0] voted 'a' and 'c'; whichever came second stays.
    expect([
      { a: 3, b: 4, c: 2 },
      { a: 4, b: 4, c: 1 },
    ]).toContainEqual(results.counts);
  });

  it('closes strictly after the votes in flight: every acknowledged vote is in the closed results', async () => {
    const session = await makeSession(app, world);
    const pollId = await openPoll(session.id);
    const votes = world.students.map((s) => vote(s, pollId, { choices: ['a'] }));
    const closed = call(app, world.professor, 'POST', `/polls/${pollId}/close`);
    const replies = await Promise.all(votes);
    expect((await closed).json().status).toBe('closed');
    const accepted = replies.filter((r) => r.statusCode === 200).length;
    for (const r of replies) if (r.statusCode !== 200) expect(r.json().error.code).toBe('POLL_NOT_OPEN');
    const results = (await call(app, world.professor, 'GET', `/polls/${pollId}/results`)).json();
    expect(results).toMatchObject({ status: 'closed', voters: accepted, counts: { a: accepted } });
    const late = await vote(world.ta, pollId, { choices: ['a'] });
    expect(late.json().error.code).toBe('POLL_NOT_OPEN');
  });

  it('never reveals anonymous voters, not even to staff', async () => {
    const session = await makeSession(app, world);
    const pollId = await openPoll(session.id, { kind: 'text', options: [], anonymous: true });
    const [s1, s2] = world.students as [Person, Person];
    await Promise.all([vote(s1, pollId, { text: '정렬' }), vote(s2, pollId, { text: '범위' })]);
    const results = (await call(app, world.professor, 'GET', `/polls/${pollId}/results`)).json();
    expect(results.voters).toBe(2);
    expect(results.texts.map((t: { userId: string | null }) => t.userId)).toEqual([null, null]);
  });
});
