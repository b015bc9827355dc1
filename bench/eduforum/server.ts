import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { eduforum } from '@app/eduforum-server';
import { buildApp, loadConfig, withConfig } from '@app/platform';
import { announce } from '../realtime/servers/control.js';
import { installDbTiming } from './db-timing.js';

/**
 * eduforum as it runs in production (the full platform with the eduforum plugin), in its own
 * process so the simulated class does not share its event loop.
 */
// Installed before the app builds its pool; read with the `dbtiming` IPC command (see run.ts).
const takeDbTiming = process.env.BENCH_DB_TIMING ? installDbTiming() : undefined;
// CPU time and event-loop delay since the previous `stats` command (the window the orchestrator measures).
const LOOP_RESOLUTION_MS = 10;
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
loopDelay.enable();
let cpuSince = process.cpuUsage();
let wallSince = performance.now();
process.on('message', (message: { cmd?: string }) => {
  if (message.cmd === 'dbtiming') process.send?.({ cmd: 'dbtiming', timing: takeDbTiming?.() ?? null });
  if (message.cmd === 'stats') {
    const cpu = process.cpuUsage(cpuSince);
    const wallMs = performance.now() - wallSince;
    // The histogram holds the time between samples: the delay is what exceeds the resolution.
    const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - LOOP_RESOLUTION_MS) * 100) / 100);
    process.send?.({
      cmd: 'stats',
      stats: {
        wallMs: Math.round(wallMs),
        cpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / wallMs) * 1000) / 10,
        loopDelayMs: {
          p50: ms(loopDelay.percentile(50)),
          p99: ms(loopDelay.percentile(99)),
          max: ms(loopDelay.max),
        },
        rssMiB: Math.round(process.memoryUsage.rss() / 2 ** 20),
      },
    });
    cpuSince = process.cpuUsage();
    wallSince = performance.now();
    loopDelay.reset();
  }
});
const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL is required');
const config = withConfig(
  loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    METRICS_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: 'http://bench.localhost',
    APPS: 'eduforum',
  }),
  { database: { url } },
);
const app = await buildApp(config, { apps: [eduforum] });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
announce(typeof address === 'object' && address ? address.port : 0, () => app.platform.realtime.size);
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
