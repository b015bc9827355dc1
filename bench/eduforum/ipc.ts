import type { ChildProcess } from 'node:child_process';
import type { ServerStats } from '../realtime/servers/stats.js';
import type { DbTiming } from './db-timing.js';

export type { ServerStats };

/** Sends `cmd` to the bench server and resolves with the `key` of its reply of the same name. */
function ask<T>(child: ChildProcess, cmd: string, key: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (m: Record<string, unknown>) => {
      if (m.cmd !== cmd) return;
      child.off('message', onMessage);
      resolve(m[key] as T);
    };
    child.on('message', onMessage);
    child.send({ cmd });
  });
}

/** CPU, event-loop delay and RSS since the previous call (the first call starts the window). */
export const serverStats = (child: ChildProcess) => ask<ServerStats>(child, 'stats', 'stats');

/** Pool waits and statement times since the previous call; null unless BENCH_DB_TIMING is set. */
export const dbTiming = (child: ChildProcess) => ask<DbTiming | null>(child, 'dbtiming', 'timing');
