import type { App } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakoutDeadlineKey, breakoutDeadlineTask, quizDeadlineKey, quizDeadlineTask } from './deadlines.js';
import { call, listenEduforum, makeCourse, makeSession, type World } from './test-support.js';

// A quiz's time limit and a breakout's timer are timers on the instance that started them; when
// that instance goes away, the deadline jobs they left behind still close and recall.
let database: TestDatabase;
let starter: App;
let survivor: App;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app: starter } = await listenEduforum(database.url));
  ({ app: survivor } = await listenEduforum(database.url));
  await survivor.platform.jobs.start();
  world = await makeCourse(starter, 2);
});

afterAll(async () => {
  await starter?.close();
  await survivor?.close();
  await database?.drop();
});

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('deadline jobs', () => {
  it('close a quiz and recall breakouts after the instance that started them stopped', async () => {
    const session = await makeSession(starter, world);
    const question = await call(starter, world.professor, 'POST', `/courses/${world.courseId}/questions`, {
      kind: 'true_false',
      prompt: 'B-트리는 균형 트리이다',
      correct: ['true'],
    });
    const quiz = await call(starter, world.professor, 'POST', `/sessions/${session.id}/quizzes`, {
      title: '쪽지 시험',
      questionIds: [question.json().id],
      timeLimitS: 60,
    });
    const quizId = quiz.json().id as string;
    expect((await call(starter, world.professor, 'POST', `/quizzes/${quizId}/open`)).statusCode).toBe(200);
    const breakout = await call(starter, world.professor, 'POST', `/sessions/${session.id}/breakouts`, {
      rooms: 2,
      strategy: 'round_robin',
      durationS: 600,
      participants: world.students.map((s) => s.id),
    });
    expect(breakout.statusCode, breakout.body).toBe(201);
    const breakoutId = breakout.json().id as string;

    // The jobs wait for the deadlines, a little after the local timers would have acted.
    const { rows: jobs } = await survivor.platform.pool.query<{ key: string; run_at: Date }>(
      `select key, run_at from graphile_worker._private_jobs where key = any($1) order by key`,
      [[breakoutDeadlineKey(breakoutId), quizDeadlineKey(quizId)]],
    );
    expect(jobs.map((j) => j.key)).toEqual([breakoutDeadlineKey(breakoutId), quizDeadlineKey(quizId)]);

    // The instance goes away with its timers; the deadlines pass.
    await starter.close();
    await survivor.platform.pool.query(
      `update eduforum.quizzes set closes_at = now() - interval '10 seconds' where id = $1`,
      [quizId],
    );
    await survivor.platform.pool.query(
      `update eduforum.breakouts set ends_at = now() - interval '1 second' where id = $1`,
      [breakoutId],
    );
    // Time passing is simulated by making the jobs due now (same keys: they replace the waiting ones).
    await survivor.platform.jobs.enqueue(
      quizDeadlineTask,
      { quizId },
      { key: quizDeadlineKey(quizId), runAt: new Date() },
    );
    await survivor.platform.jobs.enqueue(
      breakoutDeadlineTask,
      { breakoutId },
      { key: breakoutDeadlineKey(breakoutId), runAt: new Date() },
    );

    const status = async (table: string, id: string) =>
      (
        await survivor.platform.pool.query<{ status: string }>(`select status from ${table} where id = $1`, [
          id,
        ])
      ).rows[0]?.status;
    await waitFor(async () => (await status('eduforum.quizzes', quizId)) === 'closed', 'the quiz to close');
    await waitFor(async () => (await status('eduforum.breakouts', breakoutId)) === 'recalled', 'the recall');
    const { rows: recalled } = await survivor.platform.pool.query<{ data: { automatic: boolean } }>(
      `select data from eduforum.session_events where session_id = $1 and kind = 'breakout.recalled'`,
      [session.id],
    );
    expect(recalled.map((r) => r.data.automatic)).toEqual([true]);
  }, 60_000);

  it('leaves quizzes and breakouts alone when their deadline has not passed', async () => {
    const session = await makeSession(survivor, world);
    const breakout = await call(survivor, world.professor, 'POST', `/sessions/${session.id}/breakouts`, {
      rooms: 2,
      strategy: 'random',
      durationS: 600,
      participants: world.students.map((s) => s.id),
    });
    const breakoutId = breakout.json().id as string;
    const jobId = await survivor.platform.jobs.enqueue(
      breakoutDeadlineTask,
      { breakoutId },
      { key: breakoutDeadlineKey(breakoutId), runAt: new Date() },
    );
    await waitFor(
      async () =>
        (
          await survivor.platform.pool.query(`select 1 from graphile_worker._private_jobs where id = $1`, [
            jobId,
          ])
        ).rowCount === 0,
      'the job to run',
    );
    const { rows } = await survivor.platform.pool.query<{ status: string }>(
      `select status from eduforum.breakouts where id = $1`,
      [breakoutId],
    );
    expect(rows[0]?.status).toBe('running');
  }, 60_000);
});
