import { breakoutRoom, liveSession, liveStaff } from '@app/eduforum-contracts';
import { type AppChannel, appChannel } from '@app/platform';
import { z } from 'zod';
import type { EduforumDeps } from '../deps.js';
import { allows, isStaff } from '../policies.js';
import type { PollService } from '../polls/service.js';
import { liveContext, record } from './context.js';
import type { LiveRoom } from './room.js';
import type { TalkTime } from './talktime.js';

/**
 * eduforum's channel types: the session room, its staff side (live results, TalkTime) and
 * breakout rooms.
 */
export function liveChannels(
  deps: EduforumDeps,
  parts: { room: LiveRoom; talkTime: TalkTime; polls: PollService },
): AppChannel[] {
  const { room, talkTime, polls } = parts;
  const { realtime } = deps.platform;
  const session = appChannel(liveSession, {
    id: z.uuid(),
    async authorize(auth, sessionId) {
      // Refusals say why, so the page can tell the person what happened (live.refused.*).
      const context = await liveContext(deps, sessionId, auth.userId);
      if (!context || !allows(context.role, 'session.join')) return { refused: 'not-member' };
      if (context.removed) return { refused: 'removed' };
      if (context.session.status === 'cancelled' || context.session.status === 'ended')
        return { refused: 'ended' };
      // A locked room keeps who is in (a reconnect is not a new entry) and admits staff.
      if (
        context.session.locked &&
        !isStaff(context.role) &&
        !realtime.presence.inChannel(liveSession.name(sessionId)).includes(auth.userId)
      )
        return { refused: 'locked' };
      return true;
    },
    // Joining is recorded with the snapshot a client asks for on entry; leaving (after the
    // presence grace, so a reconnect is not a leave) comes from the kernel.
    onPresence: async ({ id, userId, joined }) => {
      if (!joined) await record(deps, id, userId, 'participant.left');
    },
    on: {
      snapshot: ({ auth, id }) => room.snapshot(id, auth.userId),
      'hand.raise': ({ auth, id }) => room.raiseHand(id, auth.userId),
      'hand.lower': ({ auth, id, payload }) => room.lowerHand(id, auth.userId, payload.userId),
      'hand.callOn': ({ auth, id, payload }) => room.callOn(id, auth.userId, payload.userId),
      react: ({ auth, id, payload }) => room.react(id, auth.userId, payload.kind),
      chat: ({ auth, id, payload }) => room.chat(id, auth.userId, payload),
      speaking: ({ auth, id, payload }) => room.speaking(id, auth.userId, payload),
      'poll.vote': ({ auth, id, payload }) =>
        polls.vote(
          auth.userId,
          payload.pollId,
          payload.choices ? { choices: payload.choices } : { text: payload.text ?? '' },
          id,
        ),
      'control.mute': ({ auth, id, payload }) => room.askToMute(id, auth.userId, payload.userId),
      'control.remove': ({ auth, id, payload }) => room.remove(id, auth.userId, payload.userId),
      'control.spotlight': ({ auth, id, payload }) => room.spotlight(id, auth.userId, payload.userId),
      'control.lock': ({ auth, id, payload }) => room.lock(id, auth.userId, payload.locked),
      'control.board': ({ auth, id, payload }) => room.setBoardAccess(id, auth.userId, payload),
    },
  });
  const staff = appChannel(liveStaff, {
    id: z.uuid(),
    async authorize(auth, sessionId) {
      const context = await liveContext(deps, sessionId, auth.userId);
      if (!context || context.removed || !allows(context.role, 'grade.view')) return false;
      talkTime.watch(sessionId);
      talkTime.changed(sessionId);
      return true;
    },
    on: {},
  });
  const room_ = appChannel(breakoutRoom, {
    id: z.uuid(),
    async authorize(auth, roomId) {
      const row = await deps.db
        .selectFrom('eduforum.breakout_rooms as r')
        .innerJoin('eduforum.breakouts as b', 'b.id', 'r.breakout_id')
        .leftJoin('eduforum.breakout_members as m', (join) =>
          join.onRef('m.room_id', '=', 'r.id').on('m.user_id', '=', auth.userId),
        )
        .select(['b.session_id', 'b.status', 'm.user_id'])
        .where('r.id', '=', roomId)
        .executeTakeFirst();
      if (row?.status !== 'running') return false;
      // A place in the room is not enough: who left the course or the session left its rooms.
      const context = await liveContext(deps, row.session_id, auth.userId);
      if (!context || context.removed || !allows(context.role, 'session.join')) return false;
      // Professors and TAs may enter any room.
      return row.user_id !== null || allows(context.role, 'session.moderate');
    },
    on: {},
  });
  return [session, staff, room_];
}
