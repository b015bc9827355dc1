import type { PlatformContext } from '@app/platform';
import type { EduDb } from './db.js';
import type { Outbound } from './events.js';
import type { Policies } from './policies.js';

/** What eduforum's domains share: the platform, eduforum's typed db, the policies and the outbound events. */
export interface EduforumDeps {
  readonly platform: PlatformContext;
  readonly db: EduDb;
  readonly policies: Policies;
  readonly outbound: Outbound;
}
