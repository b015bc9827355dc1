import {
  createEmptyCard,
  default_w,
  type FSRS,
  type Grade as FsrsGrade,
  fsrs,
  GenSeedStrategyWithCardId,
  StrategyMode,
} from 'ts-fsrs';
import { fromFsrsCard, fromFsrsLog, toFsrsCard } from './card-convert.js';
import { SrsInputError } from './errors.js';
import type { CardState, Grade, ReviewLogEntry, SchedulerSettings } from './types.js';

/** The FSRS-6 default weights (what `parameters` falls back to). */
export const DEFAULT_PARAMETERS: readonly number[] = default_w;

/** The four buttons, in order. */
export const GRADES: readonly Grade[] = [1, 2, 3, 4];
/** The two buttons of pass/fail mode: Again and Good. */
export const PASS_FAIL_GRADES: readonly Grade[] = [1, 3];

/** The field ts-fsrs' card-id seed strategy reads from the card it is given. */
const SEED_FIELD = 'seed_card_id';

/** One button of the review screen: which grade, and when the card would come back. */
export interface PreviewEntry {
  grade: Grade;
  due: Date;
  /** `due - now` in whole seconds, for labels like "1 min", "10 min", "3 d". */
  intervalSeconds: number;
}

/** The grades a user may press with these settings. */
export function allowedGrades(settings: Pick<SchedulerSettings, 'passFail'>): readonly Grade[] {
  return settings.passFail ? PASS_FAIL_GRADES : GRADES;
}

/**
 * Answers one review: the card's next state and the log entry to store. `card` null means a new
 * card (never reviewed). Deterministic: same inputs, same output (fuzz is seeded by `cardId`).
 */
export function schedule(
  card: CardState | null,
  grade: Grade,
  now: Date,
  settings: SchedulerSettings,
): { next: CardState; log: ReviewLogEntry } {
  if (!allowedGrades(settings).includes(grade)) {
    const allowed = allowedGrades(settings).join(', ');
    throw new SrsInputError(
      'GRADE_NOT_ALLOWED',
      `grade ${String(grade)} is not allowed${settings.passFail ? ' in pass/fail mode' : ''} (allowed: ${allowed})`,
    );
  }
  const result = scheduler(settings).next(fsrsInput(card, now, settings), now, grade as FsrsGrade);
  return { next: fromFsrsCard(result.card), log: fromFsrsLog(result.log, grade) };
}

/** When the card would be due after each allowed button (two in pass/fail mode), in grade order. */
export function preview(card: CardState | null, now: Date, settings: SchedulerSettings): PreviewEntry[] {
  const outcomes = scheduler(settings).repeat(fsrsInput(card, now, settings), now);
  return allowedGrades(settings).map((grade) => {
    const due = new Date(outcomes[grade as FsrsGrade].card.due.getTime());
    return { grade, due, intervalSeconds: Math.round((due.getTime() - now.getTime()) / 1000) };
  });
}

/**
 * Probability of recalling the card at `now` under the FSRS forgetting curve (0 for a new card).
 * `parameters` defaults to the FSRS-6 defaults.
 */
export function retrievability(card: CardState, now: Date, parameters?: readonly number[]): number {
  if (card.state === 'new') return 0;
  if (parameters) checkParameters(parameters);
  const engine = fsrs(parameters ? { w: [...parameters] } : {});
  return engine.get_retrievability(toFsrsCard(card), now, false);
}

/** A card that has never been reviewed, due `now`. */
export function newCardState(now: Date): CardState {
  return fromFsrsCard(createEmptyCard(now));
}

function scheduler(settings: SchedulerSettings): FSRS {
  const { desiredRetention, maximumIntervalDays } = settings;
  if (!(desiredRetention > 0 && desiredRetention < 1)) {
    throw new SrsInputError(
      'INVALID_SETTINGS',
      `desiredRetention must be in (0, 1), got ${desiredRetention}`,
    );
  }
  if (!(Number.isInteger(maximumIntervalDays) && maximumIntervalDays >= 1)) {
    throw new SrsInputError(
      'INVALID_SETTINGS',
      `maximumIntervalDays must be a whole number >= 1, got ${maximumIntervalDays}`,
    );
  }
  if (settings.parameters) checkParameters(settings.parameters);
  if (settings.enableFuzz && !settings.cardId) {
    throw new SrsInputError('FUZZ_NEEDS_CARD_ID', 'enableFuzz needs settings.cardId to seed the fuzz');
  }
  const engine = fsrs({
    request_retention: desiredRetention,
    maximum_interval: maximumIntervalDays,
    enable_fuzz: settings.enableFuzz === true,
    ...(settings.parameters ? { w: [...settings.parameters] } : {}),
  });
  // The seed is the card id followed by the review count, so each review of a card has its own
  // reproducible fuzz (the default seed strategy would also depend on the review time).
  if (settings.enableFuzz) engine.useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId(SEED_FIELD));
  return engine;
}

/** ts-fsrs would silently fall back to its defaults on a wrong length: refuse instead. */
function checkParameters(parameters: readonly number[]): void {
  if (![17, 19, 21].includes(parameters.length) || !parameters.every(Number.isFinite)) {
    throw new SrsInputError(
      'INVALID_SETTINGS',
      `parameters must be 17, 19 or 21 finite numbers, got ${parameters.length} values`,
    );
  }
}

/** The ts-fsrs card to feed in: a fresh empty card for `null`, carrying the seed when fuzzing. */
function fsrsInput(card: CardState | null, now: Date, settings: SchedulerSettings) {
  const base = card ? toFsrsCard(card) : createEmptyCard(now);
  return settings.enableFuzz ? { ...base, [SEED_FIELD]: `${settings.cardId}:` } : base;
}
