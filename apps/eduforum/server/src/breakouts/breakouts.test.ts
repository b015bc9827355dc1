import type { App } from '@app/platform';
import { createTestDatabase, openSocket, type TestDatabase, type TestSocket } from '@app/platform/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, listenEduforum, makeCourse, makeSession, type Person, type World } from '../test-support.js';
import { assign, type Candidate, quartiles } from './assign.js';

let database: TestDatabase;
let app: App;
let wsUrl: string;
let world: World;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, wsUrl } = await listenEduforum(database.url));
  world = await makeCourse(app, 5);
});

afterAll(async () => {
  for (const socket of sockets) socket.ws.close();
  await app?.close();
  await database?.drop();
});

const subscribe = (socket: TestSocket, ch: string) => socket.request({ t: 'sub', ch });
async function connect(person: Person): Promise<TestSocket> {
  const socket = await openSocket(wsUrl, person.token);
  sockets.push(socket);
  return socket;
}
const eventOn = (socket: TestSocket, ch: string, event: string) =>
  socket.next((f) => f.t === 'ev' && f.ch === ch && f.d.event === event);

interface View {
  id: string;
  rooms: { id: string; number: number; members: string[]; whiteboard: string }[];
}

describe('breakouts', () => {
  it('assigns present students, broadcasts to every room, moves people, lets staff in anywhere, and recalls', async () => {
    const session = await makeSession(app, world);
    const ch = `eduforum-session:${session.id}`;
    const students = world.students.slice(0, 4);
    const byId = new Map<string, TestSocket>();
    for (const s of students) {
      const socket = await connect(s);
      expect(await subscribe(socket, ch)).toMatchObject({ t: 'ack' });
      byId.set(s.id, socket);
    }
    const first = students[0] as Person;
    const forbidden = await call(app, first, 'POST', `/sessions/${session.id}/breakouts`, {
      rooms: 2,
      strategy: 'random',
    });
    expect(forbidden.statusCode).toBe(403);
    const started = await call(app, world.ta, 'POST', `/sessions/${session.id}/breakouts`, {
      rooms: 2,
      strategy: 'round_robin',
    });
    expect(started.statusCode).toBe(201);
    const view = started.json() as View;
    expect(view.rooms.map((r) => r.members.length)).toEqual([2, 2]);
    expect(view.rooms.flatMap((r) => r.members).sort()).toEqual(students.map((s) => s.id).sort());
    const again = await call(app, world.professor, 'POST', `/sessions/${session.id}/breakouts`, {
      rooms: 2,
      strategy: 'random',
    });
    expect(again.json().error.code).toBe('INVALID_TRANSITION');

    // Everyone enters their own room; nobody gets into another; the TA enters any.
    const [roomA, roomB] = view.rooms as [View['rooms'][0], View['rooms'][0]];
    for (const room of view.rooms)
      for (const member of room.members)
        expect(await subscribe(byId.get(member) as TestSocket, `eduforum-room:${room.id}`)).toMatchObject({
          t: 'ack',
        });
    const intruder = byId.get(roomA.members[0] as string) as TestSocket;
    expect(await subscribe(intruder, `eduforum-room:${roomB.id}`)).toMatchObject({
      t: 'err',
      d: { code: 'FORBIDDEN' },
    });
    const ta = await connect(world.ta);
    expect(await subscribe(ta, `eduforum-room:${roomB.id}`)).toMatchObject({ t: 'ack' });
    // The room's students are told who stepped in.
    const visitee = byId.get(roomB.members[0] as string) as TestSocket;
    const told = eventOn(visitee, `eduforum-room:${roomB.id}`, 'breakout.staffEntered');
    const entered = await call(app, world.ta, 'POST', `/breakouts/${view.id}/rooms/${roomB.id}/enter`);
    expect(entered.json()).toMatchObject({ number: 2, whiteboard: `eduforum.room.${roomB.id}` });
    const visit = await told;
    expect(visit.t === 'ev' && visit.d.payload).toEqual({ userId: world.ta.id });
    // Chat in a breakout room counts in TalkTime like chat in the main room.
    const talker = roomB.members[0] as string;
    await app.platform.chat.send(entered.json().chatRoomId, talker, { body: '우리 방 의견입니다' });
    const participation = await call(app, world.professor, 'GET', `/sessions/${session.id}/participation`);
    expect(
      participation.json().items.find((p: { userId: string }) => p.userId === talker)?.chatMessages,
    ).toBe(1);
    expect((await call(app, first, 'POST', `/breakouts/${view.id}/rooms/${roomB.id}/enter`)).statusCode).toBe(
      403,
    );

    expect(
      (await call(app, first, 'POST', `/breakouts/${view.id}/broadcast`, { text: 'x' })).statusCode,
    ).toBe(403);
    const sent = await call(app, world.professor, 'POST', `/breakouts/${view.id}/broadcast`, {
      text: '5분 남았습니다',
    });
    expect(sent.json()).toEqual({ rooms: 2 });
    for (const room of view.rooms)
      for (const member of room.members) {
        const frame = await eventOn(
          byId.get(member) as TestSocket,
          `eduforum-room:${room.id}`,
          'breakout.broadcast',
        );
        expect(frame.t === 'ev' && frame.d.payload).toMatchObject({ text: '5분 남았습니다' });
      }

    const mover = roomA.members[0] as string;
    const moved = await call(app, world.professor, 'PUT', `/breakouts/${view.id}/members/${mover}`, {
      roomId: roomB.id,
    });
    expect((moved.json() as View).rooms.map((r) => r.members.length)).toEqual([1, 3]);
    await eventOn(byId.get(mover) as TestSocket, ch, 'breakout.moved');
    const moverSocket = await connect(students.find((s) => s.id === mover) as Person);
    expect(await subscribe(moverSocket, `eduforum-room:${roomB.id}`)).toMatchObject({ t: 'ack' });
    expect(
      (
        await call(app, world.professor, 'PUT', `/breakouts/${view.id}/members/${world.outsider.id}`, {
          roomId: roomB.id,
        })
      ).statusCode,
    ).toBe(404);

    const recalled = await call(app, world.professor, 'POST', `/breakouts/${view.id}/recall`);
    expect(recalled.json().status).toBe('recalled');
    await eventOn(byId.get(mover) as TestSocket, ch, 'breakout.recalled');
    expect(
      (await call(app, world.professor, 'POST', `/breakouts/${view.id}/broadcast`, { text: 'x' })).statusCode,
    ).toBe(409);
    const none = await call(app, first, 'GET', `/sessions/${session.id}/breakouts/current`);
    expect([none.statusCode, none.json()]).toEqual([200, null]);
  });

  it('recalls everyone by itself when the timer runs out', async () => {
    const session = await makeSession(app, world);
    const student = world.students[4] as Person;
    const socket = await connect(student);
    await subscribe(socket, `eduforum-session:${session.id}`);
    const started = await call(app, world.professor, 'POST', `/sessions/${session.id}/breakouts`, {
      rooms: 2,
      strategy: 'random',
      durationS: 1,
    });
    expect(started.json().rooms).toHaveLength(1); // one student: one room
    const frame = await eventOn(socket, `eduforum-session:${session.id}`, 'breakout.recalled');
    expect(frame.t === 'ev' && frame.d.payload).toMatchObject({ automatic: true });
  });
});

describe('assignment', () => {
  const people = fc.uniqueArray(
    fc.record({
      userId: fc.uuid(),
      name: fc.string({ maxLength: 8 }),
      grade: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    }),
    { selector: (p) => p.userId, minLength: 1, maxLength: 80 },
  );

  it('places everyone in exactly one room, with sizes differing by at most one', () => {
    fc.assert(
      fc.property(
        people,
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('random', 'round_robin', 'mixed_by_grade' as const),
        (list, rooms, strategy) => {
          const placed = assign(list as Candidate[], rooms, strategy);
          expect(placed.size).toBe(list.length);
          const sizes = Array.from(
            { length: rooms },
            (_, i) => [...placed.values()].filter((r) => r === i).length,
          );
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('mixes grades: every room gets someone of every quartile when quartiles are at least as big as the room count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 3 }), (rooms, extra) => {
        const count = rooms * 4 + extra;
        const list: Candidate[] = Array.from({ length: count }, (_, i) => ({
          userId: `u${i}`,
          name: `n${i}`,
          grade: i / count,
        }));
        const placed = assign(list, rooms, 'mixed_by_grade');
        const quartileOf = quartiles(list);
        for (let room = 0; room < rooms; room++) {
          const inRoom = list
            .filter((p) => placed.get(p.userId) === room)
            .map((p) => quartileOf.get(p.userId));
          expect(new Set(inRoom).size).toBe(4);
        }
      }),
    );
  });
});
