import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { migrate, platformMigrations } from '@app/platform';
import pg from 'pg';
import { scratchDatabase } from '../../host/src/tools/scratch-database.js';
import type { LatencySummary, LoaderCommand, Publisher } from './load/loader.js';
import { type Results, renderReport } from './report.js';
import { forkLoader, forkServer, type LoaderProcess, type ServerProcess } from './servers/spawn.js';
import { benchKeys, benchSessions } from './servers/verifier.js';

/**
 * `npm run bench:realtime`: our gateway side by side with a Socket.IO server doing the same work
 * (the peer) and a bare `ws` server (the limit). Each scenario gets fresh server processes; load
 * comes from separate processes spreading their sockets over 127.0.0.x source addresses.
 * Writes bench/results/realtime.md and realtime.json.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
/** This machine allows 20,000 open files per process (hard limit); see the report. */
const IDLE = env('BENCH_IDLE_CONNECTIONS', 19_000);
const ROOMS = env('BENCH_ROOMS', 200);
const MEMBERS = env('BENCH_ROOM_MEMBERS', 50);
const RATE = env('BENCH_ROOM_RATE', 10);
const SECONDS = env('BENCH_DURATION_S', 10);
const BROADCAST = env('BENCH_BROADCAST_MEMBERS', 10_000);
const KINDS = (process.env.BENCH_SERVERS ?? 'bare,socketio,gateway').split(',') as Kind[];
type Kind = 'bare' | 'socketio' | 'gateway';

/** Starts one of the three servers (servers/<kind>.ts) on the bench database; no Redis unless given. */
function startServer(
  kind: Kind,
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_DATABASE_URL: databaseUrl, ...extraEnv };
  if (!extraEnv.REDIS_URL) delete env.REDIS_URL;
  return forkServer(`${here}servers/${kind}.ts`, env);
}

type Loader = LoaderProcess<LoaderCommand>;

async function startLoader(tokens: string[], addressBase: number, addressCount: number): Promise<Loader> {
  const loader = await forkLoader<LoaderCommand>(`${here}load/loader.ts`);
  await loader.send({ cmd: 'init', tokens, addressBase, addressCount });
  return loader;
}

const log = (line: string) => process.stdout.write(`${line}\n`);

async function idle(kind: Kind, databaseUrl: string, tokens: string[], count = IDLE) {
  const server = await startServer(kind, databaseUrl);
  // Two loaders: each process may hold at most 20,000 sockets here.
  const loaders = [await startLoader(tokens, 2, 8), await startLoader(tokens, 10, 8)];
  try {
    const before = await server.measure();
    const half = Math.ceil(count / 2);
    const connects = await Promise.all(
      loaders.map((l, i) =>
        l.send<{ connected: number; failed: number; ms: number }>({
          cmd: 'connect',
          group: 'idle',
          driver: kind,
          url: server.url,
          count: i === 0 ? half : count - half,
        }),
      ),
    );
    await new Promise((r) => setTimeout(r, 2000));
    const after = await server.measure();
    if (process.env.BENCH_HEAP_SNAPSHOT) log(`heap snapshot of ${kind}: ${await server.heapSnapshot()}`);
    const connected = connects.reduce((sum, c) => sum + c.connected, 0);
    const result = {
      connections: after.connections,
      connected,
      failed: connects.reduce((sum, c) => sum + c.failed, 0),
      connectMs: Math.max(...connects.map((c) => c.ms)),
      rssPerConnection: (after.rssBytes - before.rssBytes) / Math.max(1, after.connections),
      heapPerConnection: (after.heapUsedBytes - before.heapUsedBytes) / Math.max(1, after.connections),
      rssBefore: before.rssBytes,
      rssAfter: after.rssBytes,
    };
    log(
      `idle ${kind}: ${result.connections} sockets, ${(result.rssPerConnection / 1024).toFixed(2)} KiB RSS and ` +
        `${(result.heapPerConnection / 1024).toFixed(2)} KiB heap per connection (connect ${result.connectMs} ms)`,
    );
    return result;
  } finally {
    for (const l of loaders) l.stop();
    await server.stop();
  }
}

async function fanout(kind: Kind, databaseUrl: string, tokens: string[], roomCount = ROOMS) {
  const server = await startServer(kind, databaseUrl);
  const loader = await startLoader(tokens, 2, 8);
  try {
    const rooms = Array.from({ length: roomCount }, (_, i) => `room-${i}`);
    await loader.send({
      cmd: 'connect',
      group: 'fan',
      driver: kind,
      url: server.url,
      count: roomCount * MEMBERS,
    });
    await loader.send({ cmd: 'subscribe', group: 'fan', rooms, perRoom: MEMBERS });
    const publishers: Publisher[] = rooms.map((room, i) => ({ group: 'fan', index: i * MEMBERS, room }));
    const out = await loader.send<{
      sent: number;
      groups: Record<string, LatencySummary>;
      abnormalCloses: number;
      closeCodes: Record<string, number>;
    }>({
      cmd: 'traffic',
      publishers,
      perSecond: RATE,
      seconds: SECONDS,
      warmupSeconds: 3,
    });
    const latency = out.groups.fan ?? { received: 0, p50: 0, p90: 0, p99: 0, max: 0 };
    const result = {
      rooms: roomCount,
      closeCodes: out.closeCodes,
      sent: out.sent,
      expected: out.sent * MEMBERS,
      ...latency,
      deliveriesPerSecond: Math.round(latency.received / SECONDS),
      abnormalCloses: out.abnormalCloses,
    };
    log(
      `fan-out ${kind} (${roomCount} rooms): ${result.deliveriesPerSecond} deliveries/s (${result.received}/${result.expected}), ` +
        `p50 ${result.p50} ms p99 ${result.p99} ms max ${result.max} ms`,
    );
    return result;
  } finally {
    loader.stop();
    await server.stop();
  }
}

/**
 * One message to a channel of BROADCAST members, 20 times, one at a time. Members are split over two
 * loader processes (one process cannot read 10,000 sockets in 50 ms); the server-side loop time is
 * reported too.
 */
async function broadcast(kind: Kind, databaseUrl: string, tokens: string[]) {
  const server = await startServer(kind, databaseUrl);
  const loaders = [await startLoader(tokens, 2, 8), await startLoader(tokens, 10, 8)];
  const repeats = 20;
  try {
    const half = Math.ceil(BROADCAST / 2);
    const shares = [half, BROADCAST - half];
    await Promise.all(
      loaders.map((l, i) =>
        l.send({ cmd: 'connect', group: 'all', driver: kind, url: server.url, count: shares[i] ?? 0 }),
      ),
    );
    await Promise.all(
      loaders.map((l, i) =>
        l.send({ cmd: 'subscribe', group: 'all', rooms: ['everyone'], perRoom: shares[i] ?? 0 }),
      ),
    );
    await server.fanouts();
    const completions: number[] = [];
    const firsts: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const watches = loaders.map((l, i) =>
        l.send<{ ts: number; first: number; last: number } | null>({
          cmd: 'watch',
          expected: shares[i] ?? 0,
        }),
      );
      await loaders[0]?.send({ cmd: 'publish', publisher: { group: 'all', index: 0, room: 'everyone' } });
      const seen = await Promise.all(watches);
      if (seen.every((x) => x)) {
        const ts = seen[0]?.ts ?? 0;
        completions.push(Math.max(...seen.map((x) => (x?.last ?? 0) - ts)));
        firsts.push(Math.min(...seen.map((x) => (x?.first ?? 0) - ts)));
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const serverLoops = (await server.fanouts()).sort((a, b) => a - b);
    const median = (xs: number[]) =>
      round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN);
    const result = {
      repeats,
      completed: completions.length,
      median: median(completions),
      worst: round(Math.max(...completions)),
      firstMedian: median(firsts),
      serverMedian: median(serverLoops),
      serverWorst: round(serverLoops[serverLoops.length - 1] ?? Number.NaN),
    };
    log(
      `broadcast ${kind}: ${BROADCAST} members, server loop median ${result.serverMedian} ms (worst ${result.serverWorst}), ` +
        `last member median ${result.median} ms (worst ${result.worst})`,
    );
    return result;
  } finally {
    for (const l of loaders) l.stop();
    await server.stop();
  }
}

/** Subscribers on instance A and on instance B, publisher on A: B's extra latency is the hop. */
async function hop(engine: 'postgres' | 'redis', databaseUrl: string, tokens: string[]) {
  const extra: Record<string, string> =
    engine === 'redis'
      ? { REDIS_URL: process.env.REDIS_URL ?? '', REDIS_KEY_PREFIX: `bench-${Date.now()}:` }
      : {};
  const a = await startServer('gateway', databaseUrl, { ...extra, BENCH_INSTANCE: 'bench-a' });
  const b = await startServer('gateway', databaseUrl, { ...extra, BENCH_INSTANCE: 'bench-b' });
  const loader = await startLoader(tokens, 2, 8);
  try {
    const rooms = Array.from({ length: 20 }, (_, i) => `hop-${i}`);
    await loader.send({ cmd: 'connect', group: 'local', driver: 'gateway', url: a.url, count: 200 });
    await loader.send({ cmd: 'connect', group: 'remote', driver: 'gateway', url: b.url, count: 200 });
    await loader.send({ cmd: 'subscribe', group: 'local', rooms, perRoom: 10 });
    await loader.send({ cmd: 'subscribe', group: 'remote', rooms, perRoom: 10 });
    const publishers = rooms.map((room, i) => ({ group: 'local', index: i * 10, room }));
    const out = await loader.send<{ groups: Record<string, LatencySummary> }>({
      cmd: 'traffic',
      publishers,
      perSecond: 10,
      seconds: SECONDS,
      warmupSeconds: 2,
    });
    const local = out.groups.local ?? { received: 0, p50: 0, p90: 0, p99: 0, max: 0 };
    const remote = out.groups.remote ?? { received: 0, p50: 0, p90: 0, p99: 0, max: 0 };
    const result = {
      local,
      remote,
      extraP50: round(remote.p50 - local.p50),
      extraP99: round(remote.p99 - local.p99),
    };
    log(
      `hop ${engine}: extra p50 ${result.extraP50} ms, p99 ${result.extraP99} ms (remote p99 ${remote.p99} ms)`,
    );
    return result;
  } finally {
    loader.stop();
    await Promise.all([a.stop(), b.stop()]);
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

async function main(): Promise<void> {
  const scratch = await scratchDatabase('bench_rt');
  try {
    const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
    await migrate(pool, [platformMigrations]).finally(() => pool.end());
    const { keys, close } = await benchKeys(scratch.url);
    const users = Array.from(
      { length: 2000 },
      (_, i) => `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    );
    const sessions = await benchSessions(scratch.url, users);
    const tokens: string[] = [];
    for (const user of users) {
      tokens.push(await keys.sign({ sub: user, sid: sessions.get(user), amr: ['password'] }));
    }
    await close();
    const results: Results = { idle: {}, idleSteps: [], fanout: {}, fanoutSteps: [], broadcast: {}, hop: {} };
    const only = process.env.BENCH_SCENARIOS?.split(',');
    const wanted = (name: string) => !only || only.includes(name);
    for (const kind of KINDS) {
      if (wanted('idle')) results.idle[kind] = await idle(kind, scratch.url, tokens);
      // Does memory per connection stay flat as connections grow? (It has to, to extrapolate.)
      if (wanted('idle') && kind === 'gateway') {
        for (const step of [Math.round(IDLE / 4), Math.round(IDLE / 2)]) {
          results.idleSteps.push(await idle(kind, scratch.url, tokens, step));
        }
      }
      if (wanted('fanout')) {
        results.fanout[kind] = await fanout(kind, scratch.url, tokens);
        // What each server carries within the latency bar: the same rooms, fewer of them.
        for (const rooms of [Math.round(ROOMS / 8), Math.round(ROOMS / 4), Math.round(ROOMS / 2)]) {
          results.fanoutSteps.push({ kind, ...(await fanout(kind, scratch.url, tokens, rooms)) });
        }
      }
      if (wanted('broadcast')) results.broadcast[kind] = await broadcast(kind, scratch.url, tokens);
    }
    if (wanted('hop')) {
      results.hop.postgres = await hop('postgres', scratch.url, tokens);
      if (process.env.REDIS_URL) results.hop.redis = await hop('redis', scratch.url, tokens);
      else log('hop redis: SKIPPED (set REDIS_URL)');
    }
    const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const limits = await readFile('/proc/self/limits', 'utf8').catch(() => '');
    const fileLimit = /Max open files\s+\S+\s+(\S+)/.exec(limits)?.[1] ?? 'unknown';
    const settings = {
      fileLimit,
      idle: IDLE,
      rooms: ROOMS,
      members: MEMBERS,
      rate: RATE,
      seconds: SECONDS,
      broadcast: BROADCAST,
    };
    await mkdir(`${root}bench/results`, { recursive: true });
    await writeFile(
      `${root}bench/results/realtime.json`,
      `${JSON.stringify({ machine, settings, results }, null, 2)}\n`,
    );
    await writeFile(`${root}bench/results/realtime.md`, renderReport(machine, settings, results));
    log('wrote bench/results/realtime.md');
  } finally {
    await scratch.dispose();
  }
}

await main();
