import type { ApiKeyScope } from '@app/contracts';
import type { FastifyRequest } from 'fastify';
import type { RouteGrant } from '../app-kit/policy.js';
import { AppError } from '../http/app-error.js';

/**
 * Who may call a route. Every route states one in `config.access`; registration fails otherwise
 * (see `requireAccessOnEveryRoute`).
 * - `public`: anyone.
 * - `user`: a signed-in user (access token); `apiKeyScope` also admits API keys with that scope.
 * - `permission`: a signed-in user holding the permission (RBAC, see permissions.ts).
 */
export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'user'; readonly apiKeyScope?: ApiKeyScope }
  | { readonly kind: 'permission'; readonly permission: string; readonly apiKeyScope?: ApiKeyScope };

/** Shorthands for route declarations: `config: { access: access.user() }`. */
export const access = {
  public: { kind: 'public' } as Access,
  user: (options: { apiKeyScope?: ApiKeyScope } = {}): Access => ({ kind: 'user', ...options }),
  permission: (permission: string, options: { apiKeyScope?: ApiKeyScope } = {}): Access => ({
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
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** The route's declared permission in a scope (`policy.route(...)`), checked before the handler. */
    can?: RouteGrant;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
    /** The caller's role in the route's declared scope (set when the route declares `can`). */
    grant: { readonly role: string } | null;
  }
}

/** Resolves credentials; implemented by the auth service. */
export interface Authenticator {
  fromAccessToken(token: string): Promise<AuthContext>;
  fromApiKey(key: string): Promise<AuthContext>;
  hasPermission(auth: AuthContext, permission: string): Promise<boolean>;
}

/** The authenticated caller; for handlers of routes whose rule is not `public`. */
export function callerOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth;
}
