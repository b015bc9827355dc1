import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/** What a bench server answers to the `stats` IPC command (see answerStats). */
export interface ServerStats {
  wallMs: number;
  /** Of one core, over the window since the previous call. */
  cpuPercent: number;
  loopDelayMs: { p50: number; p99: number; max: number };
  rssMiB: number;
}

const LOOP_RESOLUTION_MS = 10;

/**
 * Makes this bench server answer the orchestrator's `stats` message with its CPU time, event-loop
 * delay and RSS since the previous `stats` (the window the orchestrator measures).
 */
export function answerStats(): void {
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loopDelay.enable();
  let cpuSince = process.cpuUsage();
  let wallSince = performance.now();
  process.on('message', (message: { cmd?: string }) => {
    if (message.cmd !== 'stats') return;
    const cpu = process.cpuUsage(cpuSince);
    const wallMs = performance.now() - wallSince;
    // The histogram holds the time between samples: the delay is what exceeds the resolution.
    const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - LOOP_RESOLUTION_MS) * 100) / 100);
    const stats: ServerStats = {
      wallMs: Math.round(wallMs),
      cpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / wallMs) * 1000) / 10,
      loopDelayMs: {
        p50: ms(loopDelay.percentile(50)),
        p99: ms(loopDelay.percentile(99)),
        max: ms(loopDelay.max),
      },
      rssMiB: Math.round(process.memoryUsage.rss() / 2 ** 20),
    };
    process.send?.({ cmd: 'stats', stats });
    cpuSince = process.cpuUsage();
    wallSince = performance.now();
    loopDelay.reset();
  });
}
