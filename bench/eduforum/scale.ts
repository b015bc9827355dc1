import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { eduforum } from '@app/eduforum-server';
import { migrate, platformMigrations } from '@app/platform';
import pg from 'pg';
import { scratchDatabase } from '../../host/src/tools/scratch-database.js';
import { forkLoader, forkServer, type LoaderProcess, type ServerProcess } from '../realtime/servers/spawn.js';
import { dbTiming, type ServerStats, serverStats } from './ipc.js';
import { percentiles } from './percentiles.js';
import { writeReport } from './report.js';
import type { PollSamples, ScaleCommand } from './scale-loader.js';
import { type SeededCourse, seedCourses } from './seed.js';

/**
 * `npm run bench:eduforum:scale`: many live sessions on ONE server process. Every session is a
 * professor (also on the staff channel) and students, each on their own authenticated socket that
 * joined its session (`sub` + `snapshot`). Then every session runs polls on a staggered schedule
 * (opened, all its students vote at once, results to its professor), so the server sees a steady
 * vote rate. Measures connect/join time, server RSS, CPU and event-loop delay (idle and under
 * polls), vote -> professor and ack latency. Writes bench/results/eduforum-scale.json and the
 * report. Sizes: BENCH_SESSIONS (380), BENCH_PARTICIPANTS (50, the professor included),
 * BENCH_SCALE_PERIOD_S (30: each session polls this often), BENCH_SCALE_ROUNDS (2), BENCH_IDLE_S (10).
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 380);
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 50);
const PERIOD_S = Number(process.env.BENCH_SCALE_PERIOD_S ?? 30);
const ROUNDS = Number(process.env.BENCH_SCALE_ROUNDS ?? 2);
const IDLE_S = Number(process.env.BENCH_IDLE_S ?? 10);
/** Classes each loader brings in at once (each class joins one person after another). */
/**
 * BENCH_STAFF=0: professors stay off the staff channel and follow results on the session channel
 * (polls with `resultsVisible`), which keeps TalkTime's per-session watch (a recount every 800 ms
 * per watched session) out of the run, to measure the rest on its own.
 */
const STAFF = process.env.BENCH_STAFF !== '0';
const JOIN_CONCURRENCY = Number(process.env.BENCH_JOIN_CONCURRENCY ?? 40);
/** Sockets per loader process: the hard limit here is 20,000 open files per process. */
const SOCKETS_PER_LOADER = 9_800;

type Loader = LoaderProcess<ScaleCommand>;

const startLoader = () => forkLoader<ScaleCommand>(`${here}scale-loader.ts`);

const log = (line: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

async function main(): Promise<void> {
  const scratch = await scratchDatabase('bench_edu_scale');
  let server: ServerProcess | undefined;
  const loaders: Loader[] = [];
  // Stopped from outside (Ctrl-C, timeout): still stop the children and drop the scratch database.
  const onSignal = () => {
    for (const l of loaders) l.stop();
    void Promise.resolve(server?.stop())
      .then(() => scratch.dispose())
      .finally(() => process.exit(1));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
    await migrate(pool, [platformMigrations, eduforum]).finally(() => pool.end());
    log(`seeding ${SESSIONS} courses x ${PARTICIPANTS} people (tokens signed with the platform keys)`);
    const courses = await seedCourses(scratch.url, SESSIONS, PARTICIPANTS - 1);
    const sockets = SESSIONS * PARTICIPANTS;

    server = await forkServer(`${here}server.ts`, {
      ...process.env,
      BENCH_DATABASE_URL: scratch.url,
      REDIS_URL: '',
    });
    const started = server;
    await sleep(1000);
    const baseline = await started.measure();
    log(`server up, RSS ${mib(baseline.rssBytes)} MiB`);

    // Whole classes per loader, each loader on its own 8 loopback source addresses.
    const loaderCount = Math.max(1, Math.ceil(sockets / SOCKETS_PER_LOADER));
    const perLoader = Math.ceil(SESSIONS / loaderCount);
    const shares: SeededCourse[][] = [];
    for (let l = 0; l < loaderCount; l++) {
      const loader = await startLoader();
      const share = courses.slice(l * perLoader, (l + 1) * perLoader);
      await loader.send({
        cmd: 'init',
        origin: started.url,
        courses: share,
        addressBase: 2 + (l % 2) * 8,
        addressCount: 8,
        staff: STAFF,
      });
      loaders.push(loader);
      shares.push(share);
    }

    // Starting a session notifies every member of the course (a row and jobs each), so sessions are
    // started first and the join below measures the sockets alone.
    log(`starting ${SESSIONS} sessions through the API`);
    type Started = { startMs: number[]; ms: number };
    const startedSessions = await Promise.all(
      loaders.map((l) => l.send<Started>({ cmd: 'sessions', concurrency: 10 })),
    );
    const startWallMs = Math.max(...startedSessions.map((s) => s.ms));
    log(`sessions started in ${Math.round(startWallMs / 1000)} s`);

    log(`joining ${sockets} sockets through ${loaderCount} loaders`);
    await serverStats(started.child);
    type Joined = { connectMs: number[]; joinMs: number[]; failedClasses: number; ms: number };
    const joined = await Promise.all(
      loaders.map((l) => l.send<Joined>({ cmd: 'join', concurrency: JOIN_CONCURRENCY })),
    );
    const joinStats = await serverStats(started.child);
    const joinWallMs = Math.max(...joined.map((j) => j.ms));
    log(`joined in ${Math.round(joinWallMs / 1000)} s; server CPU ${joinStats.cpuPercent}%`);

    await sleep(IDLE_S * 1000);
    const idleStats = await serverStats(started.child);
    const connected = await started.measure();
    log(
      `idle ${IDLE_S} s with ${connected.connections} sockets: RSS ${mib(connected.rssBytes)} MiB, CPU ${idleStats.cpuPercent}%`,
    );

    const periodMs = PERIOD_S * 1000;
    const startAt = Date.now() + 2000;
    let index = 0;
    await dbTiming(started.child);
    const sampled = await Promise.all(
      loaders.map((l, i) => {
        const offsets = (shares[i] ?? []).map(() => (index++ / SESSIONS) * periodMs);
        return l.send<PollSamples>({ cmd: 'polls', startAt, periodMs, rounds: ROUNDS, offsets });
      }),
    );
    const pollStats: ServerStats = await serverStats(started.child);
    const pollDb = await dbTiming(started.child);
    const after = await started.measure();
    log(`polls done: CPU ${pollStats.cpuPercent}%, RSS ${mib(after.rssBytes)} MiB`);

    const all = <K extends 'voteToResult' | 'voteAck' | 'rounds'>(key: K) => sampled.flatMap((s) => s[key]);
    const sum = (key: 'unseen' | 'refused' | 'failedRounds') => sampled.reduce((n, s) => n + s[key], 0);
    const perSocketBytes = (connected.rssBytes - baseline.rssBytes) / Math.max(1, connected.connections);
    const result = {
      date: new Date().toISOString(),
      sessions: SESSIONS,
      participants: PARTICIPANTS,
      sockets,
      staffChannel: STAFF,
      loaders: loaderCount,
      periodS: PERIOD_S,
      rounds: ROUNDS,
      votesPerSecond: Math.round((SESSIONS * (PARTICIPANTS - 1)) / PERIOD_S),
      poolMax: Number(process.env.DATABASE_POOL_MAX ?? 10),
      sessionStart: {
        wallS: Math.round(startWallMs / 100) / 10,
        perSession: percentiles(startedSessions.flatMap((s) => s.startMs)),
      },
      join: {
        wallS: Math.round(joinWallMs / 100) / 10,
        connect: percentiles(joined.flatMap((j) => j.connectMs)),
        join: percentiles(joined.flatMap((j) => j.joinMs)),
        failedClasses: joined.reduce((n, j) => n + j.failedClasses, 0),
        server: joinStats,
      },
      idle: {
        seconds: IDLE_S,
        connections: connected.connections,
        rssMiB: mib(connected.rssBytes),
        heapUsedMiB: mib(connected.heapUsedBytes),
        baselineRssMiB: mib(baseline.rssBytes),
        rssPerSocketKiB: Math.round(perSocketBytes / 102.4) / 10,
        extrapolatedRssMiBAt50k: mib(baseline.rssBytes + perSocketBytes * 50_000),
        server: idleStats,
      },
      polls: {
        voteToResult: percentiles(all('voteToResult')),
        voteAck: percentiles(all('voteAck')),
        round: percentiles(all('rounds')),
        unseen: sum('unseen'),
        refused: sum('refused'),
        failedRounds: sum('failedRounds'),
        rssMiB: mib(after.rssBytes),
        server: pollStats,
        db: pollDb && {
          poolWait: percentiles(pollDb.poolWait),
          queries: Object.fromEntries(
            Object.entries(pollDb.queries)
              .map(([kind, ms]) => [kind, percentiles(ms)] as const)
              .sort((a, b) => b[1].count - a[1].count)
              .slice(0, 8),
          ),
        },
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const file = `${root}bench/results/eduforum-scale.json`;
    const previous = await readFile(file, 'utf8')
      .then((text) => JSON.parse(text) as { runs?: Record<string, unknown> })
      .catch(() => ({ runs: {} }));
    const runs = {
      ...previous.runs,
      [`${SESSIONS}x${PARTICIPANTS}${STAFF ? '' : '-nostaff'}`]: { machine, ...result },
    };
    await writeFile(file, `${JSON.stringify({ runs }, null, 2)}\n`);
    await writeReport();
    log('wrote bench/results/eduforum-scale.json and eduforum.md');
  } finally {
    for (const l of loaders) {
      await l.send({ cmd: 'close' }).catch(() => {});
      l.stop();
    }
    await server?.stop();
    await scratch.dispose();
  }
}

await main();
