import { errorBodySchema } from '@app/contracts';
import { access, buildApp, loadConfig, withConfig } from '@app/platform';
import { z } from 'zod';

/**
 * The server under test, in its own process so the load generator does not share its core: the
 * full kernel (request ids, helmet, CORS, metrics, zod validation and serialisation, error
 * handler) with two routes: a bare one and one indexed primary-key read.
 */
const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL is required');
const config = withConfig(
  loadConfig({ ...process.env, NODE_ENV: 'production', METRICS_ENABLED: 'false', DATABASE_POOL_MAX: '20' }),
  {
    database: { url },
  },
);
const app = await buildApp(config, { apps: [] });
const item = z.object({ id: z.number().int(), name: z.string(), score: z.number() });

app.get(
  '/bench/bare',
  { config: { access: access.public }, schema: { response: { 200: z.object({ ok: z.boolean() }) } } },
  async () => ({
    ok: true,
  }),
);
app.get(
  '/bench/items/:id',
  {
    config: { access: access.public },
    schema: {
      params: z.object({ id: z.coerce.number().int().min(1) }),
      response: { 200: item, 404: errorBodySchema },
    },
  },
  async (request, reply) => {
    const { rows } = await app.platform.pool.query<z.infer<typeof item>>({
      name: 'bench_item_by_id',
      text: 'select id, name, score from bench.items where id = $1',
      values: [request.params.id],
    });
    const row = rows[0];
    if (!row) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'no item' } });
    return row;
  },
);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`LISTENING ${typeof address === 'object' && address ? address.port : ''}\n`);
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
