import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { eduforum } from '@app/eduforum-server';
import { migrate, platformMigrations } from '@app/platform';
import pg from 'pg';
import { scratchDatabase } from '../../host/src/tools/scratch-database.js';
import { forkServer, type ServerProcess } from '../realtime/servers/spawn.js';
import { pollRound, quizRound, startClass } from './class.js';
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

function percentiles(values: number[]) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(
      (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN) * 100,
    ) / 100;
  return { count: sorted.length, p50: at(50), p90: at(90), p99: at(99), max: at(100) };
}

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
      const question = await live.api<{ id: string }>('POST', `/courses/${course.courseId}/questions`, {
        kind: 'single',
        prompt: `B-트리 문제 ${q + 1}`,
        options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `보기 ${id}` })),
        correct: ['a'],
        points: 1,
      });
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

    const voteToResult: number[] = [];
    const voteAck: number[] = [];
    const rounds: number[] = [];
    for (let r = 0; r < POLL_ROUNDS; r++) {
      const round = await pollRound(live);
      voteToResult.push(...round.voteToResult);
      voteAck.push(...round.voteAck);
      rounds.push(round.round);
    }
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
    };
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    const row = (name: string, p: ReturnType<typeof percentiles>) =>
      `| ${name} | ${p.count} | ${p.p50} ms | ${p.p90} ms | ${p.p99} ms | ${p.max} ms |`;
    const lines = [
      '# eduforum benchmark',
      '',
      `- Date: ${new Date().toISOString()}`,
      `- Machine: ${machine}`,
      '- Command: `npm run bench:eduforum` (bench/eduforum/run.ts): the full server (platform + eduforum) in its own',
      `  process; one live session with a professor and ${STUDENTS} students, each on their own WebSocket; data`,
      '  made through the API (people, courses and enrolments written straight to the database, tokens signed',
      '  with the platform keys).',
      `- Polls: ${POLL_ROUNDS} rounds; the professor opens a single-choice poll and every student votes at once over`,
      '  the socket (`poll.vote`); the k-th acknowledged vote counts as shown when a `poll.results` event on the',
      '  staff channel reports k voters.',
      `- Quizzes: ${QUIZ_ROUNDS} ten-question quizzes; the students submit ${QUIZ_SPACING_MS} ms apart over REST;`,
      '  latency of `POST /quizzes/:id/submissions` (validate, grade, store, reply).',
      '',
      '| measure | samples | p50 | p90 | p99 | max |',
      '|---|---|---|---|---|---|',
      row('vote -> professor sees it', results.voteToResult),
      row('vote acknowledged', results.voteAck),
      row(`whole round (${STUDENTS} votes all shown)`, results.pollRound),
      row('quiz submission graded', results.quizSubmit),
      '',
      `Server RSS at the end: ${results.serverRssMiB} MiB.`,
      '',
      '## Targets (issue #8)',
      '',
      `- ${verdict(results.voteToResult.p99 < 100)}: vote -> professor's live result p99 < 100 ms (${results.voteToResult.p99} ms)`,
      `- ${verdict(results.quizSubmit.p99 < 20)}: quiz submission grading p99 < 20 ms (${results.quizSubmit.p99} ms)`,
      '- not measured yet: 1,000 concurrent sessions x 50 participants with poll traffic (see docs/eduforum.md)',
      '',
    ];
    await mkdir(`${root}bench/results`, { recursive: true });
    await writeFile(
      `${root}bench/results/eduforum.json`,
      `${JSON.stringify({ machine, results }, null, 2)}\n`,
    );
    await writeFile(`${root}bench/results/eduforum.md`, `${lines.join('\n')}\n`);
    process.stdout.write('wrote bench/results/eduforum.md\n');
  } finally {
    await server?.stop();
    await scratch.dispose();
  }
}

await main();
