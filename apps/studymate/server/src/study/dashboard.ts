import type { Dashboard } from '@app/studymate-contracts';
import { sql } from 'kysely';
import type { StudymateDeps } from '../deps.js';
import { MIN_REVIEWS_FOR_OPTIMIZE } from '../srs/index.js';
import { addDays, computeDays, type DayRow, localDate, streaks } from './days.js';
import type { SettingsService } from './settings.js';
import type { TimerService } from './timer.js';

/** How far back streaks look. */
const STREAK_DAYS = 365;

/**
 * Everything the dashboard draws. Finished days come from `daily_stats` (the 02:00 job); the days
 * it has not written yet (today at least) are computed from the sessions and the review log, so the
 * dashboard is right before the first job ran.
 */
export class DashboardService {
  constructor(
    private readonly deps: StudymateDeps,
    private readonly settings: SettingsService,
    private readonly timer: TimerService,
  ) {}

  async days(userId: string, timeZone: string, count: number): Promise<DayRow[]> {
    const today = localDate(timeZone);
    const from = addDays(today, -(count - 1));
    const stored = await this.deps.db
      .selectFrom('studymate.daily_stats')
      .select(['day', 'study_seconds', 'reviews', 'recalled', 'new_cards'])
      .where('user_id', '=', userId)
      .where('day', '>=', new Date(`${from}T00:00:00Z`))
      .where('day', '<', new Date(`${today}T00:00:00Z`))
      .orderBy('day')
      .execute();
    const byDay = new Map<string, DayRow>(
      stored.map((row) => {
        const day = row.day.toISOString().slice(0, 10);
        return [
          day,
          {
            day,
            studySeconds: row.study_seconds,
            reviews: row.reviews,
            recalled: row.recalled,
            newCards: row.new_cards,
          },
        ];
      }),
    );
    // Live from the day after the last stored one (or the start of the range).
    let liveFrom = from;
    for (let day = from; day < today; day = addDays(day, 1)) if (byDay.has(day)) liveFrom = addDays(day, 1);
    for (const row of await computeDays(this.deps.db, userId, timeZone, liveFrom, today))
      byDay.set(row.day, row);
    const out: DayRow[] = [];
    for (let day = from; day <= today; day = addDays(day, 1))
      out.push(byDay.get(day) ?? { day, studySeconds: 0, reviews: 0, recalled: 0, newCards: 0 });
    return out;
  }

  async get(userId: string, range: number): Promise<Dashboard> {
    const settings = await this.settings.row(userId);
    const zone = settings.time_zone;
    const [history, running, counts, retention, forecast, subjects, reviewsTotal] = await Promise.all([
      this.days(userId, zone, STREAK_DAYS),
      this.timer.current(userId),
      this.counts(userId),
      this.trueRetention(userId),
      this.forecast(userId, zone),
      this.subjects(userId),
      this.settings.reviewCount(userId),
    ]);
    const todayRow = history.at(-1);
    const runningSeconds = running && !running.endedAt ? running.elapsedSeconds : 0;
    if (todayRow) todayRow.studySeconds += runningSeconds;
    const days = history
      .slice(-range)
      .map(({ day, studySeconds, reviews, recalled }) => ({ day, studySeconds, reviews, recalled }));
    const dashboard: Dashboard = {
      today: {
        studySeconds: todayRow?.studySeconds ?? 0,
        goalSeconds: settings.daily_goal_minutes * 60,
        reviews: todayRow?.reviews ?? 0,
        due: counts.due,
      },
      streak: streaks(history),
      trueRetention: retention,
      days,
      forecast,
      subjects,
      recommendations: [],
      totals: { cards: counts.cards, materials: counts.materials, reviews: reviewsTotal },
    };
    dashboard.recommendations = await this.recommend(
      userId,
      dashboard,
      counts,
      settings.fsrs_parameters !== null,
    );
    return dashboard;
  }

  private async counts(userId: string) {
    const { rows } = await sql<{ cards: number; due: number; new_cards: number; materials: number }>`
      select
        (select count(*)::int from studymate.cards where user_id = ${userId}) as cards,
        (select count(*)::int from studymate.cards where user_id = ${userId} and not suspended
           and state <> 0 and due <= now() and (buried_until is null or buried_until <= now())) as due,
        (select count(*)::int from studymate.cards where user_id = ${userId} and not suspended and state = 0) as new_cards,
        (select count(*)::int from studymate.materials where user_id = ${userId}) as materials`.execute(
      this.deps.db,
    );
    return rows[0] ?? { cards: 0, due: 0, new_cards: 0, materials: 0 };
  }

  /** Share of reviews of cards in review state that were recalled (grade 2+), last 30 days. */
  private async trueRetention(userId: string): Promise<number | null> {
    const row = await this.deps.db
      .selectFrom('studymate.review_logs')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.count<number>('id').filterWhere('grade', '>=', 2).as('recalled'),
      ])
      .where('user_id', '=', userId)
      .where('state', '=', 2)
      .where('reviewed_at', '>=', new Date(Date.now() - 30 * 86_400_000))
      .executeTakeFirstOrThrow();
    const n = Number(row.n);
    return n === 0 ? null : Number(row.recalled) / n;
  }

  /** Cards coming due per day for the next 14 days (today includes everything overdue). */
  private async forecast(userId: string, zone: string) {
    const today = localDate(zone);
    const { rows } = await sql<{ day: string; due: number }>`
      select to_char(greatest((due at time zone ${zone})::date, ${today}::date), 'YYYY-MM-DD') as day, count(*)::int as due
      from studymate.cards
      where user_id = ${userId} and not suspended and state <> 0
        and due < ((${addDays(today, 14)}::date)::timestamp at time zone ${zone})
      group by 1`.execute(this.deps.db);
    const byDay = new Map(rows.map((row) => [row.day, row.due]));
    return Array.from({ length: 14 }, (_, i) => {
      const day = addDays(today, i);
      return { day, due: byDay.get(day) ?? 0 };
    });
  }

  /** Per subject, last 30 days: study time, reviews and accuracy (reviews recalled and quiz answers right). */
  private async subjects(userId: string) {
    const { rows } = await sql<{
      id: string;
      name: string;
      color: string;
      seconds: number;
      reviews: number;
      right: number;
      answered: number;
    }>`
      select s.id, s.name, s.color,
        coalesce((select sum(coalesce(t.seconds, 0)) from studymate.study_sessions t
                  where t.subject_id = s.id and t.started_at > now() - interval '30 days'), 0)::int as seconds,
        coalesce(r.reviews, 0)::int as reviews,
        (coalesce(r.recalled, 0) + coalesce(q.right, 0))::int as right,
        (coalesce(r.reviews, 0) + coalesce(q.answered, 0))::int as answered
      from studymate.subjects s
      left join lateral (
        select count(*) as reviews, count(*) filter (where l.grade >= 2) as recalled
        from studymate.review_logs l join studymate.cards c on c.id = l.card_id
        where c.subject_id = s.id and l.user_id = ${userId} and l.reviewed_at > now() - interval '30 days'
      ) r on true
      left join lateral (
        select count(*) filter (where a.correct) as right, count(*) as answered
        from studymate.quiz_answers a
        join studymate.quiz_attempts t on t.id = a.attempt_id
        join studymate.quizzes z on z.id = t.quiz_id
        join studymate.materials m on m.id = z.material_id
        where m.subject_id = s.id and t.user_id = ${userId} and a.answered_at > now() - interval '30 days'
      ) q on true
      where s.user_id = ${userId}
      order by s.name`.execute(this.deps.db);
    return rows.map((row) => ({
      subjectId: row.id,
      name: row.name,
      color: row.color,
      studySeconds: row.seconds,
      reviews: row.reviews,
      accuracy: row.answered === 0 ? null : row.right / row.answered,
    }));
  }

  /** What to do next, most useful first. */
  private async recommend(
    userId: string,
    dashboard: Dashboard,
    counts: { due: number; new_cards: number },
    fitted: boolean,
  ): Promise<Dashboard['recommendations']> {
    const out: Dashboard['recommendations'] = [];
    if (counts.due > 0) out.push({ kind: 'review', subjectId: null, materialId: null, count: counts.due });
    const weakest = dashboard.subjects
      .filter((s) => s.accuracy !== null && s.accuracy < 0.7)
      .sort((a, b) => (a.accuracy ?? 1) - (b.accuracy ?? 1))[0];
    const unquizzed = await this.deps.db
      .selectFrom('studymate.materials as m')
      .select(['m.id', 'm.subject_id'])
      .where('m.user_id', '=', userId)
      .where('m.status', '=', 'ready')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom('studymate.quizzes as q').select('q.id').whereRef('q.material_id', '=', 'm.id'),
          ),
        ),
      )
      .orderBy('m.id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (weakest) {
      const material = await this.deps.db
        .selectFrom('studymate.materials')
        .select('id')
        .where('subject_id', '=', weakest.subjectId ?? '')
        .where('status', '=', 'ready')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (material)
        out.push({ kind: 'quiz', subjectId: weakest.subjectId, materialId: material.id, count: null });
    } else if (unquizzed)
      out.push({ kind: 'quiz', subjectId: unquizzed.subject_id, materialId: unquizzed.id, count: null });
    if (counts.new_cards > 0)
      out.push({ kind: 'new-cards', subjectId: null, materialId: null, count: counts.new_cards });
    if (!fitted && dashboard.totals.reviews >= MIN_REVIEWS_FOR_OPTIMIZE)
      out.push({ kind: 'optimize', subjectId: null, materialId: null, count: dashboard.totals.reviews });
    if (dashboard.today.studySeconds < dashboard.today.goalSeconds)
      out.push({
        kind: 'goal',
        subjectId: null,
        materialId: null,
        count: Math.ceil((dashboard.today.goalSeconds - dashboard.today.studySeconds) / 60),
      });
    if (dashboard.totals.materials === 0)
      out.push({ kind: 'material', subjectId: null, materialId: null, count: null });
    return out;
  }
}
