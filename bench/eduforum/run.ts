import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { call } from '@app/client';
import { eduforum } from '@app/eduforum-server';
import { migrate, platformMigrations } from '@app/platform';
import pg from 'pg';
import { scratchDatabase } from '../../host/src/tools/scratch-database.js';
import { forkServer, type ServerProcess } from '../realtime/servers/spawn.js';
import { pollRound, quizRound, startClass } from './class.js';
import { dbTiming } from './ipc.js';
import { percentiles } from './percentiles.js';
import { writeReport } from './report.js';
import { seedCourses } from './seed.js';

/**
 * `npm run bench:eduforum`: one 50-student live session on the full server. Poll rounds (every
 * student votes at once): vote -> the professor's live result, target p99 < 100 ms. Quiz rounds
 * (ten questions, submissions 20 ms apart): submission grading, target p99 < 20 ms. Writes
 * bench/results/eduforum.md and eduforum.json.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 50);
const POLL_ROUNDS = Number(process.env.BENCH_POLL_ROUNDS ?? 20);
const QUIZ_ROUNDS = Number(process.env.BENCH_QUIZ_ROUNDS ?? 20);
const QUIZ_SPACING_MS = 20;

async function main(): Promise<void> {
  const scratch = await scratchDatabase('bench_edu');
  let server: ServerProcess | undefined;
  try {
    const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
    await migrate(pool, [platformMigrations, eduforum]).finally(() => pool.end());
    // No Redis: one instance, the PostgreSQL bus as `npm start` runs it.
    const started = await forkServer(`${here}server.ts`, {
      ...process.env,
      BENCH_DATABASE_URL: scratch.url,
      REDIS_URL: '',
    });
    server = started;
    const [course] = await seedCourses(scratch.url, 1, STUDENTS);
    if (!course) throw new Error('no course');
    const live = await startClass(started.url, course);

    const questionIds: string[] = [];
    for (let q = 0; q < 10; q++) {
      const question = await call(
        live.api.POST('/api/v1/eduforum/courses/{courseId}/questions', {
          params: { path: { courseId: course.courseId } },
          body: {
            kind: 'single',
            prompt: `B-트리 문제 ${q + 1}`,
            options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `보기 ${id}` })),
            correct: ['a'],
            points: 1,
          },
        }),
      );
      questionIds.push(question.id);
    }

    // Warm-up round of each, not counted.
    await pollRound(live);
    await quizRound(
      live,
      questionIds,
      course.students.map((s) => s.token),
      QUIZ_SPACING_MS,
    );

    await dbTiming(started.child);
    const voteToResult: number[] = [];
    const voteAck: number[] = [];
    const rounds: number[] = [];
    for (let r = 0; r < POLL_ROUNDS; r++) {
      const round = await pollRound(live);
      voteToResult.push(...round.voteToResult);
      voteAck.push(...round.voteAck);
      rounds.push(round.round);
    }
    const pollDb = await dbTiming(started.child);
    const quiz: number[] = [];
    for (let r = 0; r < QUIZ_ROUNDS; r++) {
      quiz.push(
        ...(await quizRound(
          live,
          questionIds,
          course.students.map((s) => s.token),
          QUIZ_SPACING_MS,
        )),
      );
    }
    const memory = await started.measure();
    live.close();

    const results = {
      students: STUDENTS,
      voteToResult: percentiles(voteToResult),
      voteAck: percentiles(voteAck),
      pollRound: percentiles(rounds),
      quizSubmit: percentiles(quiz),
      serverRssMiB: Math.round(memory.rssBytes / 2 ** 20),
      poolMax: Number(process.env.DATABASE_POOL_MAX ?? 10),
      // Where the poll rounds' database time went (BENCH_DB_TIMING=1): pool wait and statements.
      pollDb: pollDb && {
        poolWait: percentiles(pollDb.poolWait),
        queries: Object.fromEntries(
          Object.entries(pollDb.queries)
            .map(([kind, ms]) => [kind, percentiles(ms)] as const)
            .sort((a, b) => b[1].count - a[1].count),
        ),
      },
    };
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    await mkdir(`${root}bench/results`, { recursive: true });
    await writeFile(
      `${root}bench/results/eduforum.json`,
      `${JSON.stringify(
        {
          machine,
          date: new Date().toISOString(),
          rounds: { polls: POLL_ROUNDS, quizzes: QUIZ_ROUNDS, quizSpacingMs: QUIZ_SPACING_MS },
          results,
        },
        null,
        2,
      )}\n`,
    );
    await writeReport();
    process.stdout.write('wrote bench/results/eduforum.md\n');
  } finally {
    await server?.stop();
    await scratch.dispose();
  }
}

await main();
