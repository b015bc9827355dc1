import type { Attendance } from '@app/eduforum-contracts';
import { toCsv } from '@app/platform';
import type { EduforumDeps } from '../deps.js';
import { requireLive } from './context.js';

/** Joining later than this after the start counts as late. */
export const LATE_AFTER_MS = 5 * 60_000;

/** One person's joins and leaves, oldest first, as the session's timeline recorded them. */
export interface Presence {
  kind: 'participant.joined' | 'participant.left';
  at: Date;
}

/**
 * Time present from a person's joins and leaves, within [start, end]: a join opens an interval
 * (another join while open changes nothing: a reconnect), a leave closes it, and one still open
 * closes at `end`. Returns the first join, the last leave and the milliseconds present.
 */
export function presenceOf(
  events: readonly Presence[],
  start: Date,
  end: Date,
): { firstJoinedAt: Date | null; lastLeftAt: Date | null; presentMs: number } {
  let openedAt: number | null = null;
  let presentMs = 0;
  let firstJoinedAt: Date | null = null;
  let lastLeftAt: Date | null = null;
  const clamp = (ms: number) => Math.min(Math.max(ms, start.getTime()), end.getTime());
  for (const event of events) {
    if (event.kind === 'participant.joined') {
      firstJoinedAt ??= event.at;
      if (openedAt === null) openedAt = clamp(event.at.getTime());
    } else if (openedAt !== null) {
      presentMs += clamp(event.at.getTime()) - openedAt;
      openedAt = null;
      lastLeftAt = event.at;
    }
  }
  if (openedAt !== null) presentMs += end.getTime() - openedAt;
  return { firstJoinedAt, lastLeftAt, presentMs: Math.max(0, presentMs) };
}

/** Attendance of a session for its staff: every enrolled student and everyone who came. */
export async function attendance(deps: EduforumDeps, userId: string, sessionId: string): Promise<Attendance> {
  const { session } = await requireLive(deps, sessionId, userId, 'grade.view');
  const start = session.started_at;
  const end = session.ended_at ?? new Date();
  const [people, events] = await Promise.all([
    deps.db
      .selectFrom('eduforum.course_members as m')
      .innerJoin('platform.people as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'u.name', 'm.role'])
      .where('m.course_id', '=', session.course_id)
      .execute(),
    deps.db
      .selectFrom('eduforum.session_events')
      .select(['actor_id', 'kind', 'at'])
      .where('session_id', '=', sessionId)
      .where('kind', 'in', ['participant.joined', 'participant.left'])
      .orderBy('id')
      .execute(),
  ]);
  const byPerson = new Map<string, Presence[]>();
  for (const event of events) {
    if (!event.actor_id) continue;
    const list = byPerson.get(event.actor_id) ?? [];
    list.push({ kind: event.kind as Presence['kind'], at: event.at });
    byPerson.set(event.actor_id, list);
  }
  const items = people
    .map((person) => {
      const seen = start ? presenceOf(byPerson.get(person.user_id) ?? [], start, end) : null;
      const joined = seen?.firstJoinedAt ?? null;
      const late = Boolean(start && joined && joined.getTime() - start.getTime() > LATE_AFTER_MS);
      return {
        userId: person.user_id,
        name: person.name,
        role: person.role as Attendance['items'][number]['role'],
        firstJoinedAt: joined?.toISOString() ?? null,
        lastLeftAt: seen?.lastLeftAt?.toISOString() ?? null,
        minutes: Math.round((seen?.presentMs ?? 0) / 60_000),
        status: (joined ? (late ? 'late' : 'present') : 'absent') as Attendance['items'][number]['status'],
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    sessionId,
    startedAt: start?.toISOString() ?? null,
    endedAt: session.ended_at?.toISOString() ?? null,
    items,
  };
}

/** The same as CSV (Excel-friendly BOM; formulas neutralised by `toCsv`). */
export function attendanceCsv(report: Attendance): string {
  return toCsv(
    [
      ['name', 'role', 'status', 'first_joined_at', 'last_left_at', 'minutes'],
      ...report.items.map((r) => [
        r.name,
        r.role,
        r.status,
        r.firstJoinedAt ?? '',
        r.lastLeftAt ?? '',
        r.minutes,
      ]),
    ],
    { bom: true },
  );
}
