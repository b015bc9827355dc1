import { sql } from 'kysely';
import type { SmDb } from '../db.js';

/** One day of a learner's study, in their time zone. */
export interface DayRow {
  day: string;
  studySeconds: number;
  reviews: number;
  recalled: number;
  newCards: number;
}

/**
 * The learner's days from `from` to `to` (ISO dates, inclusive, in `timeZone`), computed from the
 * sessions and the review log: every day of the range, zeros included. The daily job stores these
 * rows for finished days; the dashboard computes only the days not stored yet.
 */
export async function computeDays(
  db: SmDb,
  userId: string,
  timeZone: string,
  from: string,
  to: string,
): Promise<DayRow[]> {
  const { rows } = await sql<{
    day: string;
    study_seconds: number;
    reviews: number;
    recalled: number;
    new_cards: number;
  }>`
    with bounds as (
      select (${from}::date)::timestamp at time zone ${timeZone} as start_at,
             ((${to}::date) + 1)::timestamp at time zone ${timeZone} as end_at
    ),
    sessions as (
      select (s.started_at at time zone ${timeZone})::date as day, sum(coalesce(s.seconds, 0))::int as secs
      from studymate.study_sessions s, bounds b
      where s.user_id = ${userId} and s.started_at >= b.start_at and s.started_at < b.end_at
      group by 1
    ),
    reviews as (
      select (r.reviewed_at at time zone ${timeZone})::date as day,
             count(*)::int as reviews,
             (count(*) filter (where r.grade >= 2))::int as recalled,
             (count(*) filter (where r.state = 0))::int as new_cards
      from studymate.review_logs r, bounds b
      where r.user_id = ${userId} and r.reviewed_at >= b.start_at and r.reviewed_at < b.end_at
      group by 1
    )
    select to_char(d.day, 'YYYY-MM-DD') as day,
           coalesce(s.secs, 0) as study_seconds,
           coalesce(r.reviews, 0) as reviews,
           coalesce(r.recalled, 0) as recalled,
           coalesce(r.new_cards, 0) as new_cards
    from generate_series(${from}::date, ${to}::date, interval '1 day') as d(day)
    left join sessions s on s.day = d.day::date
    left join reviews r on r.day = d.day::date
    order by d.day`.execute(db);
  return rows.map((row) => ({
    day: row.day,
    studySeconds: row.study_seconds,
    reviews: row.reviews,
    recalled: row.recalled,
    newCards: row.new_cards,
  }));
}

/** Today's date in a time zone (ISO). */
export function localDate(timeZone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** An ISO date plus `days` (negative to go back). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Current and longest run of consecutive study days (today counts once it has study; until then yesterday ends the run). */
export function streaks(days: readonly Pick<DayRow, 'day' | 'studySeconds' | 'reviews'>[]): {
  current: number;
  longest: number;
} {
  const active = days.map((d) => d.studySeconds > 0 || d.reviews > 0);
  let longest = 0;
  let run = 0;
  for (const on of active) {
    run = on ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  let current = 0;
  let i = active.length - 1;
  if (i >= 0 && !active[i]) i -= 1;
  while (i >= 0 && active[i]) {
    current += 1;
    i -= 1;
  }
  return { current, longest };
}
