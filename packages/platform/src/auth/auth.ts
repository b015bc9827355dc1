import type { Config } from '../config/index.js';
import type { PlatformDb } from '../db/pool.js';
import { AppError } from '../http/app-error.js';
import type { Limits } from '../limits/limits.js';
import { createMailer } from '../mail/mailer.js';
import type { Logger } from '../observability/logger.js';
import type { AuthContext, Authenticator } from './access.js';
import { authenticateApiKey } from './api-keys.js';
import type { AuthDeps } from './deps.js';
import { OAuthSignIn } from './oauth/flow.js';
import { hasPermission } from './permissions.js';
import { authRateLimits } from './rate-limits.js';
import { SessionStates } from './session-states.js';
import { SigningKeys } from './signing-keys.js';
import { createThrottle } from './throttle.js';

/** The accounts module of one app instance: its dependencies and the request authenticator. */
export interface Auth {
  readonly deps: AuthDeps;
  readonly authenticator: Authenticator;
  /** Sign-in with external providers. */
  readonly oauth: OAuthSignIn;
  /** Lets apps map their membership roles to permissions (`eduforum:course:edit`, ...). */
  registerAppPermissions(app: string, resolve: (role: string) => readonly string[]): void;
  close(): Promise<void>;
}

/** Builds the accounts module: signing keys (created on first start), mailer, rate limits. */
export async function createAuth(
  config: Config,
  db: PlatformDb,
  logger: Logger,
  limits: Limits,
  emailVerified: AuthDeps['emailVerified'],
): Promise<Auth> {
  const keys = new SigningKeys(db, {
    issuer: config.server.publicUrl,
    accessTtlS: config.auth.accessTtlS,
    privateKeyPem: config.auth.jwtPrivateKey,
  });
  await keys.init();
  const deps: AuthDeps = {
    config,
    db,
    keys,
    mailer: createMailer(config, db, logger),
    limits: authRateLimits(limits),
    throttle: createThrottle(config),
    sessionStates: new SessionStates(db),
    logger,
    accessTtlS: config.auth.accessTtlS,
    refreshTtlS: config.auth.refreshTtlS,
    emailVerified,
  };
  const appResolvers = new Map<string, (role: string) => readonly string[]>();
  const authenticator: Authenticator = {
    async fromAccessToken(token): Promise<AuthContext> {
      let claims: Awaited<ReturnType<SigningKeys['verify']>>;
      try {
        claims = await keys.verify(token);
      } catch {
        throw new AppError('UNAUTHENTICATED', 'The access token is invalid or has expired.');
      }
      // Well-formed ids only: anything else would reach queries as a malformed uuid (a 500).
      if (!isUuid(claims.sub) || !isUuid(claims.sid))
        throw new AppError('UNAUTHENTICATED', 'The access token is invalid or has expired.');
      // The sign-in must still be live and its account still exist: signed-out, revoked and
      // deleted accounts' tokens stop here (cached for a few seconds, session-states.ts).
      const state = await deps.sessionStates.get(claims.sid);
      if (!state.active || state.userId !== claims.sub)
        throw new AppError('UNAUTHENTICATED', 'This sign-in has ended. Please sign in again.');
      return {
        userId: claims.sub,
        sessionId: claims.sid,
        via: 'access-token',
        scopes: [],
        expiresAt: claims.exp,
        emailVerified: state.emailVerified,
      };
    },
    fromApiKey: (key) => authenticateApiKey(deps, key),
    async isEmailVerified(auth) {
      if (auth.emailVerified) return true;
      if (auth.sessionId) return (await deps.sessionStates.fresh(auth.sessionId)).emailVerified;
      const user = await deps.db
        .selectFrom('platform.users')
        .select('email_verified_at')
        .where('id', '=', auth.userId)
        .executeTakeFirst();
      return Boolean(user?.email_verified_at);
    },
    async isActive(auth) {
      if (auth.sessionId) {
        const state = await deps.sessionStates.fresh(auth.sessionId);
        return state.active && state.userId === auth.userId;
      }
      const user = await deps.db
        .selectFrom('platform.users')
        .select('suspended_at')
        .where('id', '=', auth.userId)
        .executeTakeFirst();
      return user !== undefined && user.suspended_at === null;
    },
    hasPermission: (auth, permission) =>
      hasPermission(deps, auth.userId, permission, (app, role) => appResolvers.get(app)?.(role) ?? []),
  };
  return {
    deps,
    authenticator,
    oauth: new OAuthSignIn(deps),
    registerAppPermissions(app, resolve) {
      appResolvers.set(app, resolve);
    },
    async close() {
      deps.mailer.close();
      await deps.throttle.close();
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
