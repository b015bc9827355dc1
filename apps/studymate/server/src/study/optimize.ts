import { AppError, type TaskContext } from '@app/platform';
import type { Settings } from '@app/studymate-contracts';
import { APP, type StudymateDeps } from '../deps.js';
import { type Grade, MIN_REVIEWS_FOR_OPTIMIZE, optimize, SrsInputError } from '../srs/index.js';
import type { SettingsService } from './settings.js';
import { optimizeTask } from './tasks.js';

/** The plan feature that unlocks fitting parameters (plans.ts). */
const FEATURE = 'fsrsOptimizer';

/**
 * "Optimise my intervals" in one click: the request queues a job (fitting takes seconds on the
 * thread pool); the job fits FSRS parameters to the learner's own review log and keeps them only
 * when they predict the log better than the ones in use (lower log loss), as Anki does. The
 * settings show the log loss before and after.
 */
export class Optimizer {
  constructor(
    private readonly deps: StudymateDeps,
    private readonly settings: SettingsService,
  ) {}

  async request(userId: string): Promise<Settings> {
    await this.deps.platform.billing.requireFeature(userId, APP, FEATURE);
    const reviews = await this.settings.reviewCount(userId);
    if (reviews < MIN_REVIEWS_FOR_OPTIMIZE)
      throw new AppError('NOT_ENOUGH_REVIEWS', undefined, {
        needed: MIN_REVIEWS_FOR_OPTIMIZE,
        available: reviews,
      });
    await this.settings.row(userId);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('studymate.settings')
        .set({ optimize_requested_at: new Date(), optimize_error: null })
        .where('user_id', '=', userId)
        .execute();
      await this.deps.platform.jobs.enqueue(
        optimizeTask,
        { userId },
        { key: `studymate.optimize:${userId}` },
        trx,
      );
    });
    return this.settings.get(userId);
  }

  /** The job: fit, compare, keep the better parameters, record the numbers. */
  async run(userId: string, context: Pick<TaskContext, 'signal'>): Promise<void> {
    const row = await this.settings.row(userId);
    const logs = await this.deps.db
      .selectFrom('studymate.review_logs')
      .select(['card_id', 'grade', 'reviewed_at'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
    const offset = timeZoneOffsetMinutes(row.time_zone);
    let error: string | null = null;
    try {
      const result = await optimize(
        logs.map((log) => ({ cardId: log.card_id, grade: log.grade as Grade, reviewedAt: log.reviewed_at })),
        {
          timezoneOffsetMinutes: offset,
          ...(row.fsrs_parameters ? { baseline: row.fsrs_parameters } : {}),
          ...(context.signal ? { signal: context.signal } : {}),
        },
      );
      await this.deps.db
        .updateTable('studymate.settings')
        .set({
          ...(result.improved ? { fsrs_parameters: result.parameters } : {}),
          optimized_at: new Date(),
          optimized_reviews: result.reviewCount,
          log_loss_before: result.logLossBefore,
          log_loss_after: result.logLossAfter,
        })
        .where('user_id', '=', userId)
        .execute();
      if (!result.improved) error = 'NOT_IMPROVED';
    } catch (caught) {
      error =
        caught instanceof SrsInputError && caught.code === 'NOT_ENOUGH_REVIEWS'
          ? 'NOT_ENOUGH_REVIEWS'
          : 'FAILED';
      if (error === 'FAILED')
        this.deps.platform.logger.error({ err: caught, userId }, 'studymate: optimisation failed');
    } finally {
      await this.deps.db
        .updateTable('studymate.settings')
        .set({ optimize_requested_at: null, optimize_error: error })
        .where('user_id', '=', userId)
        .execute();
    }
  }
}

/** A zone's current offset from UTC in minutes (Seoul: 540). */
function timeZoneOffsetMinutes(timeZone: string, at = new Date()): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - at.getTime()) / 60_000);
}
