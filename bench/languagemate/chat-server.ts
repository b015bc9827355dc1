import { languagemate } from '@app/languagemate-server';
import { type AppDefinition, buildApp, type ChatGuard, loadConfig, withConfig } from '@app/platform';
import { installDbTiming } from '../eduforum/db-timing.js';
import { announce } from '../realtime/servers/control.js';
import { answerStats } from '../realtime/servers/stats.js';

/**
 * languagemate as it runs in production (the full platform with the languagemate app) in its own
 * process, for bench/languagemate/chat.ts. One bench addition: the app's chat guard (the safety
 * filter every message goes through) can be switched off and on over IPC (`{ cmd: 'guard', on }`,
 * answered `{ cmd: 'guard' }`), so the run measures the chat with and without it on the same
 * sockets. It starts off. BENCH_DB_TIMING=1 also records statement times (`dbtiming`, as eduforum's).
 */
// Installed before the app builds its pool.
const takeDbTiming = process.env.BENCH_DB_TIMING ? installDbTiming() : undefined;
answerStats();
let guardOn = false;
process.on('message', (message: { cmd?: string; on?: boolean }) => {
  if (message.cmd === 'dbtiming') process.send?.({ cmd: 'dbtiming', timing: takeDbTiming?.() ?? null });
  if (message.cmd !== 'guard') return;
  guardOn = message.on === true;
  process.send?.({ cmd: 'guard' });
});

/** The app with its guard behind the switch; everything else as the app declares it. */
const switchable: AppDefinition = {
  ...languagemate,
  async setup(platform) {
    const parts = await languagemate.setup(platform);
    const guard = parts.chat?.guard;
    if (!guard) throw new Error('the languagemate app has no chat guard');
    const switched: ChatGuard = (message) => (guardOn ? guard(message) : Promise.resolve());
    return { ...parts, chat: { ...parts.chat, guard: switched } };
  },
};

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL is required');
const config = withConfig(
  loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    METRICS_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: 'http://bench.localhost',
    APPS: 'languagemate',
  }),
  { database: { url } },
);
const app = await buildApp(config, { apps: [switchable] });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
announce(typeof address === 'object' && address ? address.port : 0, () => app.platform.realtime.size);
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
