/** A button: 1 Again, 2 Hard, 3 Good, 4 Easy (Anki's numbering, stored as is). */
export type Grade = 1 | 2 | 3 | 4;

/** Where a card is in its life; the names are what the database stores. */
export type CardStateName = 'new' | 'learning' | 'review' | 'relearning';

/**
 * The scheduling state of one card, plain and serialisable: every field maps to one PostgreSQL
 * column (dates to `timestamptz`). `elapsedDays` is kept because ts-fsrs still carries it.
 */
export interface CardState {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  reps: number;
  lapses: number;
  state: CardStateName;
  lastReview: Date | null;
  /** Index of the current (re)learning step. */
  learningSteps: number;
}

/**
 * One answered review, as the review-log table stores it. The memory fields describe the card
 * BEFORE this review (what the scheduler knew when the button was pressed), like Anki's revlog.
 */
export interface ReviewLogEntry {
  grade: Grade;
  /** The card's state before the review. */
  state: CardStateName;
  /** When the card was due (or last reviewed) before this review. */
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reviewedAt: Date;
}

/** Per-deck (or per-user) scheduler settings. */
export interface SchedulerSettings {
  /** Target probability of recall at the due date, in (0, 1); 0.9 is the usual default. */
  desiredRetention: number;
  /**
   * Longest interval in days. ts-fsrs keeps the buttons one day apart even at the cap, so at the cap
   * Good may give this + 1 and Easy this + 2 (Hard and Again never exceed it).
   */
  maximumIntervalDays: number;
  /** FSRS weights (21 numbers, FSRS-6; older 17/19-number sets are migrated); defaults when absent. */
  parameters?: readonly number[];
  /** Two buttons only: Again (1) and Good (3); Hard and Easy are rejected. */
  passFail?: boolean;
  /** Spread review intervals a little (seeded by `cardId`, so it is reproducible). Off by default. */
  enableFuzz?: boolean;
  /** Required when `enableFuzz` is on: the seed of the fuzz. */
  cardId?: string;
}
