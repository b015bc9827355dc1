import { readdir, readFile } from 'node:fs/promises';

/**
 * Where the machine's CPU went over a window, from /proc: the bench server, the loaders, the
 * PostgreSQL backends serving the bench database (their command line names it), PostgreSQL's
 * background processes (WAL writer, checkpointer, ...: shared with whoever else uses that server)
 * and the rest of the machine (other sessions, their databases' backends included). Percent of one
 * core; the machine has `cores` of them.
 */
export interface CpuSplit {
  seconds: number;
  cores: number;
  server: number;
  loaders: number;
  postgresBench: number;
  postgresShared: number;
  rest: number;
  idle: number;
}

export interface CpuSnapshot {
  at: number;
  /** Per pid: user + system clock ticks. */
  ticks: Map<number, number>;
  /** Pids of PostgreSQL backends of the bench database, and of PostgreSQL's background processes. */
  bench: Set<number>;
  postgres: Set<number>;
  /** /proc/stat: all ticks and idle (+ iowait) ticks of the machine. */
  total: number;
  idle: number;
}

/** Clock ticks per second (USER_HZ): 100 on Linux. */
const HZ = 100;

async function ticksOf(pid: number): Promise<{ ticks: number; comm: string } | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!stat) return undefined;
  // The command name is in parentheses and may hold spaces; fields follow the last ')'.
  const close = stat.lastIndexOf(')');
  const fields = stat.slice(close + 2).split(' ');
  return {
    comm: stat.slice(stat.indexOf('(') + 1, close),
    ticks: Number(fields[11]) + Number(fields[12]),
  };
}

/** Reads the CPU ticks of `pids`, of every PostgreSQL process, and of the machine. */
export async function cpuSnapshot(pids: readonly number[], database: string): Promise<CpuSnapshot> {
  const snapshot: CpuSnapshot = {
    at: Date.now(),
    ticks: new Map(),
    bench: new Set(),
    postgres: new Set(),
    total: 0,
    idle: 0,
  };
  const all = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  await Promise.all(
    all.map(async (pid) => {
      const read = await ticksOf(pid);
      if (!read) return;
      const ours = pids.includes(pid);
      if (!ours && read.comm !== 'postgres') return;
      snapshot.ticks.set(pid, read.ticks);
      if (ours) return;
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
      // A backend's title: "postgres: 15/main: <user> <database> <client> <state>"; background
      // processes name no client. Backends of other databases are other sessions' work (the rest).
      if (cmdline.includes(` ${database} `)) snapshot.bench.add(pid);
      else if (!/ (\d+\.\d+\.\d+\.\d+|\[local\])/.test(cmdline)) snapshot.postgres.add(pid);
      else snapshot.ticks.delete(pid);
    }),
  );
  const cpu = (await readFile('/proc/stat', 'utf8')).split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number);
  snapshot.total = (cpu ?? []).slice(0, 8).reduce((a, b) => a + b, 0);
  snapshot.idle = (cpu?.[3] ?? 0) + (cpu?.[4] ?? 0);
  return snapshot;
}

/** The split between two snapshots; `server` and `loaders` are the pids given to cpuSnapshot. */
export function cpuSplit(
  before: CpuSnapshot,
  after: CpuSnapshot,
  server: number,
  loaders: readonly number[],
  cores: number,
): CpuSplit {
  const seconds = (after.at - before.at) / 1000;
  // A backend that started in the window spent all its ticks in it.
  const used = (pid: number) => (after.ticks.get(pid) ?? 0) - (before.ticks.get(pid) ?? 0);
  const percent = (ticks: number) => Math.round((ticks / HZ / seconds) * 1000) / 10;
  const sum = (pids: Iterable<number>) => [...pids].reduce((n, pid) => n + used(pid), 0);
  const machine = after.total - before.total;
  const idle = after.idle - before.idle;
  // /proc/stat counts every core: scale its ticks to "percent of one core" like the processes'.
  const machinePercent = (ticks: number) => Math.round((ticks / machine) * cores * 1000) / 10;
  const split = {
    seconds: Math.round(seconds * 10) / 10,
    cores,
    server: percent(used(server)),
    loaders: percent(sum(loaders)),
    postgresBench: percent(sum(after.bench)),
    postgresShared: percent(sum(after.postgres)),
    idle: machinePercent(idle),
    rest: 0,
  };
  const busy = machinePercent(machine - idle);
  split.rest = Math.max(
    0,
    Math.round((busy - split.server - split.loaders - split.postgresBench - split.postgresShared) * 10) / 10,
  );
  return split;
}
