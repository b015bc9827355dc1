import { eduforum } from '@app/eduforum-server';
import { buildApp, loadConfig, withConfig } from '@app/platform';
import { announce } from '../realtime/servers/control.js';

/**
 * eduforum as it runs in production (the full platform with the eduforum plugin), in its own
 * process so the simulated class does not share its event loop.
 */
const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL is required');
const config = withConfig(
  loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: 'http://bench.localhost',
    APPS: 'eduforum',
  }),
  { database: { url } },
);
const app = await buildApp(config, { modules: [eduforum] });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
announce(typeof address === 'object' && address ? address.port : 0, () => app.platform.realtime.size);
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
