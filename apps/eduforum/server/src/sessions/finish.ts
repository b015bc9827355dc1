import { roomWhiteboard, sessionWhiteboard } from '@app/eduforum-contracts';
import type { BreakoutService } from '../breakouts/service.js';
import { type EduforumDeps, reauthorizeBoards } from '../deps.js';
import type { TalkTime } from '../live/talktime.js';

/**
 * What ending a session settles: open polls and quizzes close, running breakouts are recalled,
 * the hand queue empties, and the participation totals are stored one last time.
 */
export async function finishSession(
  deps: EduforumDeps,
  parts: { breakouts: BreakoutService; talkTime: TalkTime },
  sessionId: string,
): Promise<void> {
  const now = new Date();
  await deps.db
    .updateTable('eduforum.polls')
    .set({ status: 'closed', closed_at: now })
    .where('session_id', '=', sessionId)
    .where('status', '=', 'open')
    .execute();
  await deps.db
    .updateTable('eduforum.quizzes')
    .set({ status: 'closed', closes_at: now })
    .where('session_id', '=', sessionId)
    .where('status', '=', 'open')
    .execute();
  const running = await deps.db
    .selectFrom('eduforum.breakouts')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('status', '=', 'running')
    .execute();
  for (const breakout of running) await parts.breakouts.recall(null, breakout.id);
  await deps.db.deleteFrom('eduforum.hands').where('session_id', '=', sessionId).execute();
  // Every board of the session turns read-only (open ones would otherwise stay writable).
  const rooms = await deps.db
    .selectFrom('eduforum.breakout_rooms as r')
    .innerJoin('eduforum.breakouts as b', 'b.id', 'r.breakout_id')
    .select('r.id')
    .where('b.session_id', '=', sessionId)
    .execute();
  await reauthorizeBoards(deps, [sessionWhiteboard(sessionId), ...rooms.map((r) => roomWhiteboard(r.id))]);
  await parts.talkTime.refresh(sessionId);
}
