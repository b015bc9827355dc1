import type { PlatformContext } from '@app/platform';
import type { EduDb } from './db.js';
import type { Outbound } from './events.js';
import type { Policies } from './policies.js';

/** Whiteboard connections to re-check after access changed (a room closed, someone moved or left). */
export interface Boards {
  reauthorize(documentName: string): Promise<void>;
}

/** What eduforum's domains share: the platform, eduforum's typed db, the policies and the outbound events. */
export interface EduforumDeps {
  readonly platform: PlatformContext;
  readonly db: EduDb;
  readonly policies: Policies;
  readonly outbound: Outbound;
  readonly boards: Boards;
}

/**
 * Re-checks who may write the given whiteboards (their clients reconnect and are authorized again);
 * a failure is logged and never fails the action that changed access.
 */
export async function reauthorizeBoards(deps: EduforumDeps, names: readonly string[]): Promise<void> {
  await Promise.all(
    names.map((name) =>
      deps.boards
        .reauthorize(name)
        .catch((error: unknown) =>
          deps.platform.logger.warn({ err: error, name }, 'board reauthorize failed'),
        ),
    ),
  );
}
