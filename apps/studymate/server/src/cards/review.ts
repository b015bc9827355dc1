import { AppError, notFound } from '@app/platform';
import type { ReviewNext } from '@app/studymate-contracts';
import { reviewBodySchema } from '@app/studymate-contracts';
import { sql } from 'kysely';
import type { StudymateDeps } from '../deps.js';
import { preview, SrsInputError, schedule } from '../srs/index.js';
import { type SettingsService, schedulerSettings } from '../study/settings.js';
import { type CardRow, cardState, stateColumns, stateFromJson, stateJson, toCard } from './mapper.js';

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
    // One round trip, each part one range of the (user, state, due) index: the earliest learning
    // step due now, the earliest review card due today (FSRS intervals are whole days, as in Anki),
    // the oldest new card (new cards are due from their creation), the counts of today's queue, the
    // new cards available up to the daily limit, and today's first reviews. The order of srs/queue.ts.
    const { rows } = await sql<{
      learning: CardJson | null;
      review: CardJson | null;
      fresh: CardJson | null;
      due: number;
      learning_count: number;
      new_available: number;
      new_today: number;
    }>`
      with bounds as (select ${dayStart} as day_start, ${dayStart} + interval '1 day' as day_end),
      active as not materialized (
        select * from studymate.cards
        where user_id = ${userId} and not suspended and (buried_until is null or buried_until <= now())
      )
      select
        (select row_to_json(c) from (
          (select * from active where state = 1 and due <= now() order by due limit 1)
          union all (select * from active where state = 3 and due <= now() order by due limit 1)
          order by due limit 1) c) as learning,
        (select row_to_json(c) from (select * from active, bounds where state = 2 and due < bounds.day_end order by due limit 1) c) as review,
        (select row_to_json(c) from (select * from active where state = 0 order by due, id limit 1) c) as fresh,
        (select count(*)::int from active, bounds where state = 2 and due < bounds.day_end) as due,
        (select count(*)::int from active where state in (1, 3) and due <= now()) as learning_count,
        (select count(*)::int from (select 1 from active where state = 0 limit ${settings.new_cards_per_day}) n) as new_available,
        (select count(*)::int from studymate.review_logs, bounds
          where user_id = ${userId} and state = 0 and reviewed_at >= bounds.day_start) as new_today`.execute(
      this.deps.db,
    );
    const result = rows[0];
    if (!result) throw new Error('review queue query returned no row');
    const newLeft = Math.max(0, settings.new_cards_per_day - result.new_today);
    const learning = result.learning ? fromJson(result.learning) : undefined;
    const review = result.review ? fromJson(result.review) : undefined;
    const dueCard = learning && (!review || learning.due <= review.due) ? learning : review;
    const newCards = newLeft > 0 && result.fresh ? [fromJson(result.fresh)] : [];
    const counts = { due: result.due, learning: result.learning_count };
    const newAvailable = result.new_available;
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

/** A card row as `row_to_json` gives it (timestamps as strings). */
type CardJson = Omit<CardRow, 'due' | 'last_review' | 'buried_until' | 'created_at'> & {
  due: string;
  last_review: string | null;
  buried_until: string | null;
  created_at: string;
};

function fromJson(row: CardJson): CardRow {
  return {
    ...row,
    due: new Date(row.due),
    last_review: row.last_review ? new Date(row.last_review) : null,
    buried_until: row.buried_until ? new Date(row.buried_until) : null,
    created_at: new Date(row.created_at),
  };
}
