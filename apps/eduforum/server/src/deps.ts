import type { AppPlatform } from '@app/platform';
import type { EduDb } from './db.js';
import type { Outbound } from './events.js';
import type { EduforumPolicy } from './policies.js';

/** What eduforum's domains share: the platform, eduforum's typed db, its policy and the outbound events. */
export interface EduforumDeps {
  readonly platform: AppPlatform;
  readonly db: EduDb;
  readonly policy: EduforumPolicy;
  readonly outbound: Outbound;
}

/**
 * Re-checks who may write the given whiteboards on every instance (their clients reconnect and are
 * authorized again); a failure is logged and never fails the action that changed access.
 */
export async function reauthorizeBoards(deps: EduforumDeps, names: readonly string[]): Promise<void> {
  await Promise.all(
    names.map((name) =>
      deps.platform.collab
        .reauthorize(name)
        .catch((error: unknown) =>
          deps.platform.logger.warn({ err: error, name }, 'board reauthorize failed'),
        ),
    ),
  );
}
