import type { Config } from '../config/index.js';
import type { PlatformDb } from '../db/pool.js';
import { AppError } from '../http/app-error.js';
import type { Limits } from '../limits/limits.js';
import { createMailer } from '../mail/mailer.js';
import type { Logger } from '../observability/logger.js';
import type { AuthContext, Authenticator } from './access.js';
import { hasPermission } from './account.js';
import { authenticateApiKey } from './api-keys.js';
import type { AuthDeps } from './deps.js';
import { OAuthSignIn } from './oauth/flow.js';
import { authRateLimits } from './rate-limits.js';
import { SigningKeys } from './signing-keys.js';

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
    logger,
    accessTtlS: config.auth.accessTtlS,
    refreshTtlS: config.auth.refreshTtlS,
  };
  const appResolvers = new Map<string, (role: string) => readonly string[]>();
  const authenticator: Authenticator = {
    async fromAccessToken(token): Promise<AuthContext> {
      try {
        const claims = await keys.verify(token);
        if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string')
          throw new Error('claims missing');
        return {
          userId: claims.sub,
          sessionId: claims.sid,
          via: 'access-token',
          scopes: [],
          expiresAt: claims.exp,
        };
      } catch {
        throw new AppError('UNAUTHENTICATED', 'The access token is invalid or has expired.');
      }
    },
    fromApiKey: (key) => authenticateApiKey(deps, key),
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
    },
  };
}
