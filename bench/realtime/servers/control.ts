import { readFileSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';

/**
 * What every benchmark server does besides its work: announce its port on stdout and answer the
 * orchestrator's `measure` message over IPC with its memory after a full garbage collection, so
 * the three servers are measured the same way.
 */
export interface Measured {
  rssBytes: number;
  heapUsedBytes: number;
  connections: number;
}

const fanouts: number[] = [];

/**
 * Records how long the server took to hand one room message to every local member (the loop up to
 * the last socket write): the server's own share of a broadcast, free of the load generator's.
 */
export function recordFanout(ms: number): void {
  fanouts.push(ms);
  if (fanouts.length > 100) fanouts.shift();
}

export function announce(port: number, connections: () => number): void {
  process.on('message', (message: { cmd?: string }) => {
    if (message.cmd === 'fanouts') {
      process.send?.({ cmd: 'fanouts', fanouts: fanouts.splice(0) });
      return;
    }
    if (message.cmd === 'heapsnapshot') {
      // Diagnostics (BENCH_HEAP_SNAPSHOT=1): where the per-connection bytes go.
      process.send?.({ cmd: 'heapsnapshot', file: writeHeapSnapshot() });
      return;
    }
    if (message.cmd !== 'measure') return;
    // Two passes: the first frees objects whose finalisers release more.
    globalThis.gc?.();
    globalThis.gc?.();
    setTimeout(() => {
      globalThis.gc?.();
      const reply: Measured = {
        rssBytes: rssFromProc(),
        heapUsedBytes: process.memoryUsage().heapUsed,
        connections: connections(),
      };
      process.send?.({ cmd: 'measured', ...reply });
    }, 200);
  });
  process.stdout.write(`LISTENING ${port}\n`);
}

/** Resident set size as the kernel counts it (what an operator's dashboard shows). */
function rssFromProc(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : process.memoryUsage().rss;
}
