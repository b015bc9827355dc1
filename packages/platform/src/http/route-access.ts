import type { FastifyRequest } from 'fastify';
import { isScopeId, type RouteGrant } from '../app-kit/policy.js';
import { type Access, type Authenticator, access, type Grant } from '../auth/access.js';
import { AppError } from './app-error.js';
import type { App } from './app-type.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every registered route with its access rule (and declared permission). */
    routeAccess: readonly RouteAccess[];
  }
}

/** Routes registered by third-party plugins that we declare public by path prefix. */
const PUBLIC_PLUGIN_PREFIXES = ['/api/docs'];

/**
 * Makes an access rule mandatory: a route registered without `config.access` throws at start-up,
 * so no endpoint can be forgotten. Call before any route is registered.
 */
export function requireAccessOnEveryRoute(app: App): RouteAccess[] {
  const table: RouteAccess[] = [];
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { access?: Access; can?: RouteGrant };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (config.access) {
      const can = config.can;
      for (const method of methods)
        table.push({ method, url: route.url, access: config.access, ...(can ? { can } : {}) });
      return;
    }
    const isPluginRoute =
      PUBLIC_PLUGIN_PREFIXES.some((prefix) => route.url.startsWith(prefix)) ||
      (route.method === 'OPTIONS' && route.url === '*'); // @fastify/cors preflight
    if (isPluginRoute) {
      route.config = { ...config, access: access.public } as typeof route.config;
      for (const method of methods) table.push({ method, url: route.url, access: access.public });
      return;
    }
    throw new Error(`Route ${route.method} ${route.url} declares no access rule (config.access)`);
  });
  return table;
}

/** One registered route and its rule (what `app.routeAccess` lists). */
export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
  /** The declared permission in a scope, when the route has one. */
  can?: RouteGrant;
}

/**
 * Enforces each route's rule before any handler work: reads `Authorization: Bearer <token>`
 * (an access token, or an API key starting with `ck_`), then checks the rule.
 */
export function enforceAccess(app: App, authenticator: () => Authenticator): void {
  app.decorateRequest('auth', null);
  // Callback style: public routes (most traffic per request count) pay no promise.
  app.addHook('onRequest', (request, _reply, done) => {
    const rule = request.routeOptions.config.access;
    if (!rule || rule.kind === 'public') {
      done();
      return;
    }
    authorize(request, rule, authenticator()).then(() => done(), done);
  });
}

async function authorize(request: FastifyRequest, rule: Access, authenticator: Authenticator): Promise<void> {
  const token = bearer(request);
  if (!token) throw new AppError('UNAUTHENTICATED');
  const auth = token.startsWith('ck_')
    ? await authenticator.fromApiKey(token)
    : await authenticator.fromAccessToken(token);
  if (
    auth.via === 'api-key' &&
    (rule.kind === 'public' || !rule.apiKeyScope || !auth.scopes.includes(rule.apiKeyScope))
  ) {
    throw new AppError('FORBIDDEN', 'This API key may not call this endpoint.');
  }
  if (rule.kind === 'permission' && !(await authenticator.hasPermission(auth, rule.permission))) {
    throw new AppError('FORBIDDEN');
  }
  if (rule.kind !== 'public' && rule.verified && !(await authenticator.isEmailVerified(auth))) {
    throw new AppError('EMAIL_NOT_VERIFIED');
  }
  request.auth = auth;
}

/**
 * Checks a route's declared permission (`config.can`) before the body is validated, so an outsider
 * learns nothing from validation errors. A malformed scope id is left to the params schema (its 400
 * comes first); should a route's schema let it through, the check runs before the handler anyway.
 */
export function enforceGrants(app: App): void {
  app.decorateRequest('grant', null);
  app.addHook('preValidation', async (request) => {
    const can = request.routeOptions.config.can;
    if (!can) return;
    const id = scopeId(request, can);
    if (id !== undefined && !isScopeId(id)) return;
    request.grant = { role: await checkGrant(request, can, id), scope: can.scope, id: id ?? '' };
  });
  app.addHook('preHandler', async (request) => {
    const can = request.routeOptions.config.can;
    if (!can || request.grant) return;
    const id = scopeId(request, can);
    request.grant = { role: await checkGrant(request, can, id), scope: can.scope, id: id ?? '' };
  });
}

function scopeId(request: FastifyRequest, can: RouteGrant): string | undefined {
  if (!can.param) return undefined;
  return (request.params as Record<string, string | undefined>)[can.param] ?? '';
}

async function checkGrant(request: FastifyRequest, can: RouteGrant, id: string | undefined): Promise<string> {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return can.policy.require(request.auth, id === undefined ? can.scope : { [can.scope]: id }, can.action);
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S{10,2048})$/i.exec(header);
  return match?.[1];
}

/**
 * The caller of a route for services: their user id, and the role the kernel already resolved for
 * the route's declared permission, so `policy.require` on the same scope and id asks no database.
 */
export function grantedCaller(request: FastifyRequest): { userId: string; grant: Grant | null } {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return { userId: request.auth.userId, grant: request.grant };
}
