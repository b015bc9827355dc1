import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { eduforum } from '@app/eduforum-server';
import { migrate, openCollabDocument, platformMigrations } from '@app/platform';
import pg from 'pg';
import type * as Y from 'yjs';
import { scratchDatabase } from '../../host/src/tools/scratch-database.js';
import { startSession } from '../eduforum/class.js';
import { serverStats } from '../eduforum/ipc.js';
import { type Percentiles, percentiles } from '../eduforum/percentiles.js';
import { seedCourses } from '../eduforum/seed.js';
import { forkLoader, forkServer, type ServerProcess } from '../realtime/servers/spawn.js';

/**
 * `npm run bench:collab`: one client floods a whiteboard (eduforum's `eduforum.session.<id>` on
 * `/collab`) with small Yjs updates as fast as its socket takes them, while an honest pair draws a
 * freehand stroke (60 updates/s) on the same board and this process times `/health` back to back.
 * Reports the server's event-loop delay and RSS over the flood, `/health` latency, what happened
 * to the flooder and how many of its updates the server applied, and the honest stroke's latency.
 * Writes bench/results/collab-flood.json (and prints it).
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const FLOOD_MS = Number(process.env.BENCH_FLOOD_S ?? 10) * 1000;
const HONEST_RATE = 60;

type ClientCommand =
  | { cmd: 'flood'; url: string; name: string; token: string; durationMs: number }
  | {
      cmd: 'honest';
      url: string;
      name: string;
      writerToken: string;
      readerToken: string;
      durationMs: number;
      rate: number;
    };
interface FloodResult {
  sent: number;
  sendMs: number;
  received: number;
  closeCode: number | null;
}
interface HonestResult {
  sent: number;
  delivered: number;
  latencyMs: Percentiles;
  writerClosed: number | null;
}

/** The server's resident and peak resident memory as the kernel counts them (MiB). */
function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(status)?.[1] ?? 0);
  return { rssMiB: Math.round(kb('VmRSS') / 1024), peakMiB: Math.round(kb('VmHWM') / 1024) };
}

/** Times GET /health back to back until `until` resolves. */
async function probeHealth(origin: string, until: Promise<unknown>): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  let done = false;
  void until.then(() => {
    done = true;
  });
  while (!done) {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      http
        .get(`${origin}/health`, { agent }, (res) => {
          res.resume();
          res.on('end', resolve);
        })
        .on('error', reject);
    });
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  agent.destroy();
  return times;
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase('bench_collab');
  let server: ServerProcess | undefined;
  const loaders: { stop(): void }[] = [];
  try {
    const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
    await migrate(pool, [platformMigrations, eduforum]).finally(() => pool.end());
    server = await forkServer(`${here}../eduforum/server.ts`, {
      ...process.env,
      BENCH_DATABASE_URL: scratch.url,
      REDIS_URL: '',
    });
    const origin = server.url;
    const url = `${origin.replace('http', 'ws')}/collab`;
    const [course] = await seedCourses(scratch.url, 1, 3);
    if (!course) throw new Error('no course');
    const [attacker, student, other] = course.students as [
      (typeof course.students)[0],
      (typeof course.students)[0],
      (typeof course.students)[0],
    ];
    const name = `eduforum.session.${await startSession(origin, course)}`;
    const flooder = await forkLoader<ClientCommand>(`${here}clients.ts`);
    loaders.push(flooder);
    const honest = await forkLoader<ClientCommand>(`${here}clients.ts`);
    loaders.push(honest);

    // Warm-up: the board is loaded and the server's code paths are hot before measuring.
    await honest.send<HonestResult>({
      cmd: 'honest',
      url,
      name,
      writerToken: student.token,
      readerToken: other.token,
      durationMs: 1000,
      rate: HONEST_RATE,
    });
    const idle = await probeHealth(origin, new Promise((resolve) => setTimeout(resolve, 1000)));
    const before = memoryOf(server.child.pid ?? 0);
    await serverStats(server.child);

    const floodRun = flooder.send<FloodResult>({
      cmd: 'flood',
      url,
      name,
      token: attacker.token,
      durationMs: FLOOD_MS,
    });
    const honestRun = honest.send<HonestResult>({
      cmd: 'honest',
      url,
      name,
      writerToken: student.token,
      readerToken: other.token,
      durationMs: FLOOD_MS,
      rate: HONEST_RATE,
    });
    const health = await probeHealth(origin, Promise.all([floodRun, honestRun]));
    const [flood, drawing] = await Promise.all([floodRun, honestRun]);
    const loop = await serverStats(server.child);
    const after = memoryOf(server.child.pid ?? 0);

    // What the server kept of the flood: the flood stroke's points as a fresh client syncs them.
    const check = openCollabDocument(url, name, course.professor.token);
    await check.synced;
    const stroke = check.doc
      .getArray<Y.Map<unknown>>('shapes')
      .toArray()
      .find((shape) => shape.get('id') === 'flood');
    const applied = (stroke?.get('points') as Y.Array<number> | undefined)?.length ?? 0;
    check.close();

    const results = {
      floodSeconds: FLOOD_MS / 1000,
      healthIdleMs: percentiles(idle),
      healthDuringFloodMs: percentiles(health),
      serverLoopDelayMs: loop.loopDelayMs,
      serverCpuPercent: loop.cpuPercent,
      serverRssMiB: { before: before.rssMiB, after: after.rssMiB, peak: after.peakMiB },
      flooder: { ...flood, applied },
      honestStroke: drawing,
    };
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    await mkdir(`${root}bench/results`, { recursive: true });
    const file = process.env.BENCH_OUT ?? 'collab-flood.json';
    await writeFile(
      `${root}bench/results/${file}`,
      `${JSON.stringify({ machine, date: new Date().toISOString(), results }, null, 2)}\n`,
    );
    process.stdout.write(`wrote bench/results/${file}\n`);
  } finally {
    for (const loader of loaders) loader.stop();
    await server?.stop();
    await scratch.dispose();
  }
}

await main();
