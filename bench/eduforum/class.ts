import { performance } from 'node:perf_hooks';
import { connect, type LiveClient } from './client.js';
import type { SeededCourse } from './seed.js';

/** One live session of a seeded course: the professor and every student connected and in the room. */
export interface LiveClass {
  sessionId: string;
  professor: LiveClient;
  students: LiveClient[];
  api<T>(method: string, path: string, body?: unknown, token?: string): Promise<T>;
  close(): void;
}

export async function startClass(
  origin: string,
  course: SeededCourse,
  localAddress?: string,
): Promise<LiveClass> {
  const api = async <T>(
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
  const session = await api<{ id: string }>('POST', `/courses/${course.courseId}/sessions`, {
    title: '벤치마크 세션',
    scheduledAt: new Date().toISOString(),
    durationMin: 90,
  });
  await api('POST', `/sessions/${session.id}/start`);
  const ch = `eduforum-session:${session.id}`;
  const join = async (token: string) => {
    const client = await connect(origin, token, localAddress);
    const sub = await client.request({ t: 'sub', ch });
    if (sub.t !== 'ack') throw new Error(`sub failed: ${JSON.stringify(sub.d)}`);
    await client.emit(ch, 'snapshot');
    return client;
  };
  const professor = await join(course.professor.token);
  const staff = await professor.request({ t: 'sub', ch: `eduforum-staff:${session.id}` });
  if (staff.t !== 'ack') throw new Error('staff channel refused');
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
): Promise<{ voteToResult: number[]; voteAck: number[]; round: number }> {
  const poll = await live.api<{ id: string; options: { id: string }[] }>(
    'POST',
    `/sessions/${live.sessionId}/polls`,
    {
      question: '인덱스가 가장 도움이 되는 쿼리는?',
      kind: 'single',
      options: [{ text: '범위 검색' }, { text: '전체 스캔' }, { text: '정렬' }, { text: '집계' }],
    },
  );
  await live.api('POST', `/polls/${poll.id}/open`);
  const expected = live.students.length;
  const seen: { voters: number; at: number }[] = [];
  let stopListening = () => {};
  const allSeen = new Promise<void>((resolve) => {
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
      await student.emit(ch, 'poll.vote', { pollId: poll.id, choices: [poll.options[i % 4]?.id ?? ''] });
      return { sent, acked: performance.now() };
    }),
  );
  await allSeen;
  stopListening();
  const byAck = [...acks].sort((a, b) => a.acked - b.acked);
  const voteToResult = byAck.map((vote, k) => {
    const shown = seen.find((s) => s.voters >= k + 1);
    return (shown?.at ?? Number.NaN) - vote.sent;
  });
  await live.api('POST', `/polls/${poll.id}/close`);
  return {
    voteToResult,
    voteAck: acks.map((a) => a.acked - a.sent),
    round: (seen.find((s) => s.voters >= expected)?.at ?? Number.NaN) - started,
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
