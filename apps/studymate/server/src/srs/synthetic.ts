import { FSRSAlgorithm, type FSRSState, forgetting_curve } from 'ts-fsrs';
import type { ReviewRecord } from './fsrs-items.js';
import { pickWeighted, seededRandom } from './random.js';
import { schedule } from './scheduler.js';
import type { CardState, Grade, SchedulerSettings } from './types.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The memory of the simulated learner: FSRS-6 weights far from the defaults, inside ts-fsrs'
 * bounds. This learner forgets faster than the defaults assume (shorter stability after Good and
 * Easy on the first day, a steeper forgetting curve: decay 0.45 against 0.1542), so the default
 * parameters are overconfident about them, as they are for many real learners.
 */
export const SYNTHETIC_TRUE_PARAMETERS: readonly number[] = [
  0.15, 0.8, 1.0, 3.0, 7.5, 0.5, 2.0, 0.02, 1.2, 0.3, 0.9, 1.2, 0.1, 0.35, 1.8, 0.5, 2.2, 0.45, 0.15, 0.1,
  0.45,
];

export interface SyntheticOptions {
  /** Same seed, same log. */
  seed: number;
  /** How many reviews to produce (the log is cut at this count, in time order). */
  reviews: number;
  /** The learner's true memory parameters; default SYNTHETIC_TRUE_PARAMETERS. */
  trueParameters?: readonly number[];
  /** The scheduler the learner uses while the log is collected; default: FSRS defaults at 90%. */
  scheduler?: SchedulerSettings;
  /** New cards started per day. Default 20. */
  newCardsPerDay?: number;
  /** Days each card is followed after the first card starts. Default 365. */
  days?: number;
  /** First day of the log (sessions happen between 09:00 and 19:00 UTC). Default 2026-01-05. */
  start?: Date;
}

/** What the generator produced: the review log and the truth it was drawn from. */
export interface SyntheticLog {
  reviews: ReviewRecord[];
  trueParameters: readonly number[];
  cards: number;
}

/**
 * A synthetic review log drawn from KNOWN memory parameters. Each card is simulated on its own:
 * started on its day (`newCardsPerDay`), then reviewed when the scheduler says it is due (on a
 * later day: at a random time of that day's session, late by 1-7 days one time in ten). At each
 * review the learner recalls with the probability the TRUE forgetting curve gives for the time
 * since the last review; a failure is Again, a success Hard/Good/Easy (15/75/10%); a first
 * review is Again/Hard/Good/Easy 25/15/50/10%. The true memory state then moves by the FSRS
 * update with the true parameters, while the scheduler moves its own card with its own
 * parameters, exactly as a learner's log is made before any optimisation.
 */
export function syntheticReviewLog(options: SyntheticOptions): SyntheticLog {
  const random = seededRandom(options.seed);
  const trueParameters = options.trueParameters ?? SYNTHETIC_TRUE_PARAMETERS;
  const memory = new FSRSAlgorithm({ w: [...trueParameters], enable_short_term: true });
  const settings = options.scheduler ?? { desiredRetention: 0.9, maximumIntervalDays: 36_500 };
  const perDay = options.newCardsPerDay ?? 20;
  const start = (options.start ?? new Date('2026-01-05T00:00:00Z')).getTime();
  const end = start + (options.days ?? 365) * DAY;
  const reviews: ReviewRecord[] = [];
  let cards = 0;
  while (reviews.length < options.reviews) {
    const firstAt = sessionTime(start + Math.floor(cards / perDay) * DAY, random);
    if (firstAt >= end) break;
    simulateCard(`card-${cards}`, firstAt, end, { random, memory, trueParameters, settings, reviews });
    cards++;
  }
  reviews.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
  return { reviews: reviews.slice(0, options.reviews), trueParameters, cards };
}

interface Simulation {
  random: () => number;
  memory: FSRSAlgorithm;
  trueParameters: readonly number[];
  settings: SchedulerSettings;
  reviews: ReviewRecord[];
}

function simulateCard(cardId: string, firstAt: number, end: number, sim: Simulation): void {
  let at = firstAt;
  let card: CardState | null = null;
  let truth: FSRSState | null = null;
  let lastAt = at;
  while (at < end) {
    const grade: Grade = card ? answer(truth, (at - lastAt) / DAY, sim) : firstAnswer(sim.random);
    sim.reviews.push({ cardId, grade, reviewedAt: new Date(at) });
    const wholeDays = card ? utcDay(at) - utcDay(lastAt) : 0;
    truth = sim.memory.next_state(truth, wholeDays, grade);
    card = schedule(card, grade, new Date(at), sim.settings).next;
    lastAt = at;
    at = nextReviewAt(card.due.getTime(), at, sim.random);
  }
}

/** When the learner actually answers a card due at `due`: at once the same day, else in a session. */
function nextReviewAt(due: number, now: number, random: () => number): number {
  if (utcDay(due) === utcDay(now)) return Math.max(due, now);
  const late = random() < 0.1 ? 1 + Math.floor(random() * 7) : 0;
  return Math.max(due, sessionTime(utcDay(due) * DAY + late * DAY, random));
}

/** A moment of the day's study session, 09:00-19:00 UTC. */
function sessionTime(dayStart: number, random: () => number): number {
  return dayStart + 9 * 60 * MINUTE + Math.floor(random() * 600) * MINUTE;
}

function utcDay(at: number): number {
  return Math.floor(at / DAY);
}

function firstAnswer(random: () => number): Grade {
  return pickWeighted<Grade>(random, [
    [1, 0.25],
    [2, 0.15],
    [3, 0.5],
    [4, 0.1],
  ]);
}

function answer(truth: FSRSState | null, elapsedDays: number, sim: Simulation): Grade {
  const recall = truth ? forgetting_curve(sim.trueParameters, elapsedDays, truth.stability) : 0;
  if (sim.random() >= recall) return 1;
  return pickWeighted<Grade>(sim.random, [
    [2, 0.15],
    [3, 0.75],
    [4, 0.1],
  ]);
}
