import { type Card, type ReviewLog, State } from 'ts-fsrs';
import type { CardState, CardStateName, Grade, ReviewLogEntry } from './types.js';

const NAMES: Record<State, CardStateName> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

const STATES: Record<CardStateName, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

/** Our stored card -> a ts-fsrs card. */
export function toFsrsCard(card: CardState): Card {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    reps: card.reps,
    lapses: card.lapses,
    state: STATES[card.state],
    ...(card.lastReview ? { last_review: card.lastReview } : {}),
    learning_steps: card.learningSteps,
  };
}

/** A ts-fsrs card -> our stored card (fresh Date objects, nothing shared with ts-fsrs). */
export function fromFsrsCard(card: Card): CardState {
  return {
    due: new Date(card.due.getTime()),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    reps: card.reps,
    lapses: card.lapses,
    state: NAMES[card.state],
    lastReview: card.last_review ? new Date(card.last_review.getTime()) : null,
    learningSteps: card.learning_steps,
  };
}

/** A ts-fsrs review log -> our log entry. */
export function fromFsrsLog(log: ReviewLog, grade: Grade): ReviewLogEntry {
  return {
    grade,
    state: NAMES[log.state],
    due: new Date(log.due.getTime()),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsed_days,
    lastElapsedDays: log.last_elapsed_days,
    scheduledDays: log.scheduled_days,
    learningSteps: log.learning_steps,
    reviewedAt: new Date(log.review.getTime()),
  };
}
