import { performance } from 'node:perf_hooks';
import { type AppApi, call, createApiClient } from '@app/client';
import type { EduforumPaths } from '@app/eduforum-contracts';
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
  /** eduforum's typed API as the course's professor. */
  api: EduforumApi;
  /** The same as the holder of `token` (a student). */
  apiAs(token: string): EduforumApi;
  close(): void;
}

/** eduforum's typed client: the platform's paths and eduforum's own. */
export type EduforumApi = AppApi<EduforumPaths>;

/** eduforum's API at `origin` as the holder of `token` (no deadline: the benchmark waits it out). */
export function eduforumApi(origin: string, token: string): EduforumApi {
  return createApiClient<EduforumPaths>({ baseUrl: origin, accessToken: () => token, timeoutMs: 0 });
}

/** Schedules a session of the course now and starts it (which notifies its members), as its professor. */
export async function startSession(origin: string, course: SeededCourse): Promise<string> {
  const api = eduforumApi(origin, course.professor.token);
  const session = await call(
    api.POST('/api/v1/eduforum/courses/{courseId}/sessions', {
      params: { path: { courseId: course.courseId } },
      body: { title: '벤치마크 세션', scheduledAt: new Date().toISOString(), durationMin: 90 },
    }),
  );
  await call(
    api.POST('/api/v1/eduforum/sessions/{sessionId}/start', { params: { path: { sessionId: session.id } } }),
  );
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
  const api = eduforumApi(origin, course.professor.token);
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
    apiAs: (token) => eduforumApi(origin, token),
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
  const poll = await call(
    live.api.POST('/api/v1/eduforum/sessions/{sessionId}/polls', {
      params: { path: { sessionId: live.sessionId } },
      body: {
        question: '인덱스가 가장 도움이 되는 쿼리는?',
        kind: 'single',
        options: [{ text: '범위 검색' }, { text: '전체 스캔' }, { text: '정렬' }, { text: '집계' }],
        resultsVisible,
      },
    }),
  );
  const pollPath = { params: { path: { pollId: poll.id } } };
  await call(live.api.POST('/api/v1/eduforum/polls/{pollId}/open', pollPath));
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
  await call(live.api.POST('/api/v1/eduforum/polls/{pollId}/close', pollPath));
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
  const quiz = await call(
    live.api.POST('/api/v1/eduforum/sessions/{sessionId}/quizzes', {
      params: { path: { sessionId: live.sessionId } },
      body: { title: '쪽지 시험', questionIds, timeLimitS: 600 },
    }),
  );
  const quizPath = { params: { path: { quizId: quiz.id } } };
  await call(live.api.POST('/api/v1/eduforum/quizzes/{quizId}/open', quizPath));
  const students = tokens.map((token) => live.apiAs(token));
  const latencies = await Promise.all(
    students.map(async (student, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * spacingMs));
      const answers = questionIds.map((questionId, q) => ({
        questionId,
        choices: [['a', 'b', 'c', 'd'][(i + q) % 4] ?? 'a'],
      }));
      const sent = performance.now();
      await call(
        student.POST('/api/v1/eduforum/quizzes/{quizId}/submissions', { ...quizPath, body: { answers } }),
      );
      return performance.now() - sent;
    }),
  );
  await call(live.api.POST('/api/v1/eduforum/quizzes/{quizId}/close', quizPath));
  return latencies;
}
