import { buildApp, loadConfig, withConfig } from '@app/platform';
import { z } from 'zod';
import { clientEvent } from '../../../packages/platform/src/realtime/gateway/channels.js';
import { Gateway } from '../../../packages/platform/src/realtime/gateway/gateway.js';
import { announce, recordFanout } from './control.js';

/**
 * Our realtime kernel as it runs in production: the full platform (buildApp), `GET /ws`, token
 * authentication, validated frames, per-channel sequence numbers, presence, and every event also
 * published on the cross-instance bus (PostgreSQL NOTIFY, or Redis with REDIS_URL). The bench
 * adds one channel type, `bench:<room>`, open to any signed-in user, whose `msg` event is relayed
 * to the room like a chat line.
 */
const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL is required');
const config = withConfig(
  loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    METRICS_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: 'http://bench.localhost',
    INSTANCE_ID: process.env.BENCH_INSTANCE ?? 'bench-a',
  }),
  { database: { url } },
);
const app = await buildApp(config, { apps: [] });
app.platform.realtime.channels.register('bench', {
  authorize: () => true,
  clientEvents: {
    msg: clientEvent({ schema: z.object({ ts: z.number(), body: z.string().max(500) }) }),
  },
});
// Time the local delivery loop (a private method: wrapped here for measurement only).
const proto = Gateway.prototype as unknown as { deliverLocal: (...args: unknown[]) => void };
const deliverLocal = proto.deliverLocal;
proto.deliverLocal = function timed(this: unknown, ...args: unknown[]) {
  const started = performance.now();
  deliverLocal.apply(this, args);
  recordFanout(performance.now() - started);
};
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
announce(typeof address === 'object' && address ? address.port : 0, () => app.platform.realtime.size);
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
