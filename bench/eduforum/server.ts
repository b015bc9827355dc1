import { eduforum } from '@app/eduforum-server';
import { buildApp, loadConfig, withConfig } from '@app/platform';
import { announce } from '../realtime/servers/control.js';
import { answerStats } from '../realtime/servers/stats.js';
import { installDbTiming } from './db-timing.js';

/**
 * eduforum as it runs in production (the full platform with the eduforum plugin), in its own
 * process so the simulated class does not share its event loop.
 */
// Installed before the app builds its pool; read with the `dbtiming` IPC command (see run.ts).
const takeDbTiming = process.env.BENCH_DB_TIMING ? installDbTiming() : undefined;
answerStats();
process.on('message', (message: { cmd?: string }) => {
  if (message.cmd === 'dbtiming') process.send?.({ cmd: 'dbtiming', timing: takeDbTiming?.() ?? null });
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
