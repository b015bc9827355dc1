import type { Config } from '../config/index.js';
import type { PlatformDb } from '../db/pool.js';
import type { Mailer } from '../mail/mailer.js';
import type { Logger } from '../observability/logger.js';
import type { RateLimits } from './rate-limits.js';
import type { SessionDeps } from './sessions.js';
import type { SigningKeys } from './signing-keys.js';

/** What the auth services need; built once per app in `createAuth`. */
export interface AuthDeps extends SessionDeps {
  config: Config;
  db: PlatformDb;
  keys: SigningKeys;
  mailer: Mailer;
  limits: RateLimits;
  logger: Logger;
}
