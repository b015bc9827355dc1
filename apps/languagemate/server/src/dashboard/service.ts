import { type Dashboard, dashboardSchema } from '@app/languagemate-contracts';
import { sql } from 'kysely';
import type { LanguagemateDeps } from '../deps.js';
import type { ProfileService } from '../profiles/service.js';
import type { ScheduleService } from '../schedule/service.js';
import { lastWeeks, streakDays, weekStart } from './streak.js';

const WEEKS = 8;
const DAY_MS = 86_400_000;

/** The learner's dashboard: minutes spoken, sessions, messages, corrections, streak and goals. */
export class DashboardService {
  constructor(
    private readonly deps: LanguagemateDeps,
    private readonly profiles: ProfileService,
    private readonly schedule: ScheduleService,
  ) {}

  async of(userId: string): Promise<Dashboard> {
    const profile = await this.profiles.require(userId);
    const zone = profile.timeZone;
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: zone }).format(new Date());
    const weeks = lastWeeks(today, WEEKS);
    const since = new Date(Date.parse(`${weeks[0]}T00:00:00Z`) - DAY_MS);
    const db = this.deps.db;

    const [minuteRows, dailyCalls, daily, sessions, corrections, upcoming, totals] = await Promise.all([
      db
        .selectFrom('languagemate.call_feedback as f')
        .innerJoin(sql<{ key: string; value: string }>`jsonb_each_text(f.minutes)`.as('m'), (join) =>
          join.onTrue(),
        )
        .select(['m.key as language', sql<string>`sum(m.value::numeric)`.as('minutes')])
        .where('f.user_id', '=', userId)
        .groupBy('m.key')
        .orderBy('m.key')
        .execute(),
      db
        .selectFrom('languagemate.call_feedback as f')
        .select([
          sql<string>`to_char((f.created_at at time zone ${zone})::date, 'YYYY-MM-DD')`.as('day'),
          sql<string>`coalesce((select sum(value::numeric) from jsonb_each_text(f.minutes)), 0)`.as(
            'minutes',
          ),
        ])
        .where('f.user_id', '=', userId)
        .where('f.created_at', '>=', since)
        .execute(),
      this.deps.platform.chat.dailyMessages('languagemate', userId, since, zone),
      db
        .selectFrom('languagemate.sessions')
        .select((eb) => [
          eb.fn
            .countAll<string>()
            .filterWhere(sql<boolean>`starts_at + make_interval(mins => duration_min::int) < now()`)
            .filterWhere((e) => e.or([e('no_show_user', 'is', null), e('no_show_user', '<>', userId)]))
            .as('attended'),
          eb.fn
            .countAll<string>()
            .filterWhere(sql<boolean>`starts_at + make_interval(mins => duration_min::int) >= now()`)
            .as('upcoming'),
        ])
        .where('state', '=', 'accepted')
        .where((eb) => eb.or([eb('proposer_id', '=', userId), eb('partner_id', '=', userId)]))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('languagemate.corrections')
        .select((eb) => [
          eb.fn.countAll<string>().filterWhere('learner_id', '=', userId).as('received'),
          eb.fn
            .countAll<string>()
            .filterWhere('learner_id', '=', userId)
            .filterWhere('reviewed_at', 'is not', null)
            .as('reviewed'),
          eb.fn.countAll<string>().filterWhere('corrector_id', '=', userId).as('given'),
        ])
        .where((eb) => eb.or([eb('learner_id', '=', userId), eb('corrector_id', '=', userId)]))
        .executeTakeFirstOrThrow(),
      this.schedule.list(userId, 'upcoming', 5),
      db
        .selectFrom('languagemate.call_feedback')
        .select((eb) => eb.fn.countAll<string>().as('calls'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow(),
    ]);
    const allMessages = await this.deps.platform.chat.dailyMessages(
      'languagemate',
      userId,
      new Date(0),
      zone,
    );

    const byWeek = new Map(weeks.map((w) => [w, { minutes: 0, messages: 0 }]));
    for (const row of dailyCalls) {
      const week = byWeek.get(weekStart(row.day));
      if (week) week.minutes += Number(row.minutes);
    }
    for (const row of daily) {
      const week = byWeek.get(weekStart(row.day));
      if (week) week.messages += row.messages;
    }
    const activeDays = [...daily.map((d) => d.day), ...dailyCalls.map((c) => c.day)];
    const thisWeek = byWeek.get(weekStart(today));
    return dashboardSchema.parse({
      minutesByLanguage: minuteRows.map((r) => ({
        language: r.language,
        minutes: round1(Number(r.minutes)),
      })),
      weeks: weeks.map((w) => ({
        weekStart: w,
        minutes: round1(byWeek.get(w)?.minutes ?? 0),
        messages: byWeek.get(w)?.messages ?? 0,
      })),
      weeklyGoalMinutes: profile.weeklyGoalMinutes,
      thisWeekMinutes: round1(thisWeek?.minutes ?? 0),
      sessions: { attended: Number(sessions.attended), upcoming: Number(sessions.upcoming) },
      calls: Number(totals.calls),
      messagesSent: allMessages.reduce((sum, d) => sum + d.messages, 0),
      corrections: {
        received: Number(corrections.received),
        reviewed: Number(corrections.reviewed),
        given: Number(corrections.given),
      },
      streakDays: streakDays(activeDays, today),
      upcoming,
    });
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;
