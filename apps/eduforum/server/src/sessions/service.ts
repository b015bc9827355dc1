import type { CreateSessionSeries, Session, SessionStatus } from '@app/eduforum-contracts';
import { liveSession } from '@app/eduforum-contracts';
import { AppError, decodeCursor, notFound, toPage } from '@app/platform';
import { z } from 'zod';
import type { EduforumDeps } from '../deps.js';
import type { Action } from '../policies.js';
import { seriesOccurrences } from './series.js';

export type SessionRow = {
  id: string;
  course_id: string;
  title: string;
  scheduled_at: Date;
  duration_min: number;
  status: string;
  started_at: Date | null;
  ended_at: Date | null;
  locked: boolean;
  spotlight_user_id: string | null;
  chat_room_id: string;
  board_access: string;
  board_writers: string[];
};

export function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    courseId: row.course_id,
    title: row.title,
    scheduledAt: row.scheduled_at.toISOString(),
    durationMin: row.duration_min,
    status: row.status as SessionStatus,
    startedAt: row.started_at?.toISOString() ?? null,
    endedAt: row.ended_at?.toISOString() ?? null,
    locked: row.locked,
    chatRoomId: row.chat_room_id,
  };
}

/** Which status changes are allowed: scheduled -> live -> ended, and scheduled -> cancelled. */
const transitions: Record<string, readonly SessionStatus[]> = {
  scheduled: ['live', 'cancelled'],
  live: ['ended'],
  ended: [],
  cancelled: [],
};

/** The session schedule and its lifecycle. */
export class SessionService {
  /** Runs after a session ends: close what is still open, store final participation. */
  onEnded: (sessionId: string) => Promise<void> = async () => {};

  constructor(private readonly deps: EduforumDeps) {}

  /** Loads a session and checks the caller may do `action` in its course. */
  async load(userId: string, sessionId: string, action: Action) {
    const row = await this.deps.db
      .selectFrom('eduforum.sessions')
      .selectAll()
      .where('id', '=', sessionId)
      .executeTakeFirst();
    if (!row) throw notFound('Session');
    const role = await this.deps.policy
      .require(userId, { course: row.course_id }, action)
      .catch((error: unknown) => {
        // An outsider learns nothing about the session either.
        if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound('Session');
        throw error;
      });
    return { row, role };
  }

  async create(
    userId: string,
    courseId: string,
    input: { title: string; scheduledAt: string; durationMin: number },
  ): Promise<Session> {
    const [session] = await this.schedule(userId, courseId, input.durationMin, [
      { title: input.title, scheduledAt: new Date(input.scheduledAt) },
    ]);
    return session as Session;
  }

  /**
   * A weekly series at the same local time (`sessions/series.ts`), all or nothing; enrolled
   * people are told once, of the first session (the schedule lists the rest).
   */
  async createSeries(userId: string, courseId: string, input: CreateSessionSeries): Promise<Session[]> {
    const occurrences = seriesOccurrences(input);
    if (occurrences.length === 0)
      throw new AppError('BAD_REQUEST', 'Every week of the series is skipped: nothing to schedule.');
    return this.schedule(userId, courseId, input.durationMin, occurrences);
  }

  private async schedule(
    userId: string,
    courseId: string,
    durationMin: number,
    occurrences: { title: string; scheduledAt: Date }[],
  ): Promise<Session[]> {
    await this.deps.policy.require(userId, { course: courseId }, 'session.manage');
    const course = await this.deps.db
      .selectFrom('eduforum.courses')
      .select(['archived_at', 'title'])
      .where('id', '=', courseId)
      .executeTakeFirstOrThrow();
    if (course.archived_at)
      throw new AppError('INVALID_TRANSITION', 'An archived course gets no new sessions.');
    const chatRoomIds: string[] = [];
    for (const occurrence of occurrences)
      chatRoomIds.push(await this.deps.platform.chat.groupRoom('eduforum', userId, occurrence.title, []));
    const rows = await this.deps.db
      .insertInto('eduforum.sessions')
      .values(
        occurrences.map((occurrence, index) => ({
          course_id: courseId,
          title: occurrence.title,
          scheduled_at: occurrence.scheduledAt,
          duration_min: durationMin,
          chat_room_id: chatRoomIds[index] as string,
          created_by: userId,
        })),
      )
      .returningAll()
      .execute();
    rows.sort((a, b) => a.scheduled_at.getTime() - b.scheduled_at.getTime());
    const first = rows[0];
    if (first)
      await this.deps.outbound.emit({
        kind: 'session.scheduled',
        sessionId: first.id,
        courseId,
        title: first.title,
        scheduledAt: first.scheduled_at.toISOString(),
        recipients: await this.enrolled(courseId, userId),
      });
    return rows.map(toSession);
  }

  async get(userId: string, sessionId: string): Promise<Session> {
    return toSession((await this.load(userId, sessionId, 'session.view')).row);
  }

  /** A course's sessions in schedule order. */
  async list(userId: string, courseId: string, query: { cursor?: string | undefined; limit: number }) {
    await this.deps.policy.require(userId, { course: courseId }, 'session.view');
    let q = this.deps.db
      .selectFrom('eduforum.sessions')
      .selectAll()
      .where('course_id', '=', courseId)
      .orderBy('scheduled_at')
      .orderBy('id')
      .limit(query.limit + 1);
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
      q = q.where((eb) =>
        eb.or([
          eb('scheduled_at', '>', new Date(at)),
          eb.and([eb('scheduled_at', '=', new Date(at)), eb('id', '>', id)]),
        ]),
      );
    }
    const page = toPage(await q.execute(), query.limit, (r) => [r.scheduled_at.toISOString(), r.id]);
    return { items: page.items.map(toSession), nextCursor: page.nextCursor };
  }

  async update(
    userId: string,
    sessionId: string,
    input: Partial<{ title: string; scheduledAt: string; durationMin: number }>,
  ): Promise<Session> {
    const { row } = await this.load(userId, sessionId, 'session.manage');
    if (row.status !== 'scheduled')
      throw new AppError('INVALID_TRANSITION', 'Only a scheduled session can be edited.');
    const updated = await this.deps.db
      .updateTable('eduforum.sessions')
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.scheduledAt !== undefined ? { scheduled_at: new Date(input.scheduledAt) } : {}),
        ...(input.durationMin !== undefined ? { duration_min: input.durationMin } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', sessionId)
      .where('status', '=', 'scheduled')
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new AppError('INVALID_TRANSITION', 'Only a scheduled session can be edited.');
    return toSession(updated);
  }

  /** Moves a session along its lifecycle; the room hears about it on its channel. */
  async transition(userId: string, sessionId: string, to: 'live' | 'ended' | 'cancelled'): Promise<Session> {
    const { row } = await this.load(userId, sessionId, 'session.manage');
    if (!transitions[row.status]?.includes(to))
      throw new AppError('INVALID_TRANSITION', `A ${row.status} session cannot become ${to}.`);
    const now = new Date();
    const updated = await this.deps.db
      .updateTable('eduforum.sessions')
      .set({
        status: to,
        updated_at: now,
        ...(to === 'live' ? { started_at: now } : {}),
        ...(to === 'ended' ? { ended_at: now } : {}),
      })
      .where('id', '=', sessionId)
      .where('status', '=', row.status)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new AppError('INVALID_TRANSITION', 'The session changed meanwhile; reload it.');
    await this.deps.db
      .insertInto('eduforum.session_events')
      .values({ session_id: sessionId, actor_id: userId, kind: `session.${to}`, data: {} })
      .execute();
    await this.deps.platform.realtime.publishTo(liveSession, sessionId, 'session.status', { status: to });
    if (to === 'ended') await this.onEnded(sessionId);
    if (to === 'live' || to === 'cancelled') {
      await this.deps.outbound.emit({
        kind: to === 'live' ? 'session.started' : 'session.cancelled',
        sessionId,
        courseId: row.course_id,
        title: row.title,
        recipients: await this.enrolled(row.course_id, userId),
      });
    }
    return toSession(updated);
  }

  /** Everyone enrolled in a course but the actor (who is told by their own action). */
  private async enrolled(courseId: string, except: string): Promise<string[]> {
    const rows = await this.deps.db
      .selectFrom('eduforum.course_members')
      .select('user_id')
      .where('course_id', '=', courseId)
      .where('user_id', '!=', except)
      .execute();
    return rows.map((r) => r.user_id);
  }
}
