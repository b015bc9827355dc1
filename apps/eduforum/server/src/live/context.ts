import type { EduforumRole } from '@app/eduforum-contracts';
import { AppError } from '@app/platform';
import { sql } from 'kysely';
import type { EduforumDeps } from '../deps.js';
import { type Action, allows } from '../policies.js';
import type { SessionRow } from '../sessions/service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A caller inside one session: the session, their role in its course, whether they were removed. */
export interface LiveContext {
  session: SessionRow;
  role: EduforumRole | null;
  removed: boolean;
}

/** Loads the caller's standing in a session (null when the session does not exist). */
export async function liveContext(
  deps: EduforumDeps,
  sessionId: string,
  userId: string,
): Promise<LiveContext | null> {
  if (!UUID.test(sessionId) || !UUID.test(userId)) return null;
  // One round trip: every action in a live room asks this.
  const row = await deps.db
    .selectFrom('eduforum.sessions as s')
    .selectAll('s')
    .select((eb) => [
      eb
        .selectFrom('eduforum.course_members as m')
        .select('m.role')
        .whereRef('m.course_id', '=', 's.course_id')
        .where('m.user_id', '=', userId)
        .as('course_role'),
      eb
        .selectFrom('platform.people as u')
        .leftJoin('platform.app_roles as pm', (join) =>
          join.onRef('pm.user_id', '=', 'u.id').on('pm.app', '=', 'eduforum'),
        )
        .select(sql<boolean>`u.platform_role = 'admin' or pm.role = 'admin'`.as('admin'))
        .where('u.id', '=', userId)
        .as('is_admin'),
      eb
        .exists(
          eb
            .selectFrom('eduforum.session_removals as r')
            .select('r.user_id')
            .whereRef('r.session_id', '=', 's.id')
            .where('r.user_id', '=', userId),
        )
        .as('removed'),
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return null;
  const { course_role, is_admin, removed, ...session } = row;
  const role: EduforumRole | null = is_admin ? 'admin' : ((course_role as EduforumRole | null) ?? null);
  return { session, role, removed: Boolean(removed) };
}

/**
 * Throws unless the caller may do `action` in the session: 404 when it does not exist for them,
 * 403 when removed or not allowed, SESSION_NOT_LIVE when `live` is required and it is not.
 */
export async function requireLive(
  deps: EduforumDeps,
  sessionId: string,
  userId: string,
  action: Action,
  options: { live?: boolean } = {},
): Promise<LiveContext & { role: EduforumRole }> {
  const context = await liveContext(deps, sessionId, userId);
  if (!context?.role) throw new AppError('NOT_FOUND', 'Session was not found.');
  if (context.removed) throw new AppError('FORBIDDEN', 'You were removed from this session.');
  if (!allows(context.role, action)) throw new AppError('FORBIDDEN');
  if (options.live && context.session.status !== 'live') throw new AppError('SESSION_NOT_LIVE');
  return context as LiveContext & { role: EduforumRole };
}

/** Appends to the session's timeline (what analytics reads later). */
export async function record(
  deps: EduforumDeps,
  sessionId: string,
  actorId: string | null,
  kind: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await deps.db
    .insertInto('eduforum.session_events')
    .values({ session_id: sessionId, actor_id: actorId, kind, data: JSON.stringify(data) })
    .execute();
}
