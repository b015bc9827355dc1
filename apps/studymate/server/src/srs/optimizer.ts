import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { computeParameters, FSRSBinding, type FSRSBindingItem } from '@open-spaced-repetition/binding';
import { SrsInputError } from './errors.js';
import { type DayBoundary, type ReviewRecord, trainingItemsInTurns } from './fsrs-items.js';
import { DEFAULT_PARAMETERS } from './scheduler.js';

/**
 * Fewer training reviews than this and the optimiser refuses: Anki's guidance is that FSRS needs
 * a few hundred reviews before optimised parameters beat the defaults. Counted as training items
 * (reviews on a later day than the card's previous review), not raw log rows.
 */
export const MIN_REVIEWS_FOR_OPTIMIZE = 400;

/** How often the binding reports progress (and so how soon an abort takes effect). */
const PROGRESS_INTERVAL_MS = 100;

export interface OptimizeOptions extends DayBoundary {
  /** Parameters to compare against (the ones in use); default the FSRS-6 defaults. */
  baseline?: readonly number[];
  /** Train the same-day (short-term) weights w17-w19 too. Default true, like the scheduler. */
  enableShortTerm?: boolean;
  /** Relearning steps of the scheduler (ts-fsrs default: one, 10 min). Default 1. */
  numRelearningSteps?: number;
  /** Called as training progresses (steps done, steps in all), about every 100 ms; a short run may never call it. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the training at the next progress report (100 ms); the promise then rejects. */
  signal?: AbortSignal;
}

export interface OptimizeResult {
  /** 21 FSRS-6 weights for `SchedulerSettings.parameters`. */
  parameters: number[];
  /** Training items used (see MIN_REVIEWS_FOR_OPTIMIZE). */
  reviewCount: number;
  /** Log loss of the baseline parameters on the training items. */
  logLossBefore: number;
  /** Log loss of the optimised parameters on the same items, computed the same way. */
  logLossAfter: number;
  /** RMSE over bins (Anki's "RMSE"), baseline then optimised. */
  rmseBefore: number;
  rmseAfter: number;
  /** Whether the optimised parameters fit better; if not, keep the baseline (as Anki does). */
  improved: boolean;
}

/**
 * Fits FSRS parameters to one learner's review log with fsrs-rs (the native binding) and measures
 * both parameter sets on the same data with the binding's own `evaluate` (log loss and RMSE-bins).
 *
 * Duration and the event loop (bench/results/studymate-optimizer.md, 2 shared cores): about 0.15 s
 * for 5,000 reviews, 0.35 s for 20,000 and 1.4 s for 100,000, growing about linearly. The training
 * runs on libuv's thread pool (an async native task). What stays on the calling thread: grouping the
 * log, building the items (in turns of 100 cards), the binding copying the items into its task and
 * the two `evaluate` calls; the longest stall of the event loop measured was 27 ms at 20,000 reviews
 * and 140 ms at 100,000 (one `evaluate`). Run it in a job, not in a request.
 */
export async function optimize(
  reviews: readonly ReviewRecord[],
  options: OptimizeOptions = {},
): Promise<OptimizeResult> {
  const items = await trainingItemsInTurns(reviews, options);
  if (items.length < MIN_REVIEWS_FOR_OPTIMIZE) {
    throw new SrsInputError(
      'NOT_ENOUGH_REVIEWS',
      `optimising needs at least ${MIN_REVIEWS_FOR_OPTIMIZE} reviews made on a later day than the card's previous review; this log has ${items.length}`,
    );
  }
  options.signal?.throwIfAborted();
  const parameters = await computeParameters(items, {
    enableShortTerm: options.enableShortTerm ?? true,
    numRelearningSteps: options.numRelearningSteps ?? 1,
    timeout: PROGRESS_INTERVAL_MS,
    progress: (done, total) => {
      options.onProgress?.(done, total);
      return options.signal?.aborted !== true;
    },
  });
  options.signal?.throwIfAborted();
  // The evaluations are synchronous native calls: let the event loop breathe between them.
  await yieldToLoop();
  const before = evaluate(options.baseline ?? DEFAULT_PARAMETERS, items);
  await yieldToLoop();
  const after = evaluate(parameters, items);
  return {
    parameters,
    reviewCount: items.length,
    logLossBefore: before.logLoss,
    logLossAfter: after.logLoss,
    rmseBefore: before.rmseBins,
    rmseAfter: after.rmseBins,
    improved: after.logLoss < before.logLoss,
  };
}

/** fsrs-rs' evaluation of a parameter set on items (log loss, RMSE over bins). */
export function evaluate(
  parameters: readonly number[],
  items: FSRSBindingItem[],
): { logLoss: number; rmseBins: number } {
  return new FSRSBinding([...parameters]).evaluate(items);
}
