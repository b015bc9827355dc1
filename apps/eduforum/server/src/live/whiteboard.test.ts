import { type App, openCollabDocument } from '@app/platform';
import { createTestDatabase, openSocket, type TestDatabase } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  call,
  listenEduforum,
  makeCourse,
  makePerson,
  makeSession,
  type Person,
  type World,
} from '../test-support.js';

let database: TestDatabase;
let app: App;
let collabUrl: string;
let wsUrl: string;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  const listening = await listenEduforum(database.url);
  app = listening.app;
  wsUrl = listening.wsUrl;
  collabUrl = listening.wsUrl.replace(/\/ws$/, '/collab');
  world = await makeCourse(app, 2);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('whiteboards', () => {
  it('shares a stroke between participants, keeps outsiders out, persists the board and freezes it after the session', async () => {
    const session = await makeSession(app, world);
    const name = `eduforum.session.${session.id}`;
    const [s1] = world.students as [Person];
    const prof = openCollabDocument(collabUrl, name, world.professor.token);
    const student = openCollabDocument(collabUrl, name, s1.token);
    expect(await prof.authenticated).toBe('read-write');
    expect(await student.authenticated).toBe('read-write');
    await Promise.all([prof.synced, student.synced]);
    const stroke = new Y.Map<unknown>();
    stroke.set('tool', 'pen');
    stroke.set('color', '#d00');
    stroke.set('points', [0, 0, 40, 30]);
    student.doc.getArray<Y.Map<unknown>>('shapes').push([stroke]);
    await prof.until((doc) => doc.getArray('shapes').length === 1);
    expect((prof.doc.getArray<Y.Map<unknown>>('shapes').get(0) as Y.Map<unknown>).get('color')).toBe('#d00');

    await expect(openCollabDocument(collabUrl, name, world.outsider.token).authenticated).rejects.toThrow();
    await expect(
      openCollabDocument(collabUrl, 'eduforum.session.00000000-0000-7000-8000-000000000000', s1.token)
        .authenticated,
    ).rejects.toThrow();

    prof.close();
    student.close();
    await call(app, world.professor, 'POST', `/sessions/${session.id}/end`);
    const later = openCollabDocument(collabUrl, name, s1.token);
    expect(await later.authenticated).toBe('readonly');
    await later.until((doc) => doc.getArray('shapes').length === 1);
    later.close();
    // The board is stored when its last client leaves; wait for that write (not for time).
    const stored = new Y.Doc();
    for (let tries = 0; stored.getArray('shapes').length === 0; tries++) {
      if (tries > 500) throw new Error('the board was never stored');
      const row = await app.platform.pool.query<{ state: Buffer }>(
        'select state from eduforum.collab_documents where name = $1',
        [name],
      );
      if (row.rows[0]) Y.applyUpdate(stored, new Uint8Array(row.rows[0].state));
    }
    expect(stored.getArray('shapes').length).toBe(1);
  });

  it('lets staff decide who draws on the main board: everyone, staff only, or chosen students', async () => {
    const session = await makeSession(app, world);
    const name = `eduforum.session.${session.id}`;
    const ch = `eduforum-session:${session.id}`;
    const [s1, s2] = world.students as [Person, Person];
    const scope = async (person: Person) => {
      const connection = openCollabDocument(collabUrl, name, person.token);
      const granted = await connection.authenticated;
      connection.close();
      return granted;
    };
    const control = async (person: Person, payload: unknown) => {
      const socket = await openSocket(wsUrl, person.token);
      await socket.request({ t: 'sub', ch });
      const reply = await socket.request({ t: 'pub', ch, d: { event: 'control.board', payload } });
      const snapshot = await socket.request({ t: 'pub', ch, d: { event: 'snapshot', payload: {} } });
      socket.ws.close();
      return { reply, board: snapshot.t === 'ack' ? (snapshot.d as { board?: unknown }).board : undefined };
    };
    expect(await scope(s1)).toBe('read-write');
    // A student cannot take the pen away; staff can.
    expect((await control(s1, { access: 'staff' })).reply).toMatchObject({
      d: { error: { code: 'FORBIDDEN' } },
    });
    const staffOnly = await control(world.ta, { access: 'staff' });
    expect(staffOnly.board).toEqual({ access: 'staff', writers: [] });
    expect([await scope(s1), await scope(world.ta), await scope(world.professor)]).toEqual([
      'readonly',
      'read-write',
      'read-write',
    ]);
    // Chosen students only (people of the course; anyone else is refused).
    const outsider = await control(world.professor, { access: 'chosen', writers: [world.outsider.id] });
    expect(outsider.reply).toMatchObject({ d: { error: { code: 'BAD_REQUEST' } } });
    const chosen = await control(world.professor, { access: 'chosen', writers: [s2.id] });
    expect(chosen.board).toEqual({ access: 'chosen', writers: [s2.id] });
    expect([await scope(s1), await scope(s2)]).toEqual(['readonly', 'read-write']);
    await control(world.professor, { access: 'everyone' });
    expect(await scope(s1)).toBe('read-write');
  });

  it('shares notes in the room while it runs, read-only afterwards, never with outsiders', async () => {
    const session = await makeSession(app, world);
    const name = `eduforum.notes.${session.id}`;
    const [s1] = world.students as [Person];
    // The staff's board setting is about the whiteboard: everyone in the room writes notes.
    await app.platform.pool.query(`update eduforum.sessions set board_access = 'staff' where id = $1`, [
      session.id,
    ]);
    const student = openCollabDocument(collabUrl, name, s1.token);
    const prof = openCollabDocument(collabUrl, name, world.professor.token);
    expect([await student.authenticated, await prof.authenticated]).toEqual(['read-write', 'read-write']);
    await Promise.all([student.synced, prof.synced]);
    student.doc.getText('notes').insert(0, '인덱스: B-tree는 범위 검색에 좋다');
    await prof.until((doc) => doc.getText('notes').toString().startsWith('인덱스'));
    await expect(openCollabDocument(collabUrl, name, world.outsider.token).authenticated).rejects.toThrow();
    student.close();
    prof.close();
    await call(app, world.professor, 'POST', `/sessions/${session.id}/end`);
    const later = openCollabDocument(collabUrl, name, s1.token);
    expect(await later.authenticated).toBe('readonly');
    later.close();
  });

  it('gives each breakout room its own board, for its members and staff only', async () => {
    const session = await makeSession(app, world);
    const [s1, s2] = world.students as [Person, Person];
    const started = await call(app, world.professor, 'POST', `/sessions/${session.id}/breakouts`, {
      rooms: 2,
      strategy: 'round_robin',
      participants: [s1.id, s2.id],
    });
    const rooms = started.json().rooms as { whiteboard: string; members: string[] }[];
    const mine = rooms.find((r) => r.members.includes(s1.id));
    const theirs = rooms.find((r) => !r.members.includes(s1.id));
    if (!mine || !theirs) throw new Error('rooms');
    const member = openCollabDocument(collabUrl, mine.whiteboard, s1.token);
    expect(await member.authenticated).toBe('read-write');
    await expect(openCollabDocument(collabUrl, theirs.whiteboard, s1.token).authenticated).rejects.toThrow();
    const ta = openCollabDocument(collabUrl, theirs.whiteboard, world.ta.token);
    expect(await ta.authenticated).toBe('read-write');
    member.close();
    ta.close();
  });

  it('turns open boards read-only when the session ends', async () => {
    const session = await makeSession(app, world);
    const name = `eduforum.session.${session.id}`;
    const [s1] = world.students as [Person];
    await call(app, world.professor, 'POST', `/sessions/${session.id}/start`);
    const open = openCollabDocument(collabUrl, name, s1.token);
    expect(await open.authenticated).toBe('read-write');
    await open.synced;
    await call(app, world.professor, 'POST', `/sessions/${session.id}/end`);
    // Access is checked on connect: ending the session drops the board's connections, and the
    // client (the browser's provider does it by itself) reconnects and is checked again.
    expect(await open.closed).toBe(4205);
    const again = openCollabDocument(collabUrl, name, s1.token);
    expect(await again.authenticated).toBe('readonly');
    again.close();
  });

  it('takes a moved student off their old room board, and recall makes room boards read-only', async () => {
    const session = await makeSession(app, world);
    const [s1, s2] = world.students as [Person, Person];
    const started = await call(app, world.professor, 'POST', `/sessions/${session.id}/breakouts`, {
      rooms: 2,
      strategy: 'round_robin',
      participants: [s1.id, s2.id],
    });
    const breakout = started.json() as {
      id: string;
      rooms: { id: string; whiteboard: string; members: string[] }[];
    };
    const from = breakout.rooms.find((r) => r.members.includes(s1.id));
    const to = breakout.rooms.find((r) => !r.members.includes(s1.id));
    if (!from || !to) throw new Error('rooms');
    const old = openCollabDocument(collabUrl, from.whiteboard, s1.token);
    expect(await old.authenticated).toBe('read-write');
    await old.synced;
    await call(app, world.professor, 'PUT', `/breakouts/${breakout.id}/members/${s1.id}`, { roomId: to.id });
    expect(await old.closed).toBe(4205);
    await expect(openCollabDocument(collabUrl, from.whiteboard, s1.token).authenticated).rejects.toThrow();
    const next = openCollabDocument(collabUrl, to.whiteboard, s1.token);
    expect(await next.authenticated).toBe('read-write');
    await next.synced;
    await call(app, world.professor, 'POST', `/breakouts/${breakout.id}/recall`);
    expect(await next.closed).toBe(4205);
    const after = openCollabDocument(collabUrl, to.whiteboard, s1.token);
    expect(await after.authenticated).toBe('readonly');
    after.close();
    // Recalled, every room's board is the whole class's to look at (and listed for the recap).
    // A classmate who was in no room (enrolled after the breakout).
    const classmate = await makePerson(app, '늦게 온 학생');
    await app.platform.pool.query(
      `insert into eduforum.course_members (course_id, user_id, role) values ($1, $2, 'student')`,
      [world.courseId, classmate.id],
    );
    const shown = openCollabDocument(collabUrl, from.whiteboard, classmate.token);
    expect(await shown.authenticated).toBe('readonly');
    shown.close();
    await expect(
      openCollabDocument(collabUrl, from.whiteboard, world.outsider.token).authenticated,
    ).rejects.toThrow();
    const listed = await call(app, classmate, 'GET', `/sessions/${session.id}/breakouts`);
    expect(listed.json().items.map((b: { id: string; status: string }) => [b.id, b.status])).toEqual([
      [breakout.id, 'recalled'],
    ]);
  });
});
