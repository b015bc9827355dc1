import { breakoutRoom, liveSession, roomWhiteboard, sessionChannel } from '@app/eduforum-contracts';
import { AppError, uniqueToConflict } from '@app/platform';
import { sql } from 'kysely';
import { breakoutDeadlineKey, breakoutDeadlineTask, DEADLINE_JOB_DELAY_MS } from '../deadlines.js';
import { type EduforumDeps, reauthorizeBoards } from '../deps.js';
import { record, requireLive } from '../live/context.js';
import { assign, type Candidate, type Strategy } from './assign.js';

export interface BreakoutView {
  id: string;
  sessionId: string;
  strategy: Strategy;
  status: 'running' | 'recalled';
  endsAt: string | null;
  rooms: { id: string; number: number; chatRoomId: string; whiteboard: string; members: string[] }[];
}

/**
 * Breakout rooms: N rooms with their own chat and whiteboard, filled by a strategy, changeable
 * while they run (moves), a text broadcast to every room, and a timer that recalls everyone.
 */
export class BreakoutService {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly deps: EduforumDeps) {}

  async start(
    userId: string,
    sessionId: string,
    input: {
      rooms: number;
      strategy: Strategy;
      durationS?: number | undefined;
      participants?: string[] | undefined;
    },
  ): Promise<BreakoutView> {
    const { session } = await requireLive(this.deps, sessionId, userId, 'session.moderate', { live: true });
    const candidates = await this.candidates(session.course_id, sessionId, input.participants);
    if (candidates.length === 0)
      throw new AppError('BAD_REQUEST', 'Nobody to assign: no students are in the session.');
    const rooms = Math.min(input.rooms, candidates.length);
    const placement = assign(candidates, rooms, input.strategy);
    const endsAt = input.durationS ? new Date(Date.now() + input.durationS * 1000) : null;
    const chatRooms: string[] = [];
    for (let n = 0; n < rooms; n++) {
      const members = candidates.filter((c) => placement.get(c.userId) === n).map((c) => c.userId);
      chatRooms.push(
        await this.deps.platform.chat.groupRoom('eduforum', userId, `Breakout ${n + 1}`, members),
      );
    }
    const breakoutId = await this.deps.db.transaction().execute(async (trx) => {
      const breakout = await trx
        .insertInto('eduforum.breakouts')
        .values({ session_id: sessionId, strategy: input.strategy, ends_at: endsAt, created_by: userId })
        .returning('id')
        .executeTakeFirstOrThrow()
        .catch(uniqueToConflict('Breakouts are already running; recall them first.', 'INVALID_TRANSITION'));
      const roomRows = await trx
        .insertInto('eduforum.breakout_rooms')
        .values(chatRooms.map((chat, n) => ({ breakout_id: breakout.id, number: n + 1, chat_room_id: chat })))
        .returning(['id', 'number'])
        .execute();
      const roomByIndex = new Map(roomRows.map((r) => [r.number - 1, r.id]));
      await trx
        .insertInto('eduforum.breakout_members')
        .values(
          candidates.map((c) => ({
            breakout_id: breakout.id,
            user_id: c.userId,
            room_id: roomByIndex.get(placement.get(c.userId) ?? 0) as string,
          })),
        )
        .execute();
      return breakout.id;
    });
    const view = await this.view(breakoutId);
    await record(this.deps, sessionId, userId, 'breakout.started', {
      breakoutId,
      rooms,
      strategy: input.strategy,
    });
    await this.deps.platform.realtime.publishTo(liveSession, sessionId, 'breakout.started', view);
    if (endsAt) {
      this.schedule(breakoutId, endsAt);
      await this.deps.platform.jobs.enqueue(
        breakoutDeadlineTask,
        { breakoutId },
        { key: breakoutDeadlineKey(breakoutId), runAt: new Date(endsAt.getTime() + DEADLINE_JOB_DELAY_MS) },
      );
    }
    return view;
  }

  /** The running breakout of a session, or null. */
  async current(userId: string, sessionId: string): Promise<BreakoutView | null> {
    await requireLive(this.deps, sessionId, userId, 'session.join');
    const row = await this.deps.db
      .selectFrom('eduforum.breakouts')
      .select('id')
      .where('session_id', '=', sessionId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return row ? this.view(row.id) : null;
  }

  /** Every breakout of the session, oldest first (the recap shows their boards). */
  async list(userId: string, sessionId: string): Promise<BreakoutView[]> {
    await requireLive(this.deps, sessionId, userId, 'session.join');
    const rows = await this.deps.db
      .selectFrom('eduforum.breakouts')
      .select('id')
      .where('session_id', '=', sessionId)
      .orderBy('id')
      .limit(50)
      .execute();
    return Promise.all(rows.map((row) => this.view(row.id)));
  }

  /** Moves someone to another room while the breakout runs (their chat follows). */
  async move(userId: string, breakoutId: string, memberId: string, roomId: string): Promise<BreakoutView> {
    const breakout = await this.running(userId, breakoutId);
    const room = await this.deps.db
      .selectFrom('eduforum.breakout_rooms')
      .select(['id', 'chat_room_id'])
      .where('id', '=', roomId)
      .where('breakout_id', '=', breakoutId)
      .executeTakeFirst();
    if (!room) throw new AppError('NOT_FOUND', 'No such room in this breakout.');
    const before = await this.deps.db
      .selectFrom('eduforum.breakout_members')
      .select('room_id')
      .where('breakout_id', '=', breakoutId)
      .where('user_id', '=', memberId)
      .executeTakeFirst();
    if (!before) {
      // Someone who arrived late joins a room.
      const role = await this.deps.policy.roleIn(memberId, 'course', breakout.course_id);
      if (!role) throw new AppError('NOT_FOUND', 'That person is not in this course.');
    }
    await this.deps.db
      .insertInto('eduforum.breakout_members')
      .values({ breakout_id: breakoutId, user_id: memberId, room_id: roomId })
      .onConflict((oc) => oc.columns(['breakout_id', 'user_id']).doUpdateSet({ room_id: roomId }))
      .execute();
    await this.deps.platform.chat.addMember(room.chat_room_id, memberId);
    await record(this.deps, breakout.session_id, userId, 'breakout.moved', {
      userId: memberId,
      from: before?.room_id ?? null,
      to: roomId,
    });
    // Their old room's channel, chat and board must let them go.
    if (before && before.room_id !== roomId) await this.deps.platform.access.changed(memberId);
    const payload = { breakoutId, userId: memberId, fromRoomId: before?.room_id ?? null, toRoomId: roomId };
    await this.deps.platform.realtime.publishTo(liveSession, breakout.session_id, 'breakout.moved', payload);
    return this.view(breakoutId);
  }

  /** Sends a text to every room (each room's channel hears it). */
  async broadcast(userId: string, breakoutId: string, text: string): Promise<{ rooms: number }> {
    const breakout = await this.running(userId, breakoutId);
    const rooms = await this.deps.db
      .selectFrom('eduforum.breakout_rooms')
      .select('id')
      .where('breakout_id', '=', breakoutId)
      .execute();
    await record(this.deps, breakout.session_id, userId, 'breakout.broadcast', { text });
    await Promise.all(
      rooms.map((r) =>
        this.deps.platform.realtime.publishTo(breakoutRoom, r.id, 'breakout.broadcast', {
          from: userId,
          text,
        }),
      ),
    );
    return { rooms: rooms.length };
  }

  /** Staff step into a room: they join its chat; the room channel already admits them. */
  async enter(userId: string, breakoutId: string, roomId: string) {
    await this.running(userId, breakoutId);
    const room = await this.deps.db
      .selectFrom('eduforum.breakout_rooms')
      .select(['id', 'number', 'chat_room_id'])
      .where('id', '=', roomId)
      .where('breakout_id', '=', breakoutId)
      .executeTakeFirst();
    if (!room) throw new AppError('NOT_FOUND', 'No such room in this breakout.');
    await this.deps.platform.chat.addMember(room.chat_room_id, userId);
    await this.deps.platform.realtime.publishTo(breakoutRoom, room.id, 'breakout.staffEntered', { userId });
    return {
      id: room.id,
      number: room.number,
      chatRoomId: room.chat_room_id,
      whiteboard: roomWhiteboard(room.id),
    };
  }

  /** Ends the breakout: everyone back in the main room. */
  async recall(userId: string | null, breakoutId: string): Promise<BreakoutView> {
    if (userId) await this.running(userId, breakoutId);
    const row = await this.deps.db
      .updateTable('eduforum.breakouts')
      .set({ status: 'recalled', recalled_at: new Date() })
      .where('id', '=', breakoutId)
      .where('status', '=', 'running')
      .returning(['session_id'])
      .executeTakeFirst();
    clearTimeout(this.timers.get(breakoutId));
    this.timers.delete(breakoutId);
    const view = await this.view(breakoutId);
    if (!row) return view;
    await record(this.deps, row.session_id, userId, 'breakout.recalled', {
      breakoutId,
      automatic: userId === null,
    });
    // The rooms' boards turn read-only.
    await reauthorizeBoards(
      this.deps,
      view.rooms.map((r) => r.whiteboard),
    );
    const payload = { breakoutId, automatic: userId === null };
    await this.deps.platform.realtime.publishTo(liveSession, row.session_id, 'breakout.recalled', payload);
    await Promise.all(
      view.rooms.map((r) =>
        this.deps.platform.realtime.publishTo(breakoutRoom, r.id, 'breakout.recalled', payload),
      ),
    );
    return view;
  }

  /** The deadline job: recalls the rooms if their timer ran out and nobody recalled them yet. */
  async recallAtDeadline(breakoutId: string): Promise<void> {
    const row = await this.deps.db
      .selectFrom('eduforum.breakouts')
      .select(['status', 'ends_at'])
      .where('id', '=', breakoutId)
      .executeTakeFirst();
    if (row?.status !== 'running' || !row.ends_at || new Date(row.ends_at).getTime() > Date.now()) return;
    await this.recall(null, breakoutId);
  }

  /** Timers of this instance (a deadline job backs each one up; see deadlines.ts). */
  stopTimers(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(breakoutId: string, endsAt: Date): void {
    const timer = setTimeout(
      () => {
        this.timers.delete(breakoutId);
        this.recall(null, breakoutId).catch((error: unknown) =>
          this.deps.platform.logger.warn({ err: error, breakoutId }, 'breakout recall failed'),
        );
      },
      Math.max(0, endsAt.getTime() - Date.now()),
    );
    timer.unref();
    this.timers.set(breakoutId, timer);
  }

  private async running(userId: string, breakoutId: string) {
    const breakout = await this.deps.db
      .selectFrom('eduforum.breakouts as b')
      .innerJoin('eduforum.sessions as s', 's.id', 'b.session_id')
      .select(['b.session_id', 'b.status', 's.course_id'])
      .where('b.id', '=', breakoutId)
      .executeTakeFirst();
    if (!breakout) throw new AppError('NOT_FOUND', 'Breakout was not found.');
    await requireLive(this.deps, breakout.session_id, userId, 'session.moderate');
    if (breakout.status !== 'running')
      throw new AppError('INVALID_TRANSITION', 'These breakouts were recalled.');
    return breakout;
  }

  /** Students of the course to place: the given ones, else those present in the session. */
  private async candidates(
    courseId: string,
    sessionId: string,
    participants: string[] | undefined,
  ): Promise<Candidate[]> {
    const ids = participants ?? this.deps.platform.realtime.presence.inChannel(sessionChannel(sessionId));
    if (ids.length === 0) return [];
    // Grade: the share of quiz points earned in this course so far (mixed-by-grade uses it).
    const rows = await this.deps.db
      .selectFrom('eduforum.course_members as m')
      .innerJoin('platform.people as u', 'u.id', 'm.user_id')
      .select([
        'm.user_id',
        'u.name',
        sql<number | null>`(select sum(qs.score)::float / nullif(sum(qs.max_score), 0)
          from eduforum.quiz_submissions qs
          join eduforum.quizzes q on q.id = qs.quiz_id
          join eduforum.sessions s on s.id = q.session_id
          where s.course_id = m.course_id and qs.user_id = m.user_id)`.as('grade'),
      ])
      .where('m.course_id', '=', courseId)
      .where('m.role', '=', 'student')
      .where('m.user_id', 'in', ids)
      .execute();
    return rows.map((r) => ({ userId: r.user_id, name: r.name, grade: r.grade }));
  }

  private async view(breakoutId: string): Promise<BreakoutView> {
    const breakout = await this.deps.db
      .selectFrom('eduforum.breakouts')
      .selectAll()
      .where('id', '=', breakoutId)
      .executeTakeFirstOrThrow();
    const rooms = await this.deps.db
      .selectFrom('eduforum.breakout_rooms as r')
      .select([
        'r.id',
        'r.number',
        'r.chat_room_id',
        sql<
          string[]
        >`coalesce((select array_agg(m.user_id order by m.user_id) from eduforum.breakout_members m where m.room_id = r.id), '{}')`.as(
          'members',
        ),
      ])
      .where('r.breakout_id', '=', breakoutId)
      .orderBy('r.number')
      .execute();
    return {
      id: breakout.id,
      sessionId: breakout.session_id,
      strategy: breakout.strategy as Strategy,
      status: breakout.status as BreakoutView['status'],
      endsAt: breakout.ends_at?.toISOString() ?? null,
      rooms: rooms.map((r) => ({
        id: r.id,
        number: r.number,
        chatRoomId: r.chat_room_id,
        whiteboard: roomWhiteboard(r.id),
        members: r.members,
      })),
    };
  }
}
