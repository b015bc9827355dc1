import { performance } from 'node:perf_hooks';
import { connect, type LiveClient } from './client.js';
import type { SeededCourse } from './seed.js';

/** How long one participant took to enter: socket open to `ready`, then `sub` and `snapshot` acked. */
export interface JoinTiming {
  connectMs: number;
  joinMs: number;
}

/** One live session of a seeded course: the professor and every student connected and in the room. */
export interface LiveClass {
  sessionId: string;
  professor: LiveClient;
  students: LiveClient[];
  api<T>(method: string, path: string, body?: unknown, token?: string): Promise<T>;
  close(): void;
}

type Api = <T>(method: string, path: string, body?: unknown, token?: string) => Promise<T>;

/** JSON calls to `/api/v1/eduforum` as the course's professor (or `token`). */
function courseApi(origin: string, course: SeededCourse): Api {
  return async <T>(
    method: string,
    path: string,
    body?: unknown,
    token = course.professor.token,
  ): Promise<T> => {
    const res = await fetch(`${origin}/api/v1/eduforum${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
}

/** Schedules a session of the course now and starts it (which notifies its members), as its professor. */
export async function startSession(origin: string, course: SeededCourse): Promise<string> {
  const api = courseApi(origin, course);
  const session = await api<{ id: string }>('POST', `/courses/${course.courseId}/sessions`, {
    title: '벤치마크 세션',
    scheduledAt: new Date().toISOString(),
    durationMin: 90,
  });
  await api('POST', `/sessions/${session.id}/start`);
  return session.id;
}

/**
 * Makes and starts a session of `course` through the API (unless `sessionId` names one already
 * live), then brings everyone in one after another (professor first, also on the staff channel),
 * as a class trickles into a room.
 */
export async function startClass(
  origin: string,
  course: SeededCourse,
  options: {
    localAddress?: string;
    onJoined?: (timing: JoinTiming) => void;
    sessionId?: string;
    /** False: the professor stays off the staff channel (and so does not start TalkTime's watch). */
    staff?: boolean;
  } = {},
): Promise<LiveClass> {
  const { localAddress, onJoined } = options;
  const api = courseApi(origin, course);
  const session = { id: options.sessionId ?? (await startSession(origin, course)) };
  const ch = `eduforum-session:${session.id}`;
  const join = async (token: string) => {
    const started = performance.now();
    const client = await connect(origin, token, localAddress);
    const connected = performance.now();
    const sub = await client.request({ t: 'sub', ch });
    if (sub.t !== 'ack') throw new Error(`sub failed: ${JSON.stringify(sub.d)}`);
    await client.emit(ch, 'snapshot');
    onJoined?.({ connectMs: connected - started, joinMs: performance.now() - connected });
    return client;
  };
  const professor = await join(course.professor.token);
  if (options.staff !== false) {
    const staff = await professor.request({ t: 'sub', ch: `eduforum-staff:${session.id}` });
    if (staff.t !== 'ack') throw new Error('staff channel refused');
  }
  const students: LiveClient[] = [];
  for (const s of course.students) students.push(await join(s.token));
  return {
    sessionId: session.id,
    professor,
    students,
    api,
    close() {
      professor.close();
      for (const s of students) s.close();
    },
  };
}

/**
 * One poll round: the professor opens a poll, every student votes at once (the burst after "vote
 * now"), and we time how long until the professor's live results count each vote. The k-th vote
 * to be acknowledged is counted once a `poll.results` event shows k voters.
 */
export async function pollRound(
  live: LiveClass,
  timeoutMs = 30_000,
  /** Results shown to the room too (the professor then also hears them on the session channel). */
  resultsVisible = false,
): Promise<{ voteToResult: number[]; voteAck: number[]; round: number; unseen: number; refused: number }> {
  const poll = await live.api<{ id: string; options: { id: string }[] }>(
    'POST',
    `/sessions/${live.sessionId}/polls`,
    {
      question: '인덱스가 가장 도움이 되는 쿼리는?',
      kind: 'single',
      options: [{ text: '범위 검색' }, { text: '전체 스캔' }, { text: '정렬' }, { text: '집계' }],
      resultsVisible,
    },
  );
  await live.api('POST', `/polls/${poll.id}/open`);
  // Lowered to the accepted votes once every ack is in (refused votes are never shown).
  let expected = live.students.length;
  let done = () => {};
  const seen: { voters: number; at: number }[] = [];
  let stopListening = () => {};
  let timer: NodeJS.Timeout | undefined;
  // A lost result must not stall the run: after the timeout the votes not shown count as unseen.
  const allSeen = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
    done = resolve;
    stopListening = live.professor.onEvent((_ch, event, payload, at) => {
      const results = payload as { pollId?: string; voters?: number };
      if (event !== 'poll.results' || results.pollId !== poll.id) return;
      seen.push({ voters: results.voters ?? 0, at });
      if ((results.voters ?? 0) >= expected) resolve();
    });
  });
  const ch = `eduforum-session:${live.sessionId}`;
  const started = performance.now();
  const acks = await Promise.all(
    live.students.map(async (student, i) => {
      const sent = performance.now();
      const reply = (await student
        .emit(ch, 'poll.vote', { pollId: poll.id, choices: [poll.options[i % 4]?.id ?? ''] })
        .catch(() => undefined)) as { error?: unknown } | undefined;
      // Refused votes (app errors come back in the ack) are counted, not timed.
      return { sent, acked: reply && !reply.error ? performance.now() : Number.NaN };
    }),
  );
  const byAck = acks.filter((a) => Number.isFinite(a.acked)).sort((a, b) => a.acked - b.acked);
  expected = byAck.length;
  if (seen.some((s) => s.voters >= expected)) done();
  await allSeen;
  clearTimeout(timer);
  stopListening();
  const voteToResult = byAck.map((vote, k) => {
    const shown = seen.find((s) => s.voters >= k + 1);
    return (shown?.at ?? Number.NaN) - vote.sent;
  });
  await live.api('POST', `/polls/${poll.id}/close`);
  return {
    voteToResult,
    voteAck: byAck.map((a) => a.acked - a.sent),
    round: (seen.find((s) => s.voters >= expected)?.at ?? Number.NaN) - started,
    unseen: voteToResult.filter((ms) => !Number.isFinite(ms)).length,
    refused: acks.length - byAck.length,
  };
}

/**
 * One quiz: ten questions from the bank; the students submit one after another, `spacingMs` apart
 * (a class finishing over a few seconds, open loop); returns each submission's latency (grading
 * and storing it).
 */
export async function quizRound(
  live: LiveClass,
  questionIds: string[],
  tokens: string[],
  spacingMs: number,
): Promise<number[]> {
  const quiz = await live.api<{ id: string }>('POST', `/sessions/${live.sessionId}/quizzes`, {
    title: '쪽지 시험',
    questionIds,
    timeLimitS: 600,
  });
  await live.api('POST', `/quizzes/${quiz.id}/open`);
  const latencies = await Promise.all(
    tokens.map(async (token, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * spacingMs));
      const answers = questionIds.map((questionId, q) => ({
        questionId,
        choices: [['a', 'b', 'c', 'd'][(i + q) % 4] ?? 'a'],
      }));
      const sent = performance.now();
      await live.api('POST', `/quizzes/${quiz.id}/submissions`, { answers }, token);
      return performance.now() - sent;
    }),
  );
  await live.api('POST', `/quizzes/${quiz.id}/close`);
  return latencies;
}
