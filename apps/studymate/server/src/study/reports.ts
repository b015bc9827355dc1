import { notificationType } from '@app/platform';
import type { WeeklyReport } from '@app/studymate-contracts';
import { sql } from 'kysely';
import { APP, type StudymateDeps } from '../deps.js';
import { addDays, computeDays, localDate } from './days.js';

/** The weekly report, mailed at once (it is an email by nature) unless the learner chose otherwise. */
export const weeklyReportNotification = notificationType(
  'studymate.weekly-report',
  {
    ko: {
      title: '지난주 학습 리포트',
      body: '공부 {minutes}분, 복습 {reviews}장, 기억률 {retention}. 이번 주도 화이팅!',
    },
    en: {
      title: 'Your study week',
      body: '{minutes} min of study, {reviews} reviews, retention {retention}. Keep it going!',
    },
  },
  { app: APP, link: () => '/studymate/settings', defaults: { email: 'instant' } },
);

/**
 * Statistics jobs in the learner's time zone, driven by one hourly cron tick: at 02:00 local the
 * finished days are written to `daily_stats` (yesterday, and any earlier day of the last 35 not
 * written yet); on Mondays at 03:00 local the report of the week before is stored and, on plans
 * with `weeklyReport` and when the learner did not turn it off, sent.
 */
export class Reports {
  constructor(private readonly deps: StudymateDeps) {}

  /** The learners whose local hour is `hour` now (on `weekday`, 1 = Monday, if given). */
  async learnersAt(
    now: Date,
    hour: number,
    weekday?: number,
  ): Promise<{ userId: string; timeZone: string }[]> {
    const { rows } = await sql<{ user_id: string; time_zone: string }>`
      select user_id, time_zone from studymate.settings
      where extract(hour from ${now}::timestamptz at time zone time_zone) = ${hour}
        and (${weekday ?? null}::int is null or extract(isodow from ${now}::timestamptz at time zone time_zone) = ${weekday ?? null}::int)`.execute(
      this.deps.db,
    );
    return rows.map((row) => ({ userId: row.user_id, timeZone: row.time_zone }));
  }

  /** Writes the finished days not stored yet (of the last 35) for one learner; idempotent. */
  async writeDailyStats(userId: string, timeZone: string, now = new Date()): Promise<number> {
    const yesterday = addDays(localDate(timeZone, now), -1);
    const from = addDays(yesterday, -34);
    const last = await this.deps.db
      .selectFrom('studymate.daily_stats')
      .select((eb) => eb.fn.max('day').as('day'))
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const lastDay = last?.day ? new Date(last.day).toISOString().slice(0, 10) : null;
    const start = lastDay && lastDay >= from ? addDays(lastDay, 1) : from;
    if (start > yesterday) return 0;
    const days = await computeDays(this.deps.db, userId, timeZone, start, yesterday);
    await this.deps.db
      .insertInto('studymate.daily_stats')
      .values(
        days.map((d) => ({
          user_id: userId,
          day: d.day,
          study_seconds: d.studySeconds,
          reviews: d.reviews,
          recalled: d.recalled,
          new_cards: d.newCards,
        })),
      )
      .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
      .execute();
    return days.length;
  }

  /** Stores (once) and sends (once) the report of the week before `now` in the learner's zone. */
  async weekly(userId: string, timeZone: string, now = new Date()): Promise<WeeklyReport> {
    const today = localDate(timeZone, now);
    const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
    const weekStart = addDays(today, -weekday - 7);
    const body = await this.compute(userId, timeZone, weekStart);
    await this.deps.db
      .insertInto('studymate.weekly_reports')
      .values({ user_id: userId, week_start: weekStart, body: JSON.stringify(body) })
      .onConflict((oc) => oc.columns(['user_id', 'week_start']).doNothing())
      .execute();
    const settings = await this.deps.db
      .selectFrom('studymate.settings')
      .select('weekly_report')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const entitled = (await this.deps.platform.billing.entitlements(userId, APP)).features.includes(
      'weeklyReport',
    );
    if (settings?.weekly_report !== false && entitled && (body.studySeconds > 0 || body.reviews > 0)) {
      await this.deps.platform.notifications.send(weeklyReportNotification, {
        userId,
        dedupeKey: `studymate.weekly-report:${weekStart}`,
        data: {
          minutes: Math.round(body.studySeconds / 60),
          reviews: body.reviews,
          retention: body.retention === null ? '-' : `${Math.round(body.retention * 100)}%`,
        },
      });
      await this.deps.db
        .updateTable('studymate.weekly_reports')
        .set({ emailed_at: new Date() })
        .where('user_id', '=', userId)
        .where('week_start', '=', new Date(`${weekStart}T00:00:00Z`))
        .execute();
    }
    return (
      (await this.list(userId)).find((report) => report.weekStart === weekStart) ?? {
        ...body,
        weekStart,
        emailed: false,
      }
    );
  }

  /** The learner's stored weekly reports, newest first. */
  async list(userId: string): Promise<WeeklyReport[]> {
    const rows = await this.deps.db
      .selectFrom('studymate.weekly_reports')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('week_start', 'desc')
      .limit(26)
      .execute();
    return rows.map((row) => ({
      ...(row.body as Omit<WeeklyReport, 'weekStart' | 'emailed'>),
      weekStart: new Date(row.week_start).toISOString().slice(0, 10),
      emailed: row.emailed_at !== null,
    }));
  }

  private async compute(
    userId: string,
    timeZone: string,
    weekStart: string,
  ): Promise<Omit<WeeklyReport, 'weekStart' | 'emailed'>> {
    const days = await computeDays(this.deps.db, userId, timeZone, weekStart, addDays(weekStart, 6));
    const reviews = days.reduce((sum, d) => sum + d.reviews, 0);
    const recalled = days.reduce((sum, d) => sum + d.recalled, 0);
    const { rows } = await sql<{ quizzes: number; right: number; answered: number; best: string | null }>`
      with bounds as (
        select (${weekStart}::date)::timestamp at time zone ${timeZone} as start_at,
               ((${weekStart}::date) + 7)::timestamp at time zone ${timeZone} as end_at
      )
      select
        (select count(*)::int from studymate.quiz_attempts t, bounds b
          where t.user_id = ${userId} and t.submitted_at >= b.start_at and t.submitted_at < b.end_at) as quizzes,
        (select count(*) filter (where a.correct)::int from studymate.quiz_answers a
          join studymate.quiz_attempts t on t.id = a.attempt_id, bounds b
          where t.user_id = ${userId} and a.answered_at >= b.start_at and a.answered_at < b.end_at) as right,
        (select count(*)::int from studymate.quiz_answers a
          join studymate.quiz_attempts t on t.id = a.attempt_id, bounds b
          where t.user_id = ${userId} and a.answered_at >= b.start_at and a.answered_at < b.end_at) as answered,
        (select s.name from studymate.study_sessions t join studymate.subjects s on s.id = t.subject_id, bounds b
          where t.user_id = ${userId} and t.started_at >= b.start_at and t.started_at < b.end_at
          group by s.name order by sum(coalesce(t.seconds, 0)) desc limit 1) as best`.execute(this.deps.db);
    const quiz = rows[0] ?? { quizzes: 0, right: 0, answered: 0, best: null };
    return {
      studySeconds: days.reduce((sum, d) => sum + d.studySeconds, 0),
      reviews,
      retention: reviews === 0 ? null : recalled / reviews,
      quizzes: quiz.quizzes,
      quizAccuracy: quiz.answered === 0 ? null : quiz.right / quiz.answered,
      bestSubject: quiz.best,
    };
  }
}
