import type { ApiKeyScope } from '@app/contracts';
import type { FastifyRequest } from 'fastify';
import type { App } from '../http/app.js';
import { AppError } from '../http/app-error.js';

/**
 * Who may call a route. Every route states one in `config.access`; registration fails otherwise
 * (see `requireAccessOnEveryRoute`).
 * - `public`: anyone.
 * - `user`: a signed-in user (access token); `apiKeyScope` also admits API keys with that scope.
 * - `permission`: a signed-in user holding the permission (RBAC, see permissions.ts).
 * `verified: true` on either further requires a verified email address (403 EMAIL_NOT_VERIFIED):
 * routes that create something other people see (docs/decisions/014-email-verification-gates.md).
 */
export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'user'; readonly apiKeyScope?: ApiKeyScope; readonly verified?: boolean }
  | {
      readonly kind: 'permission';
      readonly permission: string;
      readonly apiKeyScope?: ApiKeyScope;
      readonly verified?: boolean;
    };

/** Options of the `user` and `permission` rules. */
export interface AccessOptions {
  apiKeyScope?: ApiKeyScope;
  /** Only callers whose email address is verified (content other people see). */
  verified?: boolean;
}

/** Shorthands for route declarations: `config: { access: access.user() }`. */
export const access = {
  public: { kind: 'public' } as Access,
  user: (options: AccessOptions = {}): Access => ({ kind: 'user', ...options }),
  permission: (permission: string, options: AccessOptions = {}): Access => ({
    kind: 'permission',
    permission,
    ...options,
  }),
};

/** The caller of an authenticated request. */
export interface AuthContext {
  readonly userId: string;
  /** The sign-in (session) behind an access token; undefined for API keys. */
  readonly sessionId: string | undefined;
  readonly via: 'access-token' | 'api-key';
  readonly scopes: readonly string[];
  /** Unix seconds when the access token expires (undefined for API keys). */
  readonly expiresAt?: number;
  /** Whether the email address was verified when the caller was authenticated (unknown: undefined). */
  readonly emailVerified?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

/** Resolves credentials; implemented by the auth service. */
export interface Authenticator {
  fromAccessToken(token: string): Promise<AuthContext>;
  fromApiKey(key: string): Promise<AuthContext>;
  hasPermission(auth: AuthContext, permission: string): Promise<boolean>;
  /** Whether the caller's email address is verified now (reads again what was not yet verified). */
  isEmailVerified(auth: AuthContext): Promise<boolean>;
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
    const config = (route.config ?? {}) as { access?: Access };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (config.access) {
      for (const method of methods) table.push({ method, url: route.url, access: config.access });
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

/** The authenticated caller; for handlers of routes whose rule is not `public`. */
export function callerOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth;
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S{10,2048})$/i.exec(header);
  return match?.[1];
}
