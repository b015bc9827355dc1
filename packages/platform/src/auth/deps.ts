import type { Config } from '../config/index.js';
import type { PlatformDb } from '../db/pool.js';
import type { Mailer } from '../mail/mailer.js';
import type { Logger } from '../observability/logger.js';
import type { RateLimits } from './rate-limits.js';
import type { SessionStates } from './session-states.js';
import type { SessionDeps } from './sessions.js';
import type { SigningKeys } from './signing-keys.js';
import type { Throttle } from './throttle.js';

/** What the auth services need; built once per app in `createAuth`. */
export interface AuthDeps extends SessionDeps {
  config: Config;
  db: PlatformDb;
  keys: SigningKeys;
  mailer: Mailer;
  limits: RateLimits;
  /** Failure counters with backoff: sign-in per account and source, code checks, re-auth. */
  throttle: Throttle;
  /** Live-ness of access tokens' sessions, cached briefly (session-states.ts). */
  sessionStates: SessionStates;
  logger: Logger;
  /**
   * Called in the transaction that marks an account's address verified (link or OAuth provider):
   * queues the apps' email-verified hooks (directory/email-verified.ts).
   */
  emailVerified: (executor: PlatformDb, userId: string) => Promise<void>;
}
