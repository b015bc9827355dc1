import type { Settings } from '@app/studymate-contracts';
import { settingsPatchSchema } from '@app/studymate-contracts';
import type { Selectable } from 'kysely';
import type { StudymateSettings } from '../db.generated.js';
import type { StudymateDeps } from '../deps.js';
import { MIN_REVIEWS_FOR_OPTIMIZE, type SchedulerSettings } from '../srs/index.js';

/** The longest interval studymate schedules (100 years: effectively none). */
const MAXIMUM_INTERVAL_DAYS = 36_500;

type SettingsRow = Selectable<StudymateSettings>;

/** A learner's settings; the row is created with the defaults on first use. */
export class SettingsService {
  constructor(private readonly deps: StudymateDeps) {}

  async row(userId: string): Promise<SettingsRow> {
    const existing = await this.deps.db
      .selectFrom('studymate.settings')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (existing) return existing;
    await this.deps.db
      .insertInto('studymate.settings')
      .values({ user_id: userId })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
    return this.deps.db
      .selectFrom('studymate.settings')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
  }

  /** What the scheduler needs for this learner's next review. */
  async scheduler(userId: string, cardId: string): Promise<SchedulerSettings> {
    return schedulerSettings(await this.row(userId), cardId);
  }

  async get(userId: string): Promise<Settings> {
    const [row, reviews] = await Promise.all([this.row(userId), this.reviewCount(userId)]);
    return toSettings(row, reviews);
  }

  async update(userId: string, body: unknown): Promise<Settings> {
    const patch = settingsPatchSchema.parse(body);
    await this.row(userId);
    await this.deps.db
      .updateTable('studymate.settings')
      .set({
        time_zone: patch.timeZone,
        daily_goal_minutes: patch.dailyGoalMinutes,
        new_cards_per_day: patch.newCardsPerDay,
        desired_retention: patch.desiredRetention,
        pass_fail: patch.passFail,
        weekly_report: patch.weeklyReport,
      })
      .where('user_id', '=', userId)
      .execute();
    return this.get(userId);
  }

  async reviewCount(userId: string): Promise<number> {
    const { n } = await this.deps.db
      .selectFrom('studymate.review_logs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(n);
  }
}

export function schedulerSettings(row: SettingsRow, cardId: string): SchedulerSettings {
  return {
    desiredRetention: row.desired_retention,
    maximumIntervalDays: MAXIMUM_INTERVAL_DAYS,
    ...(row.fsrs_parameters ? { parameters: row.fsrs_parameters } : {}),
    passFail: row.pass_fail,
    enableFuzz: true,
    cardId,
  };
}

function toSettings(row: SettingsRow, reviews: number): Settings {
  return {
    timeZone: row.time_zone,
    dailyGoalMinutes: row.daily_goal_minutes,
    newCardsPerDay: row.new_cards_per_day,
    desiredRetention: Math.round(row.desired_retention * 1000) / 1000,
    passFail: row.pass_fail,
    weeklyReport: row.weekly_report,
    optimizer: {
      fitted: row.fsrs_parameters !== null,
      optimizedAt: row.optimized_at?.toISOString() ?? null,
      reviews: row.optimized_reviews,
      logLossBefore: row.log_loss_before,
      logLossAfter: row.log_loss_after,
      reviewsNeeded: MIN_REVIEWS_FOR_OPTIMIZE,
      reviewsAvailable: reviews,
      pending: row.optimize_requested_at !== null,
      error: (row.optimize_error as Settings['optimizer']['error']) ?? null,
    },
  };
}
