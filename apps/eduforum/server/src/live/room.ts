import type { ChatMessage } from '@app/contracts';
import {
  type Board,
  type LiveSnapshot,
  liveSession,
  type Participant,
  type Reaction,
  sessionChannel,
  sessionWhiteboard,
} from '@app/eduforum-contracts';
import { AppError, notFound } from '@app/platform';
import { sql } from 'kysely';
import { type EduforumDeps, reauthorizeBoards } from '../deps.js';
import { abilitiesOf, allows } from '../policies.js';
import { record, requireLive } from './context.js';
import type { TalkTime } from './talktime.js';

/** Reactions: a burst of 5, then one every 400 ms per person (they are ephemeral; floods are noise). */
const REACTION_BURST = 5;
const REACTION_REFILL_MS = 400;
/** The most one `speaking` report counts; clients report every second while someone talks. */
const MAX_REPORT_MS = 30_000;
const CLOCK_SKEW_MS = 5_000;

/**
 * The live room: snapshot on join, raised hands (ordered queue, call-on), reactions, chat,
 * speaking reports and the professor's controls. Every action checks the policy first, writes
 * what must last (queue, timeline), then tells the channel.
 */
export class LiveRoom {
  private readonly reactionBuckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly deps: EduforumDeps,
    private readonly talkTime: TalkTime,
  ) {}

  /** Everything a client needs on join; also makes the caller a member of the session's chat. */
  async snapshot(sessionId: string, userId: string): Promise<LiveSnapshot> {
    const { session, role } = await requireLive(this.deps, sessionId, userId, 'session.join');
    await this.deps.platform.chat.addMember(session.chat_room_id, userId);
    const present = new Set(this.deps.platform.realtime.presence.inChannel(sessionChannel(sessionId)));
    present.add(userId);
    const [participants, hands, polls, quizzes, breakout] = await Promise.all([
      this.participants(session.course_id, [...present]),
      this.hands(sessionId),
      this.deps.db
        .selectFrom('eduforum.polls')
        .select('id')
        .where('session_id', '=', sessionId)
        .where('status', '=', 'open')
        .execute(),
      this.deps.db
        .selectFrom('eduforum.quizzes')
        .select('id')
        .where('session_id', '=', sessionId)
        .where('status', '=', 'open')
        .execute(),
      this.breakoutOf(sessionId, userId),
    ]);
    const me = participants.find((p) => p.userId === userId) ?? { userId, name: '', role };
    await record(this.deps, sessionId, userId, 'participant.joined', { role });
    await this.deps.platform.realtime.publishTo(liveSession, sessionId, 'participant.joined', me);
    return {
      sessionId,
      status: session.status as LiveSnapshot['status'],
      locked: session.locked,
      spotlightUserId: session.spotlight_user_id,
      chatRoomId: session.chat_room_id,
      me,
      abilities: abilitiesOf(role),
      participants,
      hands,
      openPollIds: polls.map((p) => p.id),
      openQuizIds: quizzes.map((q) => q.id),
      board: { access: session.board_access as Board['access'], writers: session.board_writers },
      breakout,
    };
  }

  async raiseHand(sessionId: string, userId: string): Promise<void> {
    await requireLive(this.deps, sessionId, userId, 'session.join', { live: true });
    const inserted = await this.deps.db
      .insertInto('eduforum.hands')
      .values({ session_id: sessionId, user_id: userId })
      .onConflict((oc) => oc.columns(['session_id', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!inserted) return;
    await record(this.deps, sessionId, userId, 'hand.raise');
    this.talkTime.changed(sessionId);
    await this.publishQueue(sessionId);
  }

  /** Lowers the caller's own hand, or (staff) someone else's. */
  async lowerHand(sessionId: string, userId: string, target: string | undefined): Promise<void> {
    const whose = target ?? userId;
    await requireLive(this.deps, sessionId, userId, whose === userId ? 'session.join' : 'session.moderate');
    const removed = await this.deps.db
      .deleteFrom('eduforum.hands')
      .where('session_id', '=', sessionId)
      .where('user_id', '=', whose)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return;
    await record(this.deps, sessionId, userId, 'hand.lower', { userId: whose });
    await this.publishQueue(sessionId);
  }

  /** Gives the floor to someone in the queue: they leave it and everyone hears who speaks. */
  async callOn(sessionId: string, userId: string, target: string): Promise<void> {
    await requireLive(this.deps, sessionId, userId, 'session.moderate', { live: true });
    const removed = await this.deps.db
      .deleteFrom('eduforum.hands')
      .where('session_id', '=', sessionId)
      .where('user_id', '=', target)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw new AppError('NOT_FOUND', 'That hand is not raised.');
    await record(this.deps, sessionId, userId, 'hand.calledOn', { userId: target });
    await this.deps.platform.realtime.publishTo(liveSession, sessionId, 'hand.calledOn', {
      userId: target,
      by: userId,
    });
    await this.publishQueue(sessionId);
  }

  /** Relays a reaction (never stored beyond a count in the timeline), rate-limited per person. */
  async react(sessionId: string, userId: string, kind: Reaction): Promise<void> {
    if (!this.takeReactionToken(`${sessionId}|${userId}`))
      throw new AppError('RATE_LIMITED', 'Too many reactions.');
    await requireLive(this.deps, sessionId, userId, 'session.join', { live: true });
    await this.deps.platform.realtime.publishTo(liveSession, sessionId, 'reaction', { from: userId, kind });
  }

  /** Sends to the session's chat room (or the caller's breakout room while breakouts run). */
  async chat(
    sessionId: string,
    userId: string,
    input: { body: string; clientId?: string | undefined },
  ): Promise<ChatMessage> {
    const { session } = await requireLive(this.deps, sessionId, userId, 'session.join');
    await this.deps.platform.chat.addMember(session.chat_room_id, userId);
    const message = await this.deps.platform.chat.send(session.chat_room_id, userId, input);
    this.talkTime.changed(sessionId);
    return message;
  }

  /**
   * Stores one interval of speech, merged with what the person already reported (no double
   * counting). The client's times are only claims: the interval is clamped to [the session's start
   * or the person's first join, whichever is later; now (+ CLOCK_SKEW_MS)], and one report counts at most
   * MAX_REPORT_MS (the client reports every second while someone talks), so nobody's TalkTime can
   * exceed the time they were in the room.
   */
  async speaking(
    sessionId: string,
    userId: string,
    interval: { startedAt: number; endedAt: number },
  ): Promise<{ acceptedMs: number }> {
    const { session } = await requireLive(this.deps, sessionId, userId, 'session.join', { live: true });
    // Our clock, plus a little skew for a client clock slightly ahead (bounded: later reports start
    // where this one ended, so the skew is never counted twice).
    const endedAt = Math.min(interval.endedAt, Date.now() + CLOCK_SKEW_MS);
    const sessionStart = session.started_at ? new Date(session.started_at).getTime() : endedAt;
    const accepted = await this.deps.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`${sessionId}|${userId}`}))`.execute(trx);
      const known = await trx
        .selectFrom('eduforum.speaking_intervals')
        .select((eb) => [
          eb.fn.max('ended_at').as('end'),
          eb
            .selectFrom('eduforum.session_events')
            .select((inner) => inner.fn.min('at').as('at'))
            .where('session_id', '=', sessionId)
            .where('actor_id', '=', userId)
            .where('kind', '=', 'participant.joined')
            .as('joined'),
        ])
        .where('session_id', '=', sessionId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      const time = (value: Date | string | null | undefined) => (value ? new Date(value).getTime() : 0);
      const start = Math.max(
        interval.startedAt,
        endedAt - MAX_REPORT_MS,
        sessionStart,
        time(known?.joined),
        time(known?.end),
      );
      if (endedAt <= start) return 0;
      await trx
        .insertInto('eduforum.speaking_intervals')
        .values({
          session_id: sessionId,
          user_id: userId,
          started_at: new Date(start),
          ended_at: new Date(endedAt),
        })
        .execute();
      return endedAt - start;
    });
    if (accepted > 0) this.talkTime.changed(sessionId);
    return { acceptedMs: accepted };
  }

  async askToMute(sessionId: string, userId: string, target: string): Promise<void> {
    await requireLive(this.deps, sessionId, userId, 'session.moderate', { live: true });
    await record(this.deps, sessionId, userId, 'control.mute', { userId: target });
    await this.deps.platform.realtime.publishTo(liveSession, sessionId, 'control.muteRequested', {
      userId: target,
      by: userId,
    });
  }

  /** Removes someone for the rest of the session: they cannot rejoin and their actions are refused. */
  async remove(sessionId: string, userId: string, target: string): Promise<void> {
    const { session } = await requireLive(this.deps, sessionId, userId, 'session.manage');
    if (target === userId) throw new AppError('BAD_REQUEST', 'You cannot remove yourself.');
    const targetRole = await this.deps.policy.roleIn(target, 'course', session.course_id);
    if (allows(targetRole, 'session.manage'))
      throw new AppError('FORBIDDEN', 'A professor or admin cannot be removed.');
    await this.deps.db
      .insertInto('eduforum.session_removals')
      .values({ session_id: sessionId, user_id: target, removed_by: userId })
      .onConflict((oc) => oc.columns(['session_id', 'user_id']).doNothing())
      .execute()
      .catch((error: unknown) => {
        // No account with that id.
        if ((error as { code?: unknown }).code === '23503') throw notFound('User');
        throw error;
      });
    await this.deps.db
      .deleteFrom('eduforum.hands')
      .where('session_id', '=', sessionId)
      .where('user_id', '=', target)
      .execute();
    await record(this.deps, sessionId, userId, 'control.remove', { userId: target });
    await this.deps.platform.realtime.publishTo(liveSession, sessionId, 'control.removed', {
      userId: target,
    });
    // On every instance they leave the room's channels, chats and whiteboards (and its breakout
    // rooms'): the kernel asks those rules again, and they now refuse someone removed.
    await this.deps.platform.access.changed(target);
    await this.publishQueue(sessionId);
  }

  async spotlight(sessionId: string, userId: string, target: string | null): Promise<void> {
    await requireLive(this.deps, sessionId, userId, 'session.moderate', { live: true });
    await this.deps.db
      .updateTable('eduforum.sessions')
      .set({ spotlight_user_id: target })
      .where('id', '=', sessionId)
      .execute();
    await record(this.deps, sessionId, userId, 'control.spotlight', { userId: target });
    await this.deps.platform.realtime.publishTo(liveSession, sessionId, 'control.spotlight', {
      userId: target,
    });
  }

  /** A locked room admits nobody new but staff; who is inside stays. */
  async lock(sessionId: string, userId: string, locked: boolean): Promise<void> {
    await requireLive(this.deps, sessionId, userId, 'session.manage');
    await this.deps.db.updateTable('eduforum.sessions').set({ locked }).where('id', '=', sessionId).execute();
    await record(this.deps, sessionId, userId, 'control.lock', { locked });
    await this.deps.platform.realtime.publishTo(liveSession, sessionId, 'control.lock', { locked });
  }

  /**
   * Staff: who may draw on the main whiteboard. Chosen writers must be in the course; the board's
   * connections are authorized again at once (a student who loses the pen reconnects read-only).
   */
  async setBoardAccess(sessionId: string, userId: string, board: Board): Promise<void> {
    const { session } = await requireLive(this.deps, sessionId, userId, 'session.moderate');
    const writers = board.access === 'chosen' ? [...new Set(board.writers)] : [];
    if (writers.length > 0) {
      const members = await this.deps.db
        .selectFrom('eduforum.course_members')
        .select('user_id')
        .where('course_id', '=', session.course_id)
        .where('user_id', 'in', writers)
        .execute();
      if (members.length !== writers.length)
        throw new AppError('BAD_REQUEST', 'Only people in this course can be chosen to draw.');
    }
    await this.deps.db
      .updateTable('eduforum.sessions')
      .set({ board_access: board.access, board_writers: writers })
      .where('id', '=', sessionId)
      .execute();
    await record(this.deps, sessionId, userId, 'control.board', { access: board.access, writers });
    await this.deps.platform.realtime.publishTo(liveSession, sessionId, 'control.board', {
      access: board.access,
      writers,
    });
    await reauthorizeBoards(this.deps, [sessionWhiteboard(sessionId)]);
  }

  /** The raised hands, first raised first. */
  async hands(sessionId: string): Promise<LiveSnapshot['hands']> {
    const rows = await this.deps.db
      .selectFrom('eduforum.hands')
      .select(['user_id', 'raised_at'])
      .where('session_id', '=', sessionId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({ userId: r.user_id, raisedAt: r.raised_at.toISOString() }));
  }

  /** Names and roles of the given people in the course (admins who are not members show as admin). */
  async participants(courseId: string, userIds: string[]): Promise<Participant[]> {
    if (userIds.length === 0) return [];
    const rows = await this.deps.db
      .selectFrom('platform.people as u')
      .leftJoin('eduforum.course_members as m', (join) =>
        join.onRef('m.user_id', '=', 'u.id').on('m.course_id', '=', courseId),
      )
      .select(['u.id', 'u.name', 'm.role'])
      .where('u.id', 'in', userIds)
      .orderBy('u.name')
      .execute();
    return rows.map((r) => ({
      userId: r.id,
      name: r.name,
      role: (r.role ?? 'admin') as Participant['role'],
    }));
  }

  private async breakoutOf(sessionId: string, userId: string): Promise<LiveSnapshot['breakout']> {
    const row = await this.deps.db
      .selectFrom('eduforum.breakouts as b')
      .innerJoin('eduforum.breakout_members as bm', 'bm.breakout_id', 'b.id')
      .innerJoin('eduforum.breakout_rooms as r', 'r.id', 'bm.room_id')
      .select(['b.id as breakoutId', 'r.id as roomId', 'r.number', 'r.chat_room_id as chatRoomId'])
      .where('b.session_id', '=', sessionId)
      .where('b.status', '=', 'running')
      .where('bm.user_id', '=', userId)
      .executeTakeFirst();
    return row ?? null;
  }

  private async publishQueue(sessionId: string): Promise<void> {
    await this.deps.platform.realtime.publishTo(liveSession, sessionId, 'hand.queue', {
      hands: await this.hands(sessionId),
    });
  }

  private takeReactionToken(key: string): boolean {
    const now = Date.now();
    const bucket = this.reactionBuckets.get(key) ?? { tokens: REACTION_BURST, at: now };
    bucket.tokens = Math.min(REACTION_BURST, bucket.tokens + (now - bucket.at) / REACTION_REFILL_MS);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.reactionBuckets.set(key, bucket);
      return false;
    }
    bucket.tokens -= 1;
    this.reactionBuckets.set(key, bucket);
    // Forget idle buckets now and then so the map does not grow with every person ever seen.
    if (this.reactionBuckets.size > 10_000) this.reactionBuckets.clear();
    return true;
  }
}
