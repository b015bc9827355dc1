import type { App } from '@app/platform';
import { createTestDatabase, openSocket, type TestDatabase, type TestSocket } from '@app/platform/testing';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, listenEduforum, makeCourse, makeSession, type Person, type World } from '../test-support.js';

let database: TestDatabase;
let app: App;
let wsUrl: string;
let world: World;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, wsUrl } = await listenEduforum(database.url));
  world = await makeCourse(app, 4);
});

afterAll(async () => {
  for (const socket of sockets) socket.ws.close();
  await app?.close();
  await database?.drop();
});

const request = (socket: TestSocket, frame: Record<string, unknown>) => socket.request(frame);
/** Publishes a client event and returns the ack's data. */
async function emit(socket: TestSocket, ch: string, event: string, payload: unknown = {}): Promise<unknown> {
  const reply = await request(socket, { t: 'pub', ch, d: { event, payload } });
  if (reply.t === 'err') return { protocolError: reply.d.code };
  return reply.t === 'ack' ? reply.d : undefined;
}
const eventOn = (
  socket: TestSocket,
  ch: string,
  event: string,
  match: (payload: never) => boolean = () => true,
) => socket.next((f) => f.t === 'ev' && f.ch === ch && f.d.event === event && match(f.d.payload as never));

async function join(person: Person, ch: string): Promise<TestSocket> {
  const socket = await openSocket(wsUrl, person.token);
  sockets.push(socket);
  expect(await request(socket, { t: 'sub', ch })).toMatchObject({ t: 'ack' });
  return socket;
}

describe('the live room', () => {
  it('joins with a snapshot, keeps an ordered hand queue with call-on, relays reactions with a limit, and records a timeline', async () => {
    const session = await makeSession(app, world);
    const ch = `eduforum-session:${session.id}`;
    const [s1, s2] = world.students as [Person, Person];
    const prof = await join(world.professor, ch);
    const a = await join(s1, ch);
    const b = await join(s2, ch);
    const snap = (await emit(a, ch, 'snapshot')) as {
      participants: { userId: string; role: string }[];
      me: { role: string };
      chatRoomId: string;
    };
    expect(snap.me.role).toBe('student');
    expect(snap.participants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: world.professor.id, role: 'professor' }),
        expect.objectContaining({ userId: s2.id, role: 'student' }),
      ]),
    );
    expect(snap.chatRoomId).toBe(session.chatRoomId);

    const outsider = await openSocket(wsUrl, world.outsider.token);
    sockets.push(outsider);
    expect(await request(outsider, { t: 'sub', ch })).toMatchObject({ t: 'err', d: { code: 'FORBIDDEN' } });

    await emit(b, ch, 'hand.raise');
    await emit(a, ch, 'hand.raise');
    const queue = await eventOn(prof, ch, 'hand.queue', (p: { hands: unknown[] }) => p.hands.length === 2);
    expect(
      queue.t === 'ev' && (queue.d.payload as { hands: { userId: string }[] }).hands.map((h) => h.userId),
    ).toEqual([s2.id, s1.id]);
    expect(await emit(a, ch, 'hand.callOn', { userId: s2.id })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await emit(prof, ch, 'hand.callOn', { userId: s2.id })).toEqual({ ok: true });
    await eventOn(a, ch, 'hand.calledOn', (p: { userId: string }) => p.userId === s2.id);
    expect(await emit(prof, ch, 'hand.callOn', { userId: s2.id })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(await emit(a, ch, 'hand.lower', { userId: s2.id })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });

    const results = [];
    for (let i = 0; i < 7; i++) results.push(await emit(a, ch, 'react', { kind: 'clap' }));
    expect(results.slice(0, 5)).toEqual(Array(5).fill({ ok: true }));
    expect(results.at(-1)).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    await eventOn(b, ch, 'reaction', (p: { from: string }) => p.from === s1.id);
    expect(await emit(a, ch, 'react', { kind: 'nonsense' })).toEqual({ protocolError: 'INVALID_PAYLOAD' });

    const timeline = await call(app, world.ta, 'GET', `/sessions/${session.id}/timeline?limit=100`);
    expect(timeline.json().items.map((r: { kind: string }) => r.kind)).toEqual(
      expect.arrayContaining(['session.live', 'participant.joined', 'hand.raise', 'hand.calledOn']),
    );
    expect((await call(app, s1, 'GET', `/sessions/${session.id}/timeline`)).statusCode).toBe(403);
  });

  it('lets the professor lock, spotlight, ask to mute and remove; students cannot', async () => {
    const session = await makeSession(app, world);
    const ch = `eduforum-session:${session.id}`;
    const [s1, s2, s3] = world.students as [Person, Person, Person];
    const prof = await join(world.professor, ch);
    const a = await join(s1, ch);
    const ta = await join(world.ta, ch);
    expect(await emit(a, ch, 'control.lock', { locked: true })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await emit(ta, ch, 'control.lock', { locked: true })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await emit(a, ch, 'control.mute', { userId: s2.id })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await emit(ta, ch, 'control.mute', { userId: s1.id })).toEqual({ ok: true });
    await eventOn(a, ch, 'control.muteRequested', (p: { userId: string }) => p.userId === s1.id);
    expect(await emit(prof, ch, 'control.spotlight', { userId: s1.id })).toEqual({ ok: true });
    await eventOn(a, ch, 'control.spotlight', (p: { userId: string }) => p.userId === s1.id);

    expect(await emit(prof, ch, 'control.lock', { locked: true })).toEqual({ ok: true });
    await eventOn(a, ch, 'control.lock');
    const late = await openSocket(wsUrl, s3.token);
    sockets.push(late);
    expect(await request(late, { t: 'sub', ch })).toMatchObject({
      t: 'err',
      d: { code: 'FORBIDDEN', details: { reason: 'locked' } },
    });
    await emit(prof, ch, 'control.lock', { locked: false });
    expect(await request(late, { t: 'sub', ch })).toMatchObject({ t: 'ack' });

    expect(await emit(prof, ch, 'control.remove', { userId: world.professor.id })).toMatchObject({
      error: { code: 'BAD_REQUEST' },
    });
    expect(await emit(prof, ch, 'control.remove', { userId: s3.id })).toEqual({ ok: true });
    await eventOn(late, ch, 'control.removed', (p: { userId: string }) => p.userId === s3.id);
    // Their socket is taken out of the room: it hears nothing more and cannot act in it.
    await eventOn(late, ch, 'channel.removed');
    expect(await emit(late, ch, 'hand.raise')).toEqual({ protocolError: 'NOT_SUBSCRIBED' });
    const again = await openSocket(wsUrl, s3.token);
    sockets.push(again);
    expect(await request(again, { t: 'sub', ch })).toMatchObject({
      t: 'err',
      d: { code: 'FORBIDDEN', details: { reason: 'removed' } },
    });
    const snapshot = (await emit(prof, ch, 'snapshot')) as { spotlightUserId: string; locked: boolean };
    expect(snapshot).toMatchObject({ spotlightUserId: s1.id, locked: false });
  });

  it('aggregates chat, hands, votes and speaking into TalkTime on the staff channel and persists it', async () => {
    const session = await makeSession(app, world);
    const ch = `eduforum-session:${session.id}`;
    const staff = `eduforum-staff:${session.id}`;
    const [s1, s2] = world.students as [Person, Person];
    const a = await join(s1, ch);
    const b = await join(s2, ch);
    expect(await request(a, { t: 'sub', ch: staff })).toMatchObject({ t: 'err', d: { code: 'FORBIDDEN' } });
    const prof = await join(world.professor, staff);
    await emit(a, ch, 'snapshot');
    const message = (await emit(a, ch, 'chat', { body: '질문 있습니다' })) as { body: string };
    expect(message.body).toBe('질문 있습니다');
    await emit(a, ch, 'hand.raise');
    // Speech before the session started is not counted: let it have started a minute ago.
    await app.platform.pool.query(
      "update eduforum.sessions set started_at = now() - interval '1 minute' where id = $1",
      [session.id],
    );
    const now = Date.now();
    expect(await emit(b, ch, 'speaking', { startedAt: now - 10_000, endedAt: now - 4_000 })).toEqual({
      acceptedMs: 6_000,
    });
    // An overlapping report only adds what is new.
    expect(await emit(b, ch, 'speaking', { startedAt: now - 5_000, endedAt: now - 2_000 })).toEqual({
      acceptedMs: 2_000,
    });
    expect(await emit(b, ch, 'speaking', { startedAt: now, endedAt: now - 1 })).toMatchObject({
      protocolError: 'INVALID_PAYLOAD',
    });
    const update = await eventOn(
      prof,
      staff,
      'talktime',
      (p: {
        participants: { userId: string; speakingMs: number; chatMessages: number; handRaises: number }[];
      }) => {
        const first = p.participants.find((x) => x.userId === s1.id);
        const second = p.participants.find((x) => x.userId === s2.id);
        return first?.chatMessages === 1 && first.handRaises === 1 && second?.speakingMs === 8_000;
      },
    );
    expect(update.t).toBe('ev');
    const stored = await app.platform.pool.query(
      'select user_id, speaking_ms, chat_messages, hand_raises from eduforum.participation where session_id = $1',
      [session.id],
    );
    const rest = await call(app, world.professor, 'GET', `/sessions/${session.id}/participation`);
    expect(rest.json().items).toEqual(
      expect.arrayContaining([expect.objectContaining({ userId: s2.id, speakingMs: 8000 })]),
    );
    expect(stored.rows).toEqual(
      expect.arrayContaining([expect.objectContaining({ user_id: s2.id, speaking_ms: 8000 })]),
    );
  });
});

describe('polls', () => {
  it('runs a poll: launch, vote once and change, live results to the professor, close, export', async () => {
    const session = await makeSession(app, world);
    const ch = `eduforum-session:${session.id}`;
    const staff = `eduforum-staff:${session.id}`;
    const [s1, s2, s3] = world.students as [Person, Person, Person];
    const prof = await join(world.professor, staff);
    const student = await join(s1, ch);
    expect(
      (
        await call(app, s1, 'POST', `/sessions/${session.id}/polls`, {
          question: 'x',
          kind: 'single',
          options: [{ text: 'a' }, { text: 'b' }],
        })
      ).statusCode,
    ).toBe(403);
    const bad = await call(app, world.professor, 'POST', `/sessions/${session.id}/polls`, {
      question: 'B-트리 차수?',
      kind: 'single',
      options: [{ text: '하나' }],
    });
    expect(bad.statusCode).toBe(400);
    const created = await call(app, world.professor, 'POST', `/sessions/${session.id}/polls`, {
      question: 'B+트리에서 데이터는 어디에?',
      kind: 'single',
      options: [{ text: '리프', correct: true }, { text: '내부 노드' }, { text: '루트' }],
      points: 2,
    });
    expect(created.statusCode).toBe(201);
    const pollId = created.json().id as string;
    expect((await call(app, s1, 'PUT', `/polls/${pollId}/vote`, { choices: ['a'] })).json().error.code).toBe(
      'POLL_NOT_OPEN',
    );
    expect((await call(app, world.ta, 'POST', `/polls/${pollId}/open`)).statusCode).toBe(200);
    const opened = await eventOn(student, ch, 'poll.opened');
    expect(opened.t === 'ev' && (opened.d.payload as { options: object[] }).options[0]).toEqual({
      id: 'a',
      text: '리프',
    });

    expect((await call(app, s1, 'PUT', `/polls/${pollId}/vote`, { choices: ['b'] })).json()).toEqual({
      pollId,
      changed: false,
    });
    expect((await call(app, s1, 'PUT', `/polls/${pollId}/vote`, { choices: ['a'] })).json()).toEqual({
      pollId,
      changed: true,
    });
    // Over the socket too; a poll of another session is not found through this channel.
    expect(await emit(student, ch, 'poll.vote', { pollId, choices: ['b'] })).toEqual({
      pollId,
      changed: true,
    });
    expect(await emit(student, ch, 'poll.vote', { pollId, choices: ['a'] })).toEqual({
      pollId,
      changed: true,
    });
    expect(await emit(student, ch, 'poll.vote', { pollId, choices: ['a'], text: 'x' })).toEqual({
      protocolError: 'INVALID_PAYLOAD',
    });
    expect((await call(app, s2, 'PUT', `/polls/${pollId}/vote`, { choices: ['c'] })).statusCode).toBe(200);
    expect((await call(app, s2, 'PUT', `/polls/${pollId}/vote`, { choices: ['a', 'b'] })).statusCode).toBe(
      400,
    );
    expect((await call(app, s2, 'PUT', `/polls/${pollId}/vote`, { choices: ['z'] })).statusCode).toBe(400);
    expect((await call(app, s2, 'PUT', `/polls/${pollId}/vote`, { text: 'leaf' })).statusCode).toBe(400);
    expect(
      (await call(app, world.outsider, 'PUT', `/polls/${pollId}/vote`, { choices: ['a'] })).statusCode,
    ).toBe(404);
    const live = await eventOn(
      prof,
      staff,
      'poll.results',
      (p: { voters: number; counts: Record<string, number> }) =>
        p.voters === 2 && p.counts.a === 1 && p.counts.c === 1,
    );
    expect(live.t).toBe('ev');
    expect((await call(app, s1, 'GET', `/polls/${pollId}/results`)).statusCode).toBe(403);

    expect((await call(app, s1, 'POST', `/polls/${pollId}/close`)).statusCode).toBe(403);
    expect((await call(app, world.professor, 'POST', `/polls/${pollId}/close`)).json().status).toBe('closed');
    const late = await call(app, s3, 'PUT', `/polls/${pollId}/vote`, { choices: ['a'] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('POLL_NOT_OPEN');
    const closedList = await call(app, s1, 'GET', `/sessions/${session.id}/polls`);
    expect(closedList.json().items[0].options[0]).toMatchObject({ correct: true });

    const text = await call(app, world.professor, 'POST', `/sessions/${session.id}/polls`, {
      question: '오늘 배운 것 한 줄',
      kind: 'text',
      anonymous: true,
      resultsVisible: true,
    });
    const textId = text.json().id as string;
    await call(app, world.professor, 'POST', `/polls/${textId}/open`);
    await call(app, s2, 'PUT', `/polls/${textId}/vote`, { text: '인덱스는 정렬된 사본' });
    const shown = await call(app, s1, 'GET', `/polls/${textId}/results`);
    expect(shown.json().texts).toEqual([{ text: '인덱스는 정렬된 사본', userId: null }]);
    const forProf = await call(app, world.professor, 'GET', `/polls/${textId}/results`);
    expect(forProf.json().texts[0].userId).toBeNull(); // anonymous even for staff

    const exported = await call(app, world.professor, 'GET', `/sessions/${session.id}/polls/export`);
    expect(exported.headers['content-type']).toMatch(/text\/csv/);
    const rows = parse(exported.body, { columns: true, bom: true }) as Record<string, string>[];
    const s1Row = rows.find((r) => r.student_email === s1.email && r.poll_id === pollId);
    expect(s1Row).toMatchObject({ answer: '리프', correct: 'yes', points: '2' });
    const s2Row = rows.find((r) => r.student_email === s2.email && r.poll_id === pollId);
    expect(s2Row).toMatchObject({ answer: '루트', correct: 'no', points: '0' });
    expect(rows.find((r) => r.student_email === s2.email && r.poll_id === textId)?.answer).toBe(
      '(anonymous)',
    );
    expect((await call(app, s1, 'GET', `/sessions/${session.id}/polls/export`)).statusCode).toBe(403);
    // Ending the session closes what is still open.
    await call(app, world.professor, 'POST', `/sessions/${session.id}/end`);
    const after = await call(app, world.professor, 'GET', `/sessions/${session.id}/polls`);
    expect(after.json().items.map((p: { status: string }) => p.status)).toEqual(['closed', 'closed']);
  });
});
