import type { App } from '@app/platform';
import { createTestDatabase, openSocket, type TestDatabase, type TestSocket } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenEduforum, makeCourse, makeSession, type Person, type World } from '../test-support.js';

let database: TestDatabase;
let app: App;
let wsUrl: string;
let world: World;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, wsUrl } = await listenEduforum(database.url));
  world = await makeCourse(app, 2);
});

afterAll(async () => {
  for (const socket of sockets) socket.ws.close();
  await app?.close();
  await database?.drop();
});

async function join(person: Person, ch: string): Promise<TestSocket> {
  const socket = await openSocket(wsUrl, person.token);
  sockets.push(socket);
  expect(await socket.request({ t: 'sub', ch })).toMatchObject({ t: 'ack' });
  return socket;
}

/** Reports one interval of speech; returns what the server counted. */
async function speak(socket: TestSocket, ch: string, startedAt: number, endedAt: number): Promise<number> {
  const reply = await socket.request({
    t: 'pub',
    ch,
    d: { event: 'speaking', payload: { startedAt, endedAt } },
  });
  if (reply.t !== 'ack') throw new Error(`speaking refused: ${JSON.stringify(reply)}`);
  return (reply.d as { acceptedMs: number }).acceptedMs;
}

/** Sets when the session started (fixed points in the past make the clamps exact). */
async function startedAt(sessionId: string, at: number): Promise<void> {
  await app.platform.pool.query('update eduforum.sessions set started_at = $2 where id = $1', [
    sessionId,
    new Date(at),
  ]);
}

describe('TalkTime speaking reports', () => {
  it('counts no speech before the session started, nor beyond now, nor more than 30 s per report', async () => {
    const session = await makeSession(app, world);
    const ch = `eduforum-session:${session.id}`;
    const [s1] = world.students as [Person];
    const socket = await join(s1, ch);
    const start = Date.now() - 10 * 60_000;
    await startedAt(session.id, start);
    // Ten minutes claimed, all before the start: nothing; straddling it: only what came after.
    expect(await speak(socket, ch, start - 10 * 60_000, start)).toBe(0);
    expect(await speak(socket, ch, start - 60_000, start + 5_000)).toBe(5_000);
    // One report of two minutes counts its last 30 s.
    expect(await speak(socket, ch, start + 60_000, start + 180_000)).toBe(30_000);
    // A report ending five minutes from now ends now (plus at most 5 s of clock skew).
    const before = Date.now();
    const future = await speak(socket, ch, before - 20_000, before + 5 * 60_000);
    expect(future).toBeLessThanOrEqual(Date.now() + 5_000 - (before - 20_000));
    expect(future).toBeGreaterThan(0);
    // Nothing more can be claimed for the time already counted.
    expect(await speak(socket, ch, before - 60_000, before)).toBe(0);
  });

  it("counts from the participant's first join when they came after the start", async () => {
    const session = await makeSession(app, world);
    const ch = `eduforum-session:${session.id}`;
    const [, s2] = world.students as [Person, Person];
    const socket = await join(s2, ch);
    expect(await socket.request({ t: 'pub', ch, d: { event: 'snapshot', payload: {} } })).toMatchObject({
      t: 'ack',
    });
    const start = Date.now() - 10 * 60_000;
    await startedAt(session.id, start);
    const joinedAt = start + 4 * 60_000;
    await app.platform.pool.query(
      `update eduforum.session_events set at = $3 where session_id = $1 and actor_id = $2 and kind = 'participant.joined'`,
      [session.id, s2.id, new Date(joinedAt)],
    );
    expect(await speak(socket, ch, joinedAt - 20_000, joinedAt + 10_000)).toBe(10_000);
  });
});
