import { errorBodySchema, platformApiKeyScopes } from '@app/contracts';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { adminRoutes } from '../admin/routes.js';
import { aiRoutes } from '../ai/index.js';
import type { AppDefinition } from '../app-kit/define-app.js';
import { appListRoutes, mountApps, setupApps } from '../app-kit/mount.js';
import { access } from '../auth/access.js';
import { accountRoutes } from '../auth/routes/account-routes.js';
import { authRoutes } from '../auth/routes/auth-routes.js';
import { oauthRoutes } from '../auth/routes/oauth-routes.js';
import { billingAdminRoutes } from '../billing/admin-routes.js';
import { billingRoutes } from '../billing/routes.js';
import { stripeRoutes } from '../billing/stripe/routes.js';
import { blockRoutes } from '../blocks/routes.js';
import { callRoutes } from '../calls/routes.js';
import { chatRoutes } from '../chat/routes.js';
import { collabRoutes } from '../collab/index.js';
import type { Config, Role } from '../config/index.js';
import { readMigrations } from '../db/migrate.js';
import { fileRoutes } from '../files/routes.js';
import { jobRoutes } from '../jobs/routes.js';
import { enforceRateLimits } from '../limits/http.js';
import { notificationRoutes } from '../notifications/routes.js';
import { createLogger, type Logger } from '../observability/logger.js';
import { createMetrics } from '../observability/metrics.js';
import { closePlatform, createPlatform, platformMigrations } from '../platform-context.js';
import { realtimeRoutes } from '../realtime/gateway/routes.js';
import { iceServerRoutes } from '../realtime/ice-servers.js';
import { presenceRoutes } from '../realtime/presence-routes.js';
import { webhookRoutes } from '../webhooks/routes.js';
import type { App } from './app-type.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { healthRoutes } from './health.js';
import { requestIdFrom } from './request-id.js';
import { enforceAccess, enforceGrants, requireAccessOnEveryRoute } from './route-access.js';
import { rejectUnsafeText } from './safe-text.js';
import { apiSecurityHeaders, computeSecurityHeaders } from './security-headers.js';

/** A request slower than this is logged at info even in development. */
const SLOW_REQUEST_MS = 1000;

/** What `buildApp` needs besides the config. */
export interface BuildAppOptions {
  /** Apps to mount; the host passes the ones enabled by `APPS`. */
  apps: readonly AppDefinition[];
  /** Defaults to a logger built from the config. */
  logger?: Logger;
  /**
   * What this process runs (defaults to `config.role`): `worker` serves only health and metrics and
   * runs the apps' job handlers; `web` mounts routes, `/ws` and `/collab`; `all` does both.
   */
  role?: Role;
}

export type { App } from './app-type.js';

/**
 * Builds the HTTP application over the platform's services (createPlatform): kernel plugins
 * (request ids, security headers, CORS, errors, access rules, metrics, OpenAPI), health routes,
 * the platform's routes (accounts, AI, realtime, chat, calls), `/ws`, `/collab`, and the apps
 * (each `setup` runs once; see app-kit/mount.ts for what each role takes). `app.close()` releases everything. It never listens: only `host/` does,
 * and tests use `inject` or port 0.
 */
export async function buildApp(config: Config, options: BuildAppOptions): Promise<App> {
  const logger = options.logger ?? createLogger(config);
  const role = options.role ?? config.role;
  const platform = await createPlatform(config, logger);
  const { pool, auth, ai, realtime, chat, calls } = platform;
  const metrics = createMetrics(pool);
  platform.jobs.registerMetrics(metrics.registry);

  const app = Fastify({
    loggerInstance: logger,
    genReqId: requestIdFrom,
    // Our onResponse hook writes one line per request instead of Fastify's two.
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: true }),
    bodyLimit: config.server.bodyLimitBytes,
    trustProxy: trustProxyOption(config.server.trustProxy),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // The router's own refusals (a path that is not valid percent-encoding, a path segment over
    // maxParamLength) answer in the one error shape too, instead of Fastify's.
    frameworkErrors: errorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('platform', platform);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  // Before any route: a route without an access rule fails registration; the rule runs first.
  const routeAccess = requireAccessOnEveryRoute(app);
  app.decorate('routeAccess', routeAccess);
  enforceAccess(app, () => auth.authenticator);
  enforceGrants(app);
  enforceRateLimits(app, platform.limits);
  // After the access check and body parsing, before any schema: text PostgreSQL cannot store is
  // the caller's mistake (400 naming the field) in every field of every app, never a 500.
  app.addHook('preValidation', rejectUnsafeText);

  const pageHeaders = computeSecurityHeaders();
  // Callback-style hooks: they run on every request, and skip a promise allocation each.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  // Pages get helmet's full set with the strict CSP; JSON and other data get the lean API set.
  // A route that sets its own CSP (the docs UI) keeps it.
  app.addHook('onSend', (_request, reply, payload, done) => {
    const type = reply.getHeader('content-type');
    const isPage = typeof type === 'string' && type.startsWith('text/html');
    const ownPolicy = reply.getHeader('content-security-policy');
    reply.headers(isPage ? pageHeaders : apiSecurityHeaders);
    if (ownPolicy !== undefined) reply.header('content-security-policy', ownPolicy);
    done(null, payload);
  });
  const quietRequests = config.env === 'development';
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    if (route !== '/health' && route !== '/ready' && route !== '/metrics') {
      // In development a page load is dozens of requests: the fine ones are debug there, so the
      // terminal shows what needs a look (errors, slow requests). Production logs every request.
      const routine = quietRequests && reply.statusCode < 400 && reply.elapsedTime < SLOW_REQUEST_MS;
      request.log[routine ? 'debug' : 'info'](
        {
          method: request.method,
          url: request.url,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    }
    done();
  });
  // Every route documents the error shape for 4xx/5xx unless it declares its own.
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.hide) return;
    const response = (route.schema.response ?? {}) as Record<string, unknown>;
    route.schema.response = { '4XX': errorBodySchema, '5XX': errorBodySchema, ...response };
  });

  // Without configured origins the API is same-origin only: no CORS headers, no per-request hook.
  if (config.server.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: [...config.server.corsOrigins],
      credentials: true,
      exposedHeaders: ['x-request-id'],
    });
  }
  // Only the web's refresh-token cookie uses it (auth/web-session.ts).
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Campus platform API',
        version: '0.1.0',
        description: 'Platform and app endpoints of eduforum, languagemate, studymate and storehelper.',
      },
      // "Try it out" calls the origin the docs were opened from (a relative server), so it works
      // from whichever address reaches this server; the public URL is listed for clients elsewhere.
      servers: [
        { url: '/', description: 'This server (where these docs were opened)' },
        { url: config.server.publicUrl, description: 'PUBLIC_URL' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // The docs UI needs its own CSP: Swagger UI sets inline style attributes (styles only: scripts
    // stay 'self'), and it must not upgrade requests on plain-HTTP deployments, load styles from
    // anywhere, nor call the public validator (no outside network).
    transformStaticCSP: (header) =>
      header
        .replace(/upgrade-insecure-requests;?/, '')
        .replace(' validator.swagger.io', '')
        .replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'")
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
    uiConfig: { deepLinking: true, validatorUrl: null },
  });
  app.get('/api/openapi.json', { config: { access: access.public }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const expectedMigrations = (
    await Promise.all([platformMigrations, ...options.apps].map((source) => readMigrations(source)))
  ).flat();
  await app.register(healthRoutes, { pool, metrics, metricsAccess: config.metrics, expectedMigrations });

  await app.register(authRoutes, { prefix: '/api/v1/auth', deps: auth.deps });
  await app.register(oauthRoutes, { prefix: '/api/v1/auth', deps: auth.deps, oauth: auth.oauth });
  await app.register(accountRoutes, {
    prefix: '/api/v1',
    deps: auth.deps,
    scopes: [...platformApiKeyScopes, ...options.apps.flatMap((a) => a.manifest.apiKeyScopes ?? [])],
  });
  await app.register(blockRoutes, { prefix: '/api/v1/me/blocks', blocks: platform.blocks });
  await app.register(aiRoutes, { prefix: '/api/v1/ai', gateway: ai });
  await app.register(iceServerRoutes, { prefix: '/api/v1/realtime', config });
  await app.register(presenceRoutes, { prefix: '/api/v1/realtime', presence: realtime.presence, chat });
  await app.register(chatRoutes, { prefix: '/api/v1/chat', chat });
  await app.register(callRoutes, { prefix: '/api/v1/realtime', calls });
  await app.register(jobRoutes, { prefix: '/api/v1/admin/jobs', jobs: platform.jobs });
  await app.register(notificationRoutes, {
    prefix: '/api/v1/notifications',
    notifications: platform.notifications,
  });
  await app.register(webhookRoutes, { prefix: '/api/v1/webhooks', webhooks: platform.webhooks });
  await app.register(fileRoutes, { prefix: '/api/v1/files', files: platform.files });

  const mounted = await setupApps(platform, options.apps);
  app.decorate('apps', mounted);
  const appNames = mounted.map((m) => m.definition.name);
  await app.register(billingRoutes, {
    prefix: '/api/v1/billing',
    billing: platform.billing,
    apps: appNames,
    development: config.env === 'development',
  });
  await app.register(stripeRoutes, {
    prefix: '/api/v1/billing',
    stripe: platform.stripe,
    db: platform.db,
    apps: appNames,
  });
  await app.register(billingAdminRoutes, {
    prefix: '/api/v1/billing/admin',
    billing: platform.billing,
    apps: appNames,
  });
  await app.register(adminRoutes, {
    prefix: '/api/v1/admin',
    db: platform.db,
    sessionStates: auth.deps.sessionStates,
    access: platform.access,
    apps: mounted.map((m) => m.definition.manifest),
    redisUrl: config.redis.url,
  });
  await app.register(appListRoutes(mounted.map((m) => m.definition.manifest)), { prefix: '/api/v1' });
  if (role !== 'worker') {
    await app.register(collabRoutes, { collab: platform.collab, logger });
    await app.register(realtimeRoutes, { gateway: realtime });
  }
  await mountApps(app, mounted, role);

  app.addHook('onClose', async () => {
    // Apps first (their timers may still write), then the platform under them.
    for (const { parts } of [...mounted].reverse()) await parts.close?.();
    await closePlatform(platform);
  });
  return app;
}

/** A hop count means: trust that many proxies in front of us (proxy-addr's semantics). */
function trustProxyOption(value: boolean | number): boolean | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}
