import {
  breakoutRoomChannel,
  roomWhiteboard,
  sessionChannel,
  sessionWhiteboard,
  staffChannel,
} from '@app/eduforum-contracts';
import type { App } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, listenEduforum, makePerson, type Person } from '../test-support.js';
import {
  type Cast,
  expectRevoked,
  hold,
  makeCast,
  makeScene,
  routeMismatches,
  type Scene,
} from './revocation-support.js';

// A change of membership or role takes back, at once and on every instance, what it no longer
// allows: channel subscriptions, chat membership, whiteboard connections and REST routes.
let database: TestDatabase;
let a: App;
let b: App;
const A = { ws: '', collab: '' };
const B = { ws: '', collab: '' };
let cast: Cast;

beforeAll(async () => {
  database = await createTestDatabase();
  for (const [urls, set] of [
    [A, (app: App) => (a = app)],
    [B, (app: App) => (b = app)],
  ] as const) {
    const listening = await listenEduforum(database.url);
    set(listening.app);
    urls.ws = listening.wsUrl;
    urls.collab = listening.wsUrl.replace(/\/ws$/, '/collab');
  }
  cast = await makeCast(a);
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await database?.drop();
});

const roomOf = (scene: Scene, person: Person) => {
  const room = scene.rooms.find((r) => r.members.includes(person.id));
  if (!room) throw new Error('not in a breakout room');
  return room;
};

describe('when access changes, what it no longer allows is revoked', () => {
  it('removing a student from the course: session, breakout room, chats, boards and every course route', async () => {
    const scene = await makeScene(a, cast);
    const { world, session } = scene;
    const [student] = world.students as [Person];
    const room = roomOf(scene, student);
    const dropped = [
      sessionChannel(session.id),
      breakoutRoomChannel(room.id),
      `chat:${session.chatRoomId}`,
      `chat:${room.chatRoomId}`,
    ];
    const kept = [`user:${student.id}`];
    const boards = [sessionWhiteboard(session.id), roomWhiteboard(room.id)];
    const held = await hold(A, student, [...dropped, ...kept], boards);

    const removed = await call(
      a,
      world.professor,
      'DELETE',
      `/courses/${world.courseId}/members/${student.id}`,
    );
    expect(removed.statusCode).toBe(204);

    await expectRevoked(a, A, student, held, {
      dropped,
      kept,
      boards: Object.fromEntries(boards.map((name) => [name, null])),
      chats: { [session.chatRoomId]: false, [room.chatRoomId]: false },
    });
    expect(await routeMismatches(a, student, { course: null, app: null }, scene.params)).toEqual([]);
    held.socket.ws.close();
  });

  it('demoting a TA to student: the staff channel, rooms they stepped into and staff routes; not what students keep', async () => {
    const scene = await makeScene(a, cast);
    const { world, session } = scene;
    const room = scene.rooms[1] ?? scene.rooms[0];
    if (!room) throw new Error('no room');
    const entered = await call(
      a,
      world.ta,
      'POST',
      `/breakouts/${scene.params.breakoutId}/rooms/${room.id}/enter`,
    );
    expect(entered.statusCode).toBe(200);
    const dropped = [staffChannel(session.id), breakoutRoomChannel(room.id), `chat:${room.chatRoomId}`];
    const kept = [sessionChannel(session.id), `chat:${session.chatRoomId}`];
    const held = await hold(
      A,
      world.ta,
      [...kept, ...dropped],
      [sessionWhiteboard(session.id), roomWhiteboard(room.id)],
    );

    const demoted = await call(
      a,
      world.professor,
      'PATCH',
      `/courses/${world.courseId}/members/${world.ta.id}`,
      {
        role: 'student',
      },
    );
    expect(demoted.statusCode).toBe(204);

    await expectRevoked(a, A, world.ta, held, {
      dropped,
      kept,
      boards: { [sessionWhiteboard(session.id)]: 'write', [roomWhiteboard(room.id)]: null },
      chats: { [session.chatRoomId]: true, [room.chatRoomId]: false },
    });
    expect(await routeMismatches(a, world.ta, { course: 'student', app: null }, scene.params)).toEqual([]);
    held.socket.ws.close();
  });

  it('adding a TA again as a student (by email) demotes them the same way', async () => {
    const scene = await makeScene(a, cast);
    const { world, session } = scene;
    const dropped = [staffChannel(session.id)];
    const kept = [sessionChannel(session.id)];
    const held = await hold(A, world.ta, [...kept, ...dropped], []);
    const readded = await call(a, world.professor, 'POST', `/courses/${world.courseId}/members`, {
      email: world.ta.email,
      role: 'student',
    });
    expect(readded.statusCode).toBeLessThan(300);
    await expectRevoked(a, A, world.ta, held, { dropped, kept, boards: {}, chats: {} });
    held.socket.ws.close();
  });

  it("taking away someone's app-wide admin role: every course's live side and routes", async () => {
    const scene = await makeScene(a, cast);
    const { world, session } = scene;
    const deputy = await makePerson(a, '부관리자');
    const grant = (role: 'admin' | null) =>
      call(a, world.admin, 'PUT', `/admin/roles/${deputy.id}`, { role });
    expect((await grant('admin')).statusCode).toBe(204);
    const dropped = [sessionChannel(session.id), staffChannel(session.id), `chat:${session.chatRoomId}`];
    const kept = [`user:${deputy.id}`];
    const held = await hold(A, deputy, [...dropped, ...kept], [sessionWhiteboard(session.id)]);

    expect((await grant(null)).statusCode).toBe(204);

    await expectRevoked(a, A, deputy, held, {
      dropped,
      kept,
      boards: { [sessionWhiteboard(session.id)]: null },
      chats: { [session.chatRoomId]: false },
    });
    expect(await routeMismatches(a, deputy, { course: null, app: null }, scene.params)).toEqual([]);
    held.socket.ws.close();
  });

  it('removing someone from the live session also ends their chat and boards there', async () => {
    const scene = await makeScene(a, cast);
    const { world, session } = scene;
    const [, student] = world.students as [Person, Person];
    const room = roomOf(scene, student);
    const dropped = [
      sessionChannel(session.id),
      breakoutRoomChannel(room.id),
      `chat:${session.chatRoomId}`,
      `chat:${room.chatRoomId}`,
    ];
    const boards = [sessionWhiteboard(session.id), roomWhiteboard(room.id)];
    const held = await hold(A, student, dropped, boards);
    const professor = await hold(A, world.professor, [sessionChannel(session.id)], []);

    const ack = await professor.socket.request({
      t: 'pub',
      ch: sessionChannel(session.id),
      d: { event: 'control.remove', payload: { userId: student.id } },
    });
    expect(ack).toMatchObject({ t: 'ack', d: { ok: true } });

    await expectRevoked(a, A, student, held, {
      dropped,
      kept: [],
      boards: Object.fromEntries(boards.map((name) => [name, null])),
      chats: { [session.chatRoomId]: false, [room.chatRoomId]: false },
    });
    held.socket.ws.close();
    professor.socket.ws.close();
  });

  it('a removal on one instance reaches the socket and board on another', async () => {
    const scene = await makeScene(a, cast);
    const { world, session } = scene;
    const [student] = world.students as [Person];
    const dropped = [sessionChannel(session.id), `chat:${session.chatRoomId}`];
    const kept = [`user:${student.id}`];
    const held = await hold(B, student, [...dropped, ...kept], [sessionWhiteboard(session.id)]);

    const removed = await call(
      a,
      world.professor,
      'DELETE',
      `/courses/${world.courseId}/members/${student.id}`,
    );
    expect(removed.statusCode).toBe(204);

    await expectRevoked(b, B, student, held, {
      dropped,
      kept,
      boards: { [sessionWhiteboard(session.id)]: null },
      chats: { [session.chatRoomId]: false },
    });
    held.socket.ws.close();
  });
});
