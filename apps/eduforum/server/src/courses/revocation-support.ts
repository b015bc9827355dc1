import { randomUUID } from 'node:crypto';
import type { ServerFrame } from '@app/contracts';
import type { EduforumRole } from '@app/eduforum-contracts';
import { type App, type CollabClient, openCollabDocument } from '@app/platform';
import { declaredRoutes, fillPath, openSocket, type TestSocket } from '@app/platform/testing';
import { expect } from 'vitest';
import { call, makeCourse, makeSession, type Person, type World } from '../test-support.js';

/** How long a revocation may take to reach a socket or a board (an upper bound, not a measure). */
export const WITHIN_MS = 1_000;

/** The people of every scene (signing in is rate-limited, so they are made once per file). */
export type Cast = Omit<World, 'courseId'>;

/** Makes the cast: a platform admin, a professor (granted by the admin), a TA, two students. */
export async function makeCast(app: App): Promise<Cast> {
  const { courseId: _, ...cast } = await makeCourse(app, 2);
  // Only approved instructors create courses, so losing a role leaves nobody app-wide (with the
  // default, any verified account may: courses/teaching.test.ts).
  const settings = { courseCreation: 'approved', instructorDomains: [] };
  const res = await call(app, cast.admin, 'PUT', '/admin/settings', settings);
  if (res.statusCode !== 200) throw new Error(`settings: ${res.statusCode} ${res.body}`);
  return cast;
}

/** A live course: a session with a poll and a quiz, and breakouts running in two rooms. */
export interface Scene {
  world: World;
  session: { id: string; chatRoomId: string };
  rooms: { id: string; chatRoomId: string; members: string[] }[];
  /** Values for every path parameter of eduforum's routes. */
  params: Record<string, string>;
}

/** Builds a fresh course of the cast through the API (each test changes its own course). */
export async function makeScene(app: App, cast: Cast): Promise<Scene> {
  const ok = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const done = await res;
    if (done.statusCode >= 300) throw new Error(`scene: ${done.statusCode} ${done.body}`);
    return (done.body ? done.json() : {}) as Record<string, unknown>;
  };
  const { professor } = cast;
  const course = await ok(
    call(app, professor, 'POST', '/courses', {
      title: '데이터베이스 세미나',
      code: `CS${randomUUID().slice(0, 8)}`,
      semester: '2026-fall',
    }),
  );
  const courseId = course.id as string;
  await ok(
    call(app, professor, 'POST', `/courses/${courseId}/members`, { email: cast.ta.email, role: 'ta' }),
  );
  for (const student of cast.students)
    await ok(call(app, student, 'POST', '/enrollments', { inviteCode: course.inviteCode }));
  const world: World = { ...cast, courseId };
  const session = await makeSession(app, world);
  const poll = await ok(
    call(app, professor, 'POST', `/sessions/${session.id}/polls`, { question: '의견?', kind: 'text' }),
  );
  const question = await ok(
    call(app, professor, 'POST', `/courses/${courseId}/questions`, {
      kind: 'true_false',
      prompt: 'B-트리는 균형 트리이다',
      correct: ['true'],
    }),
  );
  const quiz = await ok(
    call(app, professor, 'POST', `/sessions/${session.id}/quizzes`, {
      title: '쪽지 시험',
      questionIds: [question.id],
      timeLimitS: 600,
    }),
  );
  const breakout = await ok(
    call(app, professor, 'POST', `/sessions/${session.id}/breakouts`, {
      rooms: 2,
      strategy: 'round_robin',
      participants: world.students.map((s) => s.id),
    }),
  );
  const qa = await ok(call(app, professor, 'POST', `/sessions/${session.id}/qa`, { body: '질문 있습니다' }));
  const rooms = breakout.rooms as Scene['rooms'];
  return {
    world,
    session,
    rooms,
    params: {
      courseId,
      sessionId: session.id,
      pollId: poll.id as string,
      quizId: quiz.id as string,
      questionId: question.id as string,
      breakoutId: breakout.id as string,
      roomId: rooms[0]?.id ?? '',
      // A content item that does not exist: the permission is decided before the item is looked up.
      contentId: randomUUID(),
      invitationId: randomUUID(),
      qaId: qa.id as string,
      userId: world.students[1]?.id ?? '',
    },
  };
}

/** One person's open socket (with its channels) and whiteboard connections on one instance. */
export interface Held {
  socket: TestSocket;
  boards: Map<string, CollabClient>;
}

/**
 * Opens what a participant holds open: a socket subscribed to `channels` (a session channel's
 * snapshot makes them a member of its chat, as the web does) and `boards`, all granted.
 */
export async function hold(
  urls: { ws: string; collab: string },
  person: Person,
  channels: readonly string[],
  boards: readonly string[],
): Promise<Held> {
  const socket = await openSocket(urls.ws, person.token);
  for (const ch of channels) {
    expect(await socket.request({ t: 'sub', ch }), ch).toMatchObject({ t: 'ack' });
    if (ch.startsWith('eduforum-session:'))
      await socket.request({ t: 'pub', ch, d: { event: 'snapshot', payload: {} } });
  }
  const open = new Map<string, CollabClient>();
  for (const name of boards) {
    const board = openCollabDocument(urls.collab, name, person.token);
    expect(await board.authenticated, name).toBe('read-write');
    await board.synced;
    open.set(name, board);
  }
  return { socket, boards: open };
}

/** What should be left after the change. */
export interface Expected {
  /** Channels the socket must be taken out of, and channels it keeps. */
  dropped: readonly string[];
  kept: readonly string[];
  /** Each board's access after the change (null: refused). */
  boards: Readonly<Record<string, 'write' | 'read' | null>>;
  /** Chat rooms (REST read and post) and whether they are still allowed. */
  chats: Readonly<Record<string, boolean>>;
}

const within = <T>(promise: Promise<T>, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: not within ${WITHIN_MS} ms`)), WITHIN_MS),
    ),
  ]);

/**
 * Checks that what the change no longer allows was revoked (the socket is taken out of the
 * channels and hears nothing more there, re-subscribing is refused, boards are reset and refused
 * or read-only, chat over REST is refused) and that what it still allows stays. `app` is the
 * instance the socket is on.
 */
export async function expectRevoked(
  app: App,
  urls: { collab: string },
  person: Person,
  held: Held,
  expected: Expected,
): Promise<void> {
  const { socket } = held;
  for (const ch of expected.dropped)
    await within(
      socket.next((f) => f.t === 'ev' && f.ch === ch && f.d.event === 'channel.removed'),
      `channel.removed on ${ch}`,
    );
  for (const [name, access] of Object.entries(expected.boards)) {
    const board = held.boards.get(name);
    if (!board) throw new Error(`no board ${name}`);
    if (access === 'write') {
      // Still connected and writable: a stroke reaches the server (a fresh reader sees it).
      board.doc.getArray<string>('shapes').push([`kept-${person.id}`]);
      const reader = openCollabDocument(urls.collab, name, person.token);
      await reader.until((doc) => doc.getArray<string>('shapes').toArray().includes(`kept-${person.id}`));
      reader.close();
      continue;
    }
    expect(await within(board.closed, `reset of ${name}`)).toBe(4205);
    const again = openCollabDocument(urls.collab, name, person.token);
    if (access === null) await expect(again.authenticated, name).rejects.toThrow();
    else expect(await again.authenticated, name).toBe('readonly');
    again.close();
  }
  // Events published now reach the kept channels and none of the dropped ones. Local delivery is
  // written before `publish` returns, so once a pong comes back, nothing more is on its way.
  const probe = (ch: string) => (f: ServerFrame) => f.t === 'ev' && f.ch === ch && f.d.event === 'probe';
  for (const ch of [...expected.dropped, ...expected.kept])
    await app.platform.realtime.publish(ch, 'probe', {});
  for (const ch of expected.kept) await within(socket.next(probe(ch)), `probe on kept ${ch}`);
  socket.send({ t: 'ping', id: 999_999 });
  await within(
    socket.next((f) => f.t === 'pong' && f.id === 999_999),
    'pong',
  );
  for (const ch of expected.dropped) await expect(socket.next(probe(ch), 0), ch).rejects.toThrow();
  for (const ch of expected.dropped)
    expect(await socket.request({ t: 'sub', ch }), ch).toMatchObject({ t: 'err', d: { code: 'FORBIDDEN' } });
  for (const [roomId, allowed] of Object.entries(expected.chats)) {
    const url = `/api/v1/chat/rooms/${roomId}/messages`;
    const headers = { authorization: `Bearer ${person.token}` };
    const read = await app.inject({ method: 'GET', url, headers });
    const post = await app.inject({ method: 'POST', url, headers, payload: { body: '아직 있나요?' } });
    expect([read.statusCode, post.statusCode], roomId).toEqual(allowed ? [200, 201] : [404, 404]);
  }
}

/**
 * Walks every eduforum route that declares a permission (`app.routeAccess`, so new routes are
 * covered) as `person` with their roles after the change, and lists the routes that still let them
 * in where the declared action no longer allows their role (or refuse them where it does). The
 * token is the one they had before: routes resolve roles per request, never from the token.
 */
export async function routeMismatches(
  app: App,
  person: Person,
  roles: { course: EduforumRole | null; app: EduforumRole | null },
  params: Readonly<Record<string, string>>,
): Promise<string[]> {
  const mismatches: string[] = [];
  for (const route of declaredRoutes(app, 'eduforum')) {
    const can = route.can;
    if (!can) continue;
    const role = can.param ? roles.course : roles.app;
    const path = fillPath(route.url.slice('/api/v1/eduforum'.length), params);
    const res = await call(app, person, route.method as 'GET', path);
    const allowed = can.policy.allows(role, can.action);
    const refused = res.statusCode === 403 || (role === null && res.statusCode === 404);
    const key = `${route.method} ${path} as ${role ?? 'nobody'}: ${res.statusCode}`;
    if (res.statusCode >= 500 || res.statusCode === 401) mismatches.push(key);
    else if (!allowed && !refused) mismatches.push(`${key} (should be refused)`);
    else if (allowed && !can.refined && res.statusCode === 403) mismatches.push(`${key} (should be allowed)`);
  }
  return mismatches;
}
