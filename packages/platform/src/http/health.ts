import { errorBodySchema } from '@app/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { access } from '../auth/access.js';
import { safeEqual } from '../auth/secrets.js';
import { pendingMigrations } from '../db/migrate.js';
import type { Metrics } from '../observability/metrics.js';

interface HealthOptions {
  pool: pg.Pool;
  metrics: Metrics;
  /** config.metrics: whether `/metrics` exists, and the bearer token it needs. */
  metricsAccess: { enabled: boolean; token: string | undefined };
  /** Every migration this process expects to be applied. */
  expectedMigrations: readonly { module: string; name: string }[];
}

const READY_TIMEOUT_MS = 2_000;

/** `/health` (alive), `/ready` (database reachable and migrated) and `/metrics` (Prometheus). */
export const healthRoutes: FastifyPluginAsync<HealthOptions> = async (app, options) => {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/health',
    {
      config: { access: access.public },
      schema: {
        tags: ['operations'],
        summary: 'Liveness: the process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  typed.get(
    '/ready',
    {
      config: { access: access.public },
      schema: {
        tags: ['operations'],
        summary: 'Readiness: the database answers and every migration is applied',
        response: { 200: z.object({ status: z.literal('ready') }), 503: errorBodySchema },
      },
    },
    async (request, reply) => {
      const failure = await checkReadiness(options);
      if (!failure) return { status: 'ready' as const };
      // The database's own words (host names, users, versions) go to the log, not to the caller.
      const { error, ...details } = failure;
      request.log.warn({ err: error, ...details }, 'not ready');
      return reply.status(503).send({
        error: { code: 'NOT_READY', message: `Not ready: ${failure.part}.`, details },
      });
    },
  );

  // Without it, /metrics is a 404 like any unknown path (METRICS_ENABLED=false).
  if (!options.metricsAccess.enabled) return;
  const metricsToken = options.metricsAccess.token;
  // Public route; METRICS_TOKEN, when set, is checked inside (a static bearer, not a user).
  app.get(
    '/metrics',
    { config: { access: access.public }, schema: { hide: true } },
    async (request, reply) => {
      if (metricsToken && !safeEqual(request.headers.authorization ?? '', `Bearer ${metricsToken}`)) {
        return reply
          .status(401)
          .send({ error: { code: 'UNAUTHENTICATED', message: 'Metrics need a bearer token.' } });
      }
      return reply.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
    },
  );
};

interface ReadinessFailure {
  part: 'database' | 'migrations';
  /** A fixed phrase, safe to show to anyone. */
  reason: 'unreachable' | 'query failed' | `${number} pending`;
  pending?: string[];
  /** The underlying error, for the log only. */
  error?: unknown;
}

async function checkReadiness(options: HealthOptions): Promise<ReadinessFailure | undefined> {
  let client: pg.PoolClient | undefined;
  try {
    client = await connectWithin(options.pool, READY_TIMEOUT_MS);
    await withTimeout(client.query('select 1'), READY_TIMEOUT_MS);
  } catch (error) {
    // A client that failed mid-query is broken; destroy it instead of returning it to the pool.
    client?.release(true);
    return { part: 'database', reason: 'unreachable', error };
  }
  try {
    const pending = await pendingMigrations(client, options.expectedMigrations);
    client.release();
    return pending.length > 0
      ? { part: 'migrations', reason: `${pending.length} pending`, pending }
      : undefined;
  } catch (error) {
    client.release(true);
    return { part: 'database', reason: 'query failed', error };
  }
}

async function connectWithin(pool: pg.Pool, ms: number): Promise<pg.PoolClient> {
  const connecting = pool.connect();
  try {
    return await withTimeout(connecting, ms);
  } catch (error) {
    // If the connection arrives after we gave up, do not leak it.
    connecting.then((late) => late.release(true)).catch(() => {});
    throw error;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
