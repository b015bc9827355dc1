/**
 * studymate's spaced-repetition core, pure logic with no database: FSRS scheduling (ts-fsrs),
 * parameter optimisation (fsrs-rs through its native binding), a synthetic review log for tests
 * and benchmarks, deck import/export (CSV, Anki plain text) and the order of a review queue.
 */

export {
  type DeckCard,
  type DeckFormat,
  type DeckImport,
  exportAnkiText,
  exportDeck,
  exportDeckCsv,
  importDeck,
  MAX_FIELD_LENGTH,
  MAX_IMPORT_CARDS,
  MAX_REPORTED_ERRORS,
  parseAnkiText,
  parseDeckCsv,
  type RowError,
} from './deck-io.js';
export { type SrsErrorCode, SrsInputError } from './errors.js';
export { type DayBoundary, dayNumber, dayStart, type ReviewRecord, trainingItems } from './fsrs-items.js';
export {
  evaluate,
  MIN_REVIEWS_FOR_OPTIMIZE,
  type OptimizeOptions,
  type OptimizeResult,
  optimize,
} from './optimizer.js';
export { buildQueue, endOfLearnerDay, type QueueOptions, type QueueRow } from './queue.js';
export { seededRandom } from './random.js';
export {
  allowedGrades,
  DEFAULT_PARAMETERS,
  GRADES,
  newCardState,
  PASS_FAIL_GRADES,
  type PreviewEntry,
  preview,
  retrievability,
  schedule,
} from './scheduler.js';
export {
  SYNTHETIC_TRUE_PARAMETERS,
  type SyntheticLog,
  type SyntheticOptions,
  syntheticReviewLog,
} from './synthetic.js';
export type { CardState, CardStateName, Grade, ReviewLogEntry, SchedulerSettings } from './types.js';
