import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Measured } from './control.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** A benchmark server in its own process (see control.ts for its side of the conversation). */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Memory after a full garbage collection, and the open connections. */
  measure(): Promise<Measured>;
  /** Server-side durations of the delivery loops since the last call (ms). */
  fanouts(): Promise<number[]>;
  /** Writes a heap snapshot; returns its file name. */
  heapSnapshot(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Forks `entry` under tsx with the given environment and waits for its `LISTENING <port>` line.
 * BENCH_CPU_PROF=<dir> makes every server write a CPU profile there when it exits.
 */
export async function forkServer(entry: string, env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = fork(entry, [], {
    cwd: root,
    env,
    execArgv: [
      '--conditions=development',
      '--import',
      'tsx',
      '--expose-gc',
      '--max-old-space-size=8192',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out: string | undefined = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      // Later output (a busy server's logs) is drained, not kept: scanning it all again per chunk
      // would make the orchestrator quadratic in the server's output.
      if (out === undefined) return;
      out += chunk.toString();
      const match = /LISTENING (\d+)/.exec(out);
      if (!match) return;
      out = undefined;
      resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
  });
  /** Sends `cmd` and resolves with the first reply carrying the same name (`measure` -> `measured`). */
  const ask = <T>(cmd: string, reply: string) =>
    new Promise<T>((resolve) => {
      const onMessage = (m: { cmd?: string } & T) => {
        if (m.cmd !== reply) return;
        child.off('message', onMessage);
        resolve(m);
      };
      child.on('message', onMessage);
      child.send({ cmd });
    });
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    measure: () => ask<Measured>('measure', 'measured'),
    fanouts: async () => (await ask<{ fanouts?: number[] }>('fanouts', 'fanouts')).fanouts ?? [],
    heapSnapshot: async () => (await ask<{ file?: string }>('heapsnapshot', 'heapsnapshot')).file ?? '',
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      child.kill('SIGKILL');
    },
  };
}

/** A load generator in its own process, answering request/reply commands over IPC. */
export interface LoaderProcess<Command extends object> {
  send<T>(command: Command): Promise<T>;
  stop(): void;
  /** Its process id (to read its CPU time from /proc). */
  pid: number;
}

/**
 * Forks the load generator `entry` under tsx and waits for its hello (the reply to rid 0). Each
 * command gets a `rid`; the loader answers `{ rid, ok, value | error }`.
 */
export async function forkLoader<Command extends object>(entry: string): Promise<LoaderProcess<Command>> {
  const child = fork(entry, [], {
    cwd: root,
    execArgv: ['--conditions=development', '--import', 'tsx', '--max-old-space-size=8192'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  type Reply = { rid: number; ok: boolean; value?: unknown; error?: string };
  const waiting = new Map<number, (m: Reply) => void>();
  let nextRid = 1;
  child.on('message', (m: Reply) => {
    waiting.get(m.rid)?.(m);
    waiting.delete(m.rid);
  });
  const send = <T>(command: Command | null) =>
    new Promise<T>((resolve, reject) => {
      const rid = command ? nextRid++ : 0;
      waiting.set(rid, (m) => (m.ok ? resolve(m.value as T) : reject(new Error(m.error))));
      if (command) child.send({ ...command, rid });
    });
  await send(null);
  return { send, stop: () => child.kill('SIGKILL'), pid: child.pid ?? 0 };
}
