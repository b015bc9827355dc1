import type { EduforumRole } from '@app/eduforum-contracts';
import type { ChatMembershipRule } from '@app/platform';
import { sql } from 'kysely';
import type { EduforumDeps } from '../deps.js';
import { allows } from '../policies.js';

/**
 * Who may stay in eduforum's chat rooms (the kernel asks when someone's access changes and drops
 * the rest): a session's chat is for those who may join the session and were not removed from it;
 * a breakout room's chat additionally for that room's members and for staff who may moderate. The
 * same rules as the channels and whiteboards, so chat read over REST ends with them.
 */
export function chatMembers(deps: EduforumDeps): ChatMembershipRule {
  return async (userId, roomIds) => {
    // One round trip for every room: which session (and breakout room) each belongs to, and the
    // caller's standing there.
    const { rows } = await sql<{
      room_id: string;
      breakout_room_id: string | null;
      role: EduforumRole | null;
      admin: boolean;
      removed: boolean;
      in_room: boolean;
    }>`
      with rooms as (
        select s.chat_room_id as room_id, s.id as session_id, s.course_id, null::uuid as breakout_room_id
          from eduforum.sessions s where s.chat_room_id = any(${[...roomIds]}::uuid[])
        union all
        select br.chat_room_id, s.id, s.course_id, br.id
          from eduforum.breakout_rooms br
          join eduforum.breakouts b on b.id = br.breakout_id
          join eduforum.sessions s on s.id = b.session_id
          where br.chat_room_id = any(${[...roomIds]}::uuid[])
      )
      select r.room_id, r.breakout_room_id, m.role,
        exists (select 1 from platform.users u
                  left join platform.memberships pm on pm.user_id = u.id and pm.app = 'eduforum'
                  where u.id = ${userId} and (u.platform_role = 'admin' or pm.role = 'admin')) as admin,
        exists (select 1 from eduforum.session_removals x
                  where x.session_id = r.session_id and x.user_id = ${userId}) as removed,
        exists (select 1 from eduforum.breakout_members bm
                  where bm.room_id = r.breakout_room_id and bm.user_id = ${userId}) as in_room
      from rooms r
      left join eduforum.course_members m on m.course_id = r.course_id and m.user_id = ${userId}`.execute(
      deps.db,
    );
    return rows
      .filter((row) => {
        const role: EduforumRole | null = row.admin ? 'admin' : row.role;
        if (row.removed || !allows(role, 'session.join')) return false;
        return row.breakout_room_id === null || row.in_room || allows(role, 'session.moderate');
      })
      .map((row) => row.room_id);
  };
}
