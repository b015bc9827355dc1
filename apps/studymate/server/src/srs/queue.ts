import { type DayBoundary, dayNumber, dayStart } from './fsrs-items.js';
import type { CardStateName } from './types.js';

/** What the queue needs of a card row; the rows come back as they were given. */
export interface QueueRow {
  id: string;
  state: CardStateName;
  due: Date;
  /** Order of new cards (e.g. creation order); ties and absent values fall back to `id`. */
  position?: number;
}

export interface QueueOptions extends DayBoundary {
  now: Date;
  /** New cards allowed per learner day. */
  newLimit: number;
  /** New cards already started this learner day. */
  newDoneToday?: number;
  /** At most this many review-state cards (the most overdue first); no limit when absent. */
  reviewLimit?: number;
  /** Learning cards due within this many minutes may be shown once nothing else is left (Anki: 20). */
  learnAheadMinutes?: number;
}

/**
 * The order of today's study session, pure so the SQL can mirror it:
 * 1. due cards by due time (ties by id): learning and relearning cards when their minute has
 *    come, review cards any time of the current learner day (FSRS intervals are whole days, as in
 *    Anki), so learning steps interleave with reviews by due time;
 * 2. then new cards, by position, up to what is left of the daily new limit;
 * 3. then learning cards due within the learn-ahead window, by due time.
 * In SQL: `(state IN ('learning','relearning') AND due <= now) OR (state = 'review' AND due <
 * endOfLearnerDay(now)) ORDER BY due, id`, then `state = 'new' ORDER BY position, id LIMIT n`.
 */
export function buildQueue<T extends QueueRow>(rows: readonly T[], options: QueueOptions): T[] {
  const now = options.now.getTime();
  const dayEnd = endOfLearnerDay(options.now, options).getTime();
  const aheadEnd = now + (options.learnAheadMinutes ?? 20) * 60_000;
  const learning = (row: T) => row.state === 'learning' || row.state === 'relearning';
  const reviews = rows
    .filter((row) => row.state === 'review' && row.due.getTime() < dayEnd)
    .sort(byDue)
    .slice(0, options.reviewLimit ?? Number.POSITIVE_INFINITY);
  const due = [...rows.filter((row) => learning(row) && row.due.getTime() <= now), ...reviews].sort(byDue);
  const newLeft = Math.max(0, options.newLimit - (options.newDoneToday ?? 0));
  const fresh = rows
    .filter((row) => row.state === 'new')
    .sort(byPosition)
    .slice(0, newLeft);
  const ahead = rows
    .filter((row) => learning(row) && row.due.getTime() > now && row.due.getTime() <= aheadEnd)
    .sort(byDue);
  return [...due, ...fresh, ...ahead];
}

/** When the learner's current day ends (the next `nextDayStartsAtHour` in their time zone). */
export function endOfLearnerDay(now: Date, boundary: DayBoundary = {}): Date {
  return dayStart(dayNumber(now, boundary) + 1, boundary);
}

function byDue(a: QueueRow, b: QueueRow): number {
  return a.due.getTime() - b.due.getTime() || compareIds(a, b);
}

function byPosition(a: QueueRow, b: QueueRow): number {
  const pa = a.position ?? Number.POSITIVE_INFINITY;
  const pb = b.position ?? Number.POSITIVE_INFINITY;
  return pa === pb ? compareIds(a, b) : pa < pb ? -1 : 1;
}

/** Byte order, like PostgreSQL's `ORDER BY id` on a uuid or a C-collated text column. */
function compareIds(a: QueueRow, b: QueueRow): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
