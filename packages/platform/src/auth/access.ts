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
 * `verified: true` on either further requires a verified email address (403 EMAIL_NOT_VERIFIED):
 * routes that create something other people see (docs/decisions/015-email-verification-gates.md).
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
    /** The route's declared permission in a scope (`policy.route(...)`), checked before the handler. */
    can?: RouteGrant;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
    /** The caller's role in the route's declared scope (set when the route declares `can`). */
    grant: Grant | null;
  }
}

/**
 * A role the kernel resolved for a route's declared permission: the scope and id it was resolved
 * in (id '' for app-wide scopes), so a service asked about the same scope reuses it (Policy.require).
 */
export interface Grant {
  readonly role: string;
  readonly scope: string;
  readonly id: string;
}

/** Resolves credentials; implemented by the auth service. */
export interface Authenticator {
  fromAccessToken(token: string): Promise<AuthContext>;
  fromApiKey(key: string): Promise<AuthContext>;
  hasPermission(auth: AuthContext, permission: string): Promise<boolean>;
  /** Whether the caller's email address is verified now (reads again what was not yet verified). */
  isEmailVerified(auth: AuthContext): Promise<boolean>;
  /**
   * Whether the caller's sign-in still holds, read now: its session is live and the account is
   * neither deleted nor suspended (API keys: the account is not suspended). Sockets ask it on
   * `platform.access.changed`.
   */
  isActive(auth: AuthContext): Promise<boolean>;
}

/** The authenticated caller; for handlers of routes whose rule is not `public`. */
export function callerOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth;
}
