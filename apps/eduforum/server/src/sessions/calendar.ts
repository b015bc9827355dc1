import { createHash, randomBytes } from 'node:crypto';
import { notFound } from '@app/platform';
import ical, { ICalEventStatus } from 'ical-generator';
import type { EduforumDeps } from '../deps.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The per-user calendar feed: a secret URL (`/calendar/<token>.ics`) calendar apps poll without
 * signing in. Only the token's hash is stored; rotating it revokes every copy of the old URL.
 */
export class CalendarService {
  constructor(private readonly deps: EduforumDeps) {}

  /** Creates a fresh token (the previous one stops working) and returns the feed URL. */
  async rotate(userId: string): Promise<{ url: string; token: string }> {
    const token = randomBytes(24).toString('base64url');
    await this.deps.db
      .insertInto('eduforum.calendar_tokens')
      .values({ user_id: userId, token_hash: hash(token) })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({ token_hash: hash(token), created_at: new Date() }),
      )
      .execute();
    const base = this.deps.platform.config.server.publicUrl.replace(/\/$/, '');
    return { url: `${base}/api/v1/eduforum/calendar/${token}.ics`, token };
  }

  /** The iCalendar text of every session in the token owner's active courses. */
  async feed(token: string): Promise<string> {
    const owner = await this.deps.db
      .selectFrom('eduforum.calendar_tokens')
      .select('user_id')
      .where('token_hash', '=', hash(token))
      .executeTakeFirst();
    if (!owner) throw notFound('Calendar');
    const rows = await this.deps.db
      .selectFrom('eduforum.sessions as s')
      .innerJoin('eduforum.courses as c', 'c.id', 's.course_id')
      .innerJoin('eduforum.course_members as m', 'm.course_id', 'c.id')
      .select([
        's.id',
        's.title',
        's.scheduled_at',
        's.duration_min',
        's.status',
        's.started_at',
        's.ended_at',
        's.updated_at',
        'c.code',
        'c.title as course',
      ])
      .where('m.user_id', '=', owner.user_id)
      .where('c.archived_at', 'is', null)
      .orderBy('s.scheduled_at')
      .limit(2000)
      .execute();
    const base = this.deps.platform.config.server.publicUrl.replace(/\/$/, '');
    const calendar = ical({
      name: 'eduforum',
      prodId: { company: 'campus', product: 'eduforum', language: 'KO' },
    });
    for (const row of rows) {
      const { start, end } = eventTimes(row);
      calendar.createEvent({
        id: `${row.id}@eduforum`,
        start,
        end,
        summary: `[${row.code}] ${row.title}`,
        description: row.course,
        url: `${base}/eduforum/sessions/${row.id}`,
        status: row.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        lastModified: row.updated_at,
        timezone: 'UTC',
      });
    }
    return calendar.toString();
  }
}

/**
 * When a session is in the calendar: what happened once it has (its real start, and its real end
 * when it has ended), the plan before. A live session ends at its planned length from its real start.
 */
export function eventTimes(row: {
  scheduled_at: Date;
  duration_min: number;
  started_at: Date | null;
  ended_at: Date | null;
}): { start: Date; end: Date } {
  const start = row.started_at ?? row.scheduled_at;
  const end = row.ended_at ?? new Date(start.getTime() + row.duration_min * 60_000);
  // At least a minute: calendars keep whole seconds, and an event that ends as it starts vanishes.
  const least = new Date(start.getTime() + 60_000);
  return { start, end: end > least ? end : least };
}
