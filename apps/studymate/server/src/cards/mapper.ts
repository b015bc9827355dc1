import type { Card } from '@app/studymate-contracts';
import type { Selectable } from 'kysely';
import type { StudymateCards } from '../db.generated.js';
import type { CardState, CardStateName } from '../srs/index.js';

export type CardRow = Selectable<StudymateCards>;

/** The `state` column's numbers (ts-fsrs' State enum) and their names. */
export const STATE_NAMES: readonly CardStateName[] = ['new', 'learning', 'review', 'relearning'];

export function stateNumber(name: CardStateName): number {
  return STATE_NAMES.indexOf(name);
}

/** The scheduling state of a card row, for the scheduler. */
export function cardState(row: CardRow): CardState {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsed_days,
    scheduledDays: row.scheduled_days,
    reps: row.reps,
    lapses: row.lapses,
    state: STATE_NAMES[row.state] ?? 'new',
    lastReview: row.last_review,
    learningSteps: row.learning_steps,
  };
}

/** The columns a scheduling state writes. */
export function stateColumns(state: CardState) {
  return {
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    reps: state.reps,
    lapses: state.lapses,
    state: stateNumber(state.state),
    last_review: state.lastReview,
    learning_steps: state.learningSteps,
  };
}

/** `before` of a review log: the state as JSON (dates as ISO strings). */
export function stateJson(state: CardState): string {
  return JSON.stringify(state);
}

/** Reads a `before` column back. */
export function stateFromJson(value: unknown): CardState {
  const raw = value as Record<string, unknown> & CardState;
  return {
    ...raw,
    due: new Date(raw.due as unknown as string),
    lastReview: raw.lastReview ? new Date(raw.lastReview as unknown as string) : null,
  };
}

export function toCard(row: CardRow): Card {
  return {
    id: row.id,
    subjectId: row.subject_id,
    materialId: row.material_id,
    passage: row.passage,
    source: row.source as Card['source'],
    front: row.front,
    back: row.back,
    tags: row.tags,
    state: STATE_NAMES[row.state] ?? 'new',
    due: row.due.toISOString(),
    stability: row.stability,
    difficulty: row.difficulty,
    reps: row.reps,
    lapses: row.lapses,
    suspended: row.suspended,
    buriedUntil: row.buried_until?.toISOString() ?? null,
  };
}
