import type { CollabAccess, CollabNamespace } from '@app/platform';
import type { EduforumDeps } from '../deps.js';
import { allows } from '../policies.js';
import { type LiveContext, liveContext } from './context.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const SESSION_DOC = new RegExp(`^eduforum\\.session\\.(${UUID})$`, 'i');
const ROOM_DOC = new RegExp(`^eduforum\\.room\\.(${UUID})$`, 'i');
/** Shared notes: the session's, and each breakout room's (anyone in the room writes while it runs). */
const SESSION_NOTES = new RegExp(`^eduforum\\.notes\\.(${UUID})$`, 'i');
const ROOM_NOTES = new RegExp(`^eduforum\\.roomnotes\\.(${UUID})$`, 'i');

/** Whether a person may draw on the session's main board: staff always, others as it is set. */
function maySessionBoard(context: LiveContext, userId: string): boolean {
  if (allows(context.role, 'session.moderate')) return true;
  const { board_access: access, board_writers: writers } = context.session;
  return access === 'everyone' || (access === 'chosen' && writers.includes(userId));
}

/**
 * Whiteboards: one Yjs document per room on `/collab` (`eduforum.session.<sessionId>` for the main
 * room, `eduforum.room.<breakoutRoomId>` per breakout room), and shared notes beside each
 * (`eduforum.notes.<sessionId>`, `eduforum.roomnotes.<breakoutRoomId>`), stored in
 * `eduforum.collab_documents`.
 * Participants draw while the room is open; afterwards the board is read-only (for export).
 */
export function whiteboards(deps: EduforumDeps): CollabNamespace {
  return {
    async authorize(auth, name): Promise<CollabAccess> {
      const notes = SESSION_NOTES.exec(name);
      if (notes?.[1]) {
        const context = await liveContext(deps, notes[1], auth.userId);
        if (!context || context.removed || !allows(context.role, 'session.join')) return null;
        if (context.session.status === 'cancelled') return null;
        return context.session.status === 'live' ? 'write' : 'read';
      }
      const session = SESSION_DOC.exec(name);
      if (session?.[1]) {
        const context = await liveContext(deps, session[1], auth.userId);
        if (!context || context.removed || !allows(context.role, 'session.join')) return null;
        if (context.session.status === 'cancelled') return null;
        if (context.session.status === 'ended') return 'read';
        return maySessionBoard(context, auth.userId) ? 'write' : 'read';
      }
      const room = ROOM_DOC.exec(name) ?? ROOM_NOTES.exec(name);
      if (!room?.[1]) return null;
      const row = await deps.db
        .selectFrom('eduforum.breakout_rooms as r')
        .innerJoin('eduforum.breakouts as b', 'b.id', 'r.breakout_id')
        .leftJoin('eduforum.breakout_members as m', (join) =>
          join.onRef('m.room_id', '=', 'r.id').on('m.user_id', '=', auth.userId),
        )
        .select(['b.session_id', 'b.status', 'm.user_id'])
        .where('r.id', '=', room[1])
        .executeTakeFirst();
      if (!row) return null;
      const context = await liveContext(deps, row.session_id, auth.userId);
      if (!context || context.removed || !allows(context.role, 'session.join')) return null;
      // Once recalled, a room's board and notes are the whole class's to look at (the recap shows
      // them); while it runs they are its members' and the staff's.
      if (row.status !== 'running') return 'read';
      const inRoom = row.user_id !== null || allows(context.role, 'session.moderate');
      return inRoom ? 'write' : null;
    },
    async load(name) {
      const row = await deps.db
        .selectFrom('eduforum.collab_documents')
        .select('state')
        .where('name', '=', name)
        .executeTakeFirst();
      return row ? new Uint8Array(row.state) : null;
    },
    async store(name, state) {
      const buffer = Buffer.from(state);
      await deps.db
        .insertInto('eduforum.collab_documents')
        .values({ name, state: buffer })
        .onConflict((oc) => oc.column('name').doUpdateSet({ state: buffer, updated_at: new Date() }))
        .execute();
    },
  };
}
