import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { FSRSBindingItem, FSRSBindingReview } from '@open-spaced-repetition/binding';
import { SrsInputError } from './errors.js';
import type { Grade } from './types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One answered review, as the optimiser needs it (a row of the review log). */
export interface ReviewRecord {
  cardId: string;
  grade: Grade;
  reviewedAt: Date;
}

/** Where the learner's days begin: FSRS counts intervals in whole days, not hours. */
export interface DayBoundary {
  /** The learner's offset from UTC in minutes (Seoul: 540). Default 0. */
  timezoneOffsetMinutes?: number;
  /** The hour (local) a new day starts, like Anki's "next day starts at". Default 4. */
  nextDayStartsAtHour?: number;
}

/** The learner's day number of an instant (days since the epoch, shifted by the day boundary). */
export function dayNumber(at: Date, boundary: DayBoundary = {}): number {
  return Math.floor((at.getTime() + shift(boundary)) / DAY);
}

/** The instant learner day `day` begins. */
export function dayStart(day: number, boundary: DayBoundary = {}): Date {
  return new Date(day * DAY - shift(boundary));
}

function shift(boundary: DayBoundary): number {
  return (boundary.timezoneOffsetMinutes ?? 0) * 60_000 - (boundary.nextDayStartsAtHour ?? 4) * HOUR;
}

/**
 * The training set of FSRS (fsrs-rs) from a review log, built the way Anki builds it:
 * - reviews grouped by card, in time order; the first review of a card has `delta_t` 0, every later
 *   one the number of learner days since the previous review (0 for a review on the same day);
 * - one item per review after the first, holding the card's whole history up to that review;
 * - for training, only items whose last review came on a later day (`delta_t > 0`) are kept: a
 *   same-day review still shapes the memory state (FSRS-6's short-term stability) through the
 *   histories of later items, but is not itself a prediction target.
 * A card's history must start at its first review; if a card was reset ("forget"), pass only the
 * reviews after the reset.
 */
export function trainingItems(
  reviews: readonly ReviewRecord[],
  boundary: DayBoundary = {},
): FSRSBindingItem[] {
  const items: FSRSBindingItem[] = [];
  for (const history of byCard(reviews).values()) items.push(...cardItems(history, boundary));
  return items;
}

/**
 * The same as `trainingItems`, giving the event loop a turn every `cardsPerTurn` cards: building
 * native items takes a few ms per 1,000 reviews, too long to hold the loop for a big log.
 */
export async function trainingItemsInTurns(
  reviews: readonly ReviewRecord[],
  boundary: DayBoundary = {},
  cardsPerTurn = 100,
): Promise<FSRSBindingItem[]> {
  const items: FSRSBindingItem[] = [];
  let cards = 0;
  for (const history of byCard(reviews).values()) {
    items.push(...cardItems(history, boundary));
    if (++cards % cardsPerTurn === 0) await yieldToLoop();
  }
  return items;
}

function cardItems(history: readonly ReviewRecord[], boundary: DayBoundary): FSRSBindingItem[] {
  const days = history.map((review) => dayNumber(review.reviewedAt, boundary));
  const steps = history.map(
    (review, i) => new FSRSBindingReview(review.grade, i === 0 ? 0 : (days[i] ?? 0) - (days[i - 1] ?? 0)),
  );
  const items: FSRSBindingItem[] = [];
  for (let i = 1; i < steps.length; i++) {
    if ((days[i] ?? 0) > (days[i - 1] ?? 0)) items.push(new FSRSBindingItem(steps.slice(0, i + 1)));
  }
  return items;
}

/** Reviews grouped by card and sorted by time; invalid rows are refused, not skipped. */
function byCard(reviews: readonly ReviewRecord[]): Map<string, ReviewRecord[]> {
  const cards = new Map<string, ReviewRecord[]>();
  reviews.forEach((review, index) => {
    if (![1, 2, 3, 4].includes(review.grade) || Number.isNaN(review.reviewedAt.getTime())) {
      throw new SrsInputError('INVALID_REVIEW', `review ${index} has an invalid grade or date`);
    }
    const list = cards.get(review.cardId);
    if (list) list.push(review);
    else cards.set(review.cardId, [review]);
  });
  for (const list of cards.values()) list.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
  return cards;
}
