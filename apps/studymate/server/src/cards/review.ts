import { AppError, notFound } from '@app/platform';
import type { ReviewNext } from '@app/studymate-contracts';
import { reviewBodySchema } from '@app/studymate-contracts';
import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../db.generated.js';
import type { StudymateDeps } from '../deps.js';
import { preview, SrsInputError, schedule } from '../srs/index.js';
import { type SettingsService, schedulerSettings } from '../study/settings.js';
import { cardState, stateColumns, stateFromJson, stateJson, toCard } from './mapper.js';

/** Start of the learner's current day (midnight in their time zone), as PostgreSQL computes it. */
export function startOfDay(timeZone: string) {
  return sql<Date>`(date_trunc('day', now() at time zone ${timeZone}) at time zone ${timeZone})`;
}

/**
 * The review loop: the next card (learning cards whose step has come and review cards due today,
 * by due time; then new cards up to the daily new-card limit), grading with FSRS, and undo of the
 * last grade. Never paywalled.
 */
export class ReviewService {
  constructor(
    private readonly deps: StudymateDeps,
    private readonly settings: SettingsService,
  ) {}

  async next(userId: string): Promise<ReviewNext> {
    const settings = await this.settings.row(userId);
    const dayStart = startOfDay(settings.time_zone);
    const dayEnd = sql<Date>`(${dayStart} + interval '1 day')`;
    // Learning steps when their minute has come; review cards any time of the learner's day (FSRS
    // intervals are whole days, as in Anki): the order of srs/queue.ts.
    const dueNow = (eb: ExpressionBuilder<DB, 'studymate.cards'>) =>
      eb.or([
        eb.and([eb('state', 'in', [1, 3]), eb('due', '<=', sql<Date>`now()`)]),
        eb.and([eb('state', '=', 2), eb('due', '<', dayEnd)]),
      ]);
    const active = this.deps.db
      .selectFrom('studymate.cards')
      .where('user_id', '=', userId)
      .where('suspended', '=', false)
      .where((eb) => eb.or([eb('buried_until', 'is', null), eb('buried_until', '<=', sql<Date>`now()`)]));
    const [dueCard, counts, newToday] = await Promise.all([
      // The earliest learning step due now or review card due today: one index range each.
      Promise.all([
        active
          .selectAll()
          .where('state', 'in', [1, 3])
          .where('due', '<=', sql<Date>`now()`)
          .orderBy('due')
          .limit(1)
          .executeTakeFirst(),
        active
          .selectAll()
          .where('state', '=', 2)
          .where('due', '<', dayEnd)
          .orderBy('due')
          .limit(1)
          .executeTakeFirst(),
      ]).then(([learning, review]) =>
        learning && (!review || learning.due <= review.due) ? learning : review,
      ),
      active
        .select((eb) => [
          eb.fn.count<number>('id').filterWhere('state', '=', 2).as('due'),
          eb.fn.count<number>('id').filterWhere('state', 'in', [1, 3]).as('learning'),
        ])
        .where(dueNow)
        .executeTakeFirstOrThrow(),
      this.deps.db
        .selectFrom('studymate.review_logs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .where('state', '=', 0)
        .where('reviewed_at', '>=', dayStart)
        .executeTakeFirstOrThrow(),
    ]);
    const newLeft = Math.max(0, settings.new_cards_per_day - Number(newToday.n));
    const newCards =
      newLeft === 0
        ? []
        : await active
            .selectAll()
            .where('state', '=', 0)
            .orderBy('created_at')
            .orderBy('id')
            .limit(Math.min(newLeft, 1))
            .execute();
    const newAvailable =
      newLeft === 0
        ? 0
        : Number(
            (
              await active
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('state', '=', 0)
                .executeTakeFirstOrThrow()
            ).n,
          );
    const row = dueCard ?? newCards[0];
    const remaining = {
      due: Number(counts.due),
      learning: Number(counts.learning),
      new: Math.min(newLeft, newAvailable),
    };
    if (!row) return { card: null, preview: null, remaining, passFail: settings.pass_fail };
    const now = new Date();
    const entries = preview(cardState(row), now, schedulerSettings(settings, row.id));
    const at = (grade: number) => (entries.find((entry) => entry.grade === grade)?.due ?? now).toISOString();
    return {
      card: toCard(row),
      preview: { again: at(1), hard: at(2), good: at(3), easy: at(4) },
      remaining,
      passFail: settings.pass_fail,
    };
  }

  /**
   * Grades a card. `reps` must be the card's current count: a second grade of the same showing is
   * ALREADY_REVIEWED and changes nothing (the row is locked while it is decided).
   */
  async grade(userId: string, cardId: string, body: unknown) {
    const input = reviewBodySchema.parse(body);
    const settings = await this.settings.row(userId);
    return this.deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('studymate.cards')
        .selectAll()
        .where('id', '=', cardId)
        .where('user_id', '=', userId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw notFound('Card');
      if (row.reps !== input.reps) throw new AppError('ALREADY_REVIEWED');
      const before = cardState(row);
      let result: ReturnType<typeof schedule>;
      try {
        result = schedule(before, input.grade, new Date(), schedulerSettings(settings, cardId));
      } catch (error) {
        if (error instanceof SrsInputError && error.code === 'GRADE_NOT_ALLOWED')
          throw new AppError('GRADE_NOT_ALLOWED');
        throw error;
      }
      const { next, log } = result;
      const updated = await trx
        .updateTable('studymate.cards')
        .set({ ...stateColumns(next), buried_until: null })
        .where('id', '=', cardId)
        .returningAll()
        .executeTakeFirstOrThrow();
      const inserted = await trx
        .insertInto('studymate.review_logs')
        .values({
          card_id: cardId,
          user_id: userId,
          grade: input.grade,
          before: stateJson(before),
          state: ['new', 'learning', 'review', 'relearning'].indexOf(log.state),
          stability: log.stability,
          difficulty: log.difficulty,
          elapsed_days: log.elapsedDays,
          last_elapsed_days: log.lastElapsedDays,
          scheduled_days: log.scheduledDays,
          learning_steps: log.learningSteps,
          due: log.due,
          duration_ms: input.durationMs ?? null,
          reviewed_at: log.reviewedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { card: toCard(updated), reviewId: String(inserted.id) };
    });
  }

  /** Takes back the learner's last grade: the card returns to its state before it, the log row goes. */
  async undo(userId: string) {
    return this.deps.db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('studymate.review_logs')
        .select(['id', 'card_id', 'before'])
        .where('user_id', '=', userId)
        .orderBy('id', 'desc')
        .limit(1)
        .forUpdate()
        .executeTakeFirst();
      if (!last) throw new AppError('NOTHING_TO_UNDO');
      await trx.deleteFrom('studymate.review_logs').where('id', '=', last.id).execute();
      const restored = await trx
        .updateTable('studymate.cards')
        .set(stateColumns(stateFromJson(last.before)))
        .where('id', '=', last.card_id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return { card: toCard(restored) };
    });
  }
}
