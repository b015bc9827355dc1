import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { languagemate } from '@app/languagemate-server';
import { migrate, platformMigrations } from '@app/platform';
import pg from 'pg';
import { scratchDatabase } from '../../host/src/tools/scratch-database.js';
import type { DbTiming } from '../eduforum/db-timing.js';
import { dbTiming, serverStats } from '../eduforum/ipc.js';
import { percentiles } from '../eduforum/percentiles.js';
import { forkLoader, forkServer, type LoaderProcess, type ServerProcess } from '../realtime/servers/spawn.js';
import type { ChatCommand, Person, TrafficResult } from './chat-loader.js';
import { type ChatRun, type ChatStep, writeChatReport } from './chat-report.js';
import { seedPairs } from './chat-seed.js';
import { cpuSnapshot, cpuSplit } from './proc-cpu.js';
import { latency } from './report.js';

/**
 * `npm run bench:languagemate:chat`: 5,000 partnerships chatting on ONE languagemate instance.
 * Both people of every pair hold an authenticated socket subscribed to their direct room's
 * `chat:<roomId>` channel (10,000 sockets from two loader processes over 127.0.0.x source
 * addresses); in every pair one side sends on a schedule (`send`: stored in PostgreSQL before the
 * ack) and the partner, on the other loader, times send -> receive. Steps: rates without and then
 * with the app's chat guard (the safety filter on every message). Measures send -> partner and
 * send -> ack latency, losses, server RSS, CPU split between server, PostgreSQL and loaders.
 * Writes bench/results/languagemate-chat.json and the "Chat" section of languagemate.md.
 * Sizes: BENCH_PAIRS (5000), BENCH_CHAT_PERIODS_S (seconds between one pair's messages per step,
 * "50,20,10": 100, 250 and 500 messages a second), BENCH_WARMUP_S (5), BENCH_MEASURE_S (15).
 * BENCH_REPORT_ONLY=1 rewrites the report from the JSON without running anything.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const PAIRS = Number(process.env.BENCH_PAIRS ?? 5000);
const PERIODS_S = (process.env.BENCH_CHAT_PERIODS_S ?? '50,20,10').split(',').map(Number);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 5);
const MEASURE_S = Number(process.env.BENCH_MEASURE_S ?? 15);
const IDLE_S = Number(process.env.BENCH_IDLE_S ?? 5);
const DRAIN_MS = 4000;
const LOADERS = 2;

/** What people write: Korean and English lines, none of which the safety filter holds or warns about. */
const BODIES = [
  '안녕하세요! 오늘 하루 어땠어요?',
  'Hi! How was your day today?',
  '저는 주말에 친구들이랑 한강에 갔어요.',
  'I went hiking with my sister last weekend, it was beautiful.',
  '그 영화 정말 재미있었어요. 배우들이 연기를 잘했어요.',
  'What is the difference between 괜찮아요 and 좋아요?',
  '"I am agree" 대신 "I agree"라고 하면 돼요.',
  'Your Korean is getting so much better, honestly!',
  '다음 주에 통화할 수 있어요? 저녁 시간이 좋아요.',
  'Could you explain when to use 은 and when to use 는?',
  '요즘 회사 일이 너무 바빠서 피곤해요 ㅠㅠ',
  'I made kimchi fried rice for dinner, it turned out great.',
  '영어로 이메일 쓰는 게 아직 어려워요.',
  'No worries, take your time. We can practise again tomorrow.',
  '제가 추천한 책 읽어 봤어요?',
  'That makes sense, thank you for the correction!',
];

type Loader = LoaderProcess<ChatCommand>;

const log = (line: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
const now = () => performance.timeOrigin + performance.now();

/**
 * Counts the server's warning and error log lines by message (it logs JSON lines on stdout at
 * level warn), printing the first of each kind; `take` hands over the counts since the last call.
 */
function watchLogs(server: ServerProcess): { take(): Record<string, number> } {
  let counts: Record<string, number> = {};
  const seen = new Set<string>();
  let partial = '';
  server.child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const msg = /"msg":"([^"]*)"/.exec(line)?.[1] ?? line.slice(0, 80);
      const errorMessage = /"message":"([^"]*)"/.exec(line)?.[1];
      const key = errorMessage ? `${msg}: ${errorMessage}` : msg;
      counts[key] = (counts[key] ?? 0) + 1;
      if (!seen.has(key)) {
        seen.add(key);
        log(`server log: ${line.slice(0, 400)}`);
      }
    }
  });
  return {
    take() {
      const taken = counts;
      counts = {};
      return taken;
    },
  };
}

/** Asks the server to switch its chat guard (chat-server.ts). */
function setGuard(server: ServerProcess, on: boolean): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (m: { cmd?: string }) => {
      if (m.cmd !== 'guard') return;
      server.child.off('message', onMessage);
      resolve();
    };
    server.child.on('message', onMessage);
    server.child.send({ cmd: 'guard', on });
  });
}

/** The running processes of a run. */
interface Rig {
  server: ServerProcess;
  loaders: Loader[];
  database: string;
  logs: { take(): Record<string, number> };
}

/** CPU and loop delay with every socket connected and nobody writing (heartbeats only). */
async function idle(rig: Rig, seconds: number) {
  const pids = [rig.server.child.pid ?? 0, ...rig.loaders.map((l) => l.pid)];
  await serverStats(rig.server.child);
  const before = await cpuSnapshot(pids, rig.database);
  await sleep(seconds * 1000);
  const after = await cpuSnapshot(pids, rig.database);
  const server = await serverStats(rig.server.child);
  const cpu = cpuSplit(
    before,
    after,
    rig.server.child.pid ?? 0,
    rig.loaders.map((l) => l.pid),
    cpus().length,
  );
  log(`idle ${seconds} s: server ${cpu.server}% CPU, loop delay p99 ${server.loopDelayMs.p99} ms`);
  return { seconds, server, cpu };
}

/** Statements per message and where their time went (BENCH_DB_TIMING=1), from the window's timings. */
function statementSummary(timing: DbTiming | null, messages: number): ChatStep['statements'] {
  if (!timing) return undefined;
  const kinds = Object.entries(timing.queries)
    .map(([kind, ms]) => ({
      kind,
      perMessage: Math.round((ms.length / Math.max(1, messages)) * 100) / 100,
      ...percentiles(ms),
    }))
    .sort((a, b) => b.count - a.count)
    .slice(0, 16);
  const all = Object.values(timing.queries).flat();
  return {
    perMessage: Math.round((all.length / Math.max(1, messages)) * 10) / 10,
    connectionMsPerMessage: Math.round((all.reduce((a, b) => a + b, 0) / Math.max(1, messages)) * 100) / 100,
    poolWait: percentiles(timing.poolWait),
    kinds,
  };
}

async function step(rig: Rig, guard: boolean, periodS: number): Promise<ChatStep> {
  const { server, loaders, database } = rig;
  await setGuard(server, guard);
  const startAt = now() + 1000;
  const windowStart = startAt + WARMUP_S * 1000;
  const stopAt = windowStart + MEASURE_S * 1000;
  const plan = {
    startAt,
    windowStart,
    stopAt,
    periodMs: periodS * 1000,
    pairs: PAIRS,
    drainMs: DRAIN_MS,
    bodies: BODIES,
  };
  const running = Promise.all(loaders.map((l) => l.send<TrafficResult>({ cmd: 'traffic', plan })));
  const pids = [server.child.pid ?? 0, ...loaders.map((l) => l.pid)];
  await sleep(windowStart - now());
  await serverStats(server.child);
  await dbTiming(server.child);
  rig.logs.take();
  const cpuBefore = await cpuSnapshot(pids, database);
  await sleep(stopAt - now());
  const cpuAfter = await cpuSnapshot(pids, database);
  const stats = await serverStats(server.child);
  const timing = await dbTiming(server.child);
  const serverLogs = rig.logs.take();
  const load = loadavg()[0] ?? 0;
  const results = await running;
  const sum = (pick: (r: TrafficResult) => Record<number, number> | undefined) => {
    const total = new Map<number, number>();
    for (const r of results)
      for (const [pair, n] of Object.entries(pick(r) ?? {}))
        total.set(Number(pair), (total.get(Number(pair)) ?? 0) + n);
    return total;
  };
  const acked = sum((r) => r.acked);
  const received = sum((r) => r.received);
  // Losses once every ack has come: stored messages the partner never got (or got twice).
  const finalAcked = sum((r) => r.final?.acked);
  const finalReceived = sum((r) => r.final?.received);
  let lost = 0;
  let unexpected = 0;
  for (let pair = 0; pair < PAIRS; pair++) {
    const diff = (finalAcked.get(pair) ?? 0) - (finalReceived.get(pair) ?? 0);
    if (diff > 0) lost += diff;
    else unexpected -= diff;
  }
  const refused: Record<string, number> = {};
  for (const r of results)
    for (const [code, n] of Object.entries(r.refused)) refused[code] = (refused[code] ?? 0) + n;
  const sent = results.reduce((n, r) => n + r.sent, 0);
  const result: ChatStep = {
    guard,
    periodS,
    targetPerSecond: Math.round(PAIRS / periodS),
    sent,
    sentPerSecond: Math.round(sent / MEASURE_S),
    storedPerSecond: Math.round(results.reduce((n, r) => n + r.storedInWindow, 0) / MEASURE_S),
    acked: [...acked.values()].reduce((a, b) => a + b, 0),
    delivered: [...received.values()].reduce((a, b) => a + b, 0),
    lost,
    unexpected,
    refused,
    unacked: results.reduce((n, r) => n + r.unacked, 0),
    abnormalCloses: results.reduce((n, r) => n + r.abnormalCloses, 0),
    backlogClearedS: Math.round(Math.max(...results.map((r) => r.settleMs)) / 100) / 10,
    delivery: latency(results.flatMap((r) => r.delivery)),
    worstPerSecond: Array.from({ length: MEASURE_S }, (_, i) =>
      Math.round(Math.max(0, ...results.map((r) => r.worstPerSecond[i] ?? 0))),
    ),
    ack: latency(results.flatMap((r) => r.ack)),
    scheduleLag: latency(results.flatMap((r) => r.scheduleLag)),
    server: stats,
    cpu: cpuSplit(
      cpuBefore,
      cpuAfter,
      server.child.pid ?? 0,
      loaders.map((l) => l.pid),
      cpus().length,
    ),
    loadAverage: Math.round(load * 100) / 100,
    serverLogs,
    statements: statementSummary(timing, sent),
  };
  log(
    `guard ${guard ? 'on' : 'off'}, ${result.targetPerSecond} msg/s: sent ${sent}, delivered ${result.delivered}, lost ${lost}, ` +
      `refused ${JSON.stringify(refused)}, unacked ${result.unacked}; send->partner p50 ${result.delivery.p50} p99 ` +
      `${result.delivery.p99} max ${result.delivery.max} ms; ack p99 ${result.ack.p99} ms; CPU ${JSON.stringify(result.cpu)}`,
  );
  return result;
}

async function main(): Promise<void> {
  const file = `${root}bench/results/languagemate-chat.json`;
  if (process.env.BENCH_REPORT_ONLY) {
    // Re-renders the section from the last run's JSON (after a change to the report's text).
    await writeChatReport(JSON.parse(await readFile(file, 'utf8')) as ChatRun);
    return;
  }
  const scratch = await scratchDatabase('bench_lmchat');
  const database = new URL(scratch.url).pathname.slice(1);
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
    const started = Date.now();
    const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
    await migrate(pool, [platformMigrations, languagemate]).finally(() => pool.end());
    log(`seeding ${PAIRS} partnerships (${PAIRS * 2} people, rooms, sessions, tokens)`);
    const pairs = await seedPairs(scratch.url, PAIRS);
    const seedSeconds = Math.round((Date.now() - started) / 1000);

    server = await forkServer(`${here}chat-server.ts`, {
      ...process.env,
      BENCH_DATABASE_URL: scratch.url,
      REDIS_URL: '',
    });
    const logs = watchLogs(server);
    await sleep(1000);
    const baseline = await server.measure();
    log(`server up, RSS ${mib(baseline.rssBytes)} MiB; seeded in ${seedSeconds} s`);

    // Pair i: the sender on loader i % 2, the partner on the other one, so every delivery is timed
    // across processes (the stamps are on the clock both share).
    const people: Person[][] = Array.from({ length: LOADERS }, () => []);
    pairs.forEach((pair, i) => {
      people[i % LOADERS]?.push({ pair: i, roomId: pair.roomId, token: pair.a.token, role: 'send' });
      people[(i + 1) % LOADERS]?.push({ pair: i, roomId: pair.roomId, token: pair.b.token, role: 'receive' });
    });
    for (let l = 0; l < LOADERS; l++) {
      const loader = await forkLoader<ChatCommand>(`${here}chat-loader.ts`);
      await loader.send({ cmd: 'init', origin: server.url, addressBase: 2 + l * 8, addressCount: 8 });
      loaders.push(loader);
    }
    log(`connecting ${PAIRS * 2} sockets (auth + sub) through ${LOADERS} loaders`);
    const joined = await Promise.all(
      loaders.map((l, i) =>
        l.send<{ joined: number; failed: number; joinMs: number[]; ms: number }>({
          cmd: 'connect',
          people: people[i] ?? [],
          concurrency: 50,
        }),
      ),
    );
    const connected = await server.measure();
    log(`${connected.connections} sockets; RSS ${mib(connected.rssBytes)} MiB`);

    const rig: Rig = { server, loaders, database, logs };
    const idleRun = await idle(rig, IDLE_S);
    const steps: ChatStep[] = [];
    // Rising rates, each without and then with the guard: only the last steps may overload.
    for (const periodS of PERIODS_S)
      for (const guard of [false, true]) steps.push(await step(rig, guard, periodS));
    const after = await server.measure();

    const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const version = new pg.Client({ connectionString: scratch.url });
    await version.connect();
    const settings = await version.query<{ name: string; setting: string }>(
      `select name, current_setting(name) as setting from pg_settings
       where name in ('synchronous_commit', 'fsync', 'shared_buffers', 'wal_sync_method')`,
    );
    const postgres =
      (await version.query<{ v: string }>('select version() as v')).rows[0]?.v.split(' on ')[0] ?? '';
    await version.end();
    const run: ChatRun = {
      date: new Date().toISOString(),
      machine,
      postgres: `${postgres} (${settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ')})`,
      command: 'DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:languagemate:chat',
      pairs: PAIRS,
      sockets: connected.connections,
      seedSeconds,
      warmupS: WARMUP_S,
      measureS: MEASURE_S,
      poolMax: Number(process.env.DATABASE_POOL_MAX ?? 10),
      join: {
        wallS: Math.round(Math.max(...joined.map((j) => j.ms)) / 100) / 10,
        failed: joined.reduce((n, j) => n + j.failed, 0),
        perSocket: latency(joined.flatMap((j) => j.joinMs)),
      },
      idle: idleRun,
      rssMiB: {
        baseline: mib(baseline.rssBytes),
        connected: mib(connected.rssBytes),
        after: mib(after.rssBytes),
      },
      steps,
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    await writeFile(file, `${JSON.stringify(run, null, 2)}\n`);
    await writeChatReport(run);
    log(
      `wrote bench/results/languagemate-chat.json and the Chat section of languagemate.md (${run.totalSeconds} s)`,
    );
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
