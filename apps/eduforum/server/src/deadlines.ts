import { taskType } from '@app/platform';
import { z } from 'zod';

/**
 * Durable deadlines. A quiz's time limit and a breakout's timer run as timers on the instance that
 * started them (to the second); each also leaves a job due just after, so that when that instance
 * restarts or dies, a worker still closes the quiz or recalls the rooms. Both actions are
 * idempotent: whichever comes second does nothing.
 */
export const quizDeadlineTask = taskType('eduforum.quiz-deadline', z.object({ quizId: z.uuid() }));
export const breakoutDeadlineTask = taskType(
  'eduforum.breakout-deadline',
  z.object({ breakoutId: z.uuid() }),
);

/** How long after a deadline the job runs (the local timer normally acts first). */
export const DEADLINE_JOB_DELAY_MS = 2_000;

export const quizDeadlineKey = (quizId: string) => `eduforum.quiz-deadline:${quizId}`;
export const breakoutDeadlineKey = (breakoutId: string) => `eduforum.breakout-deadline:${breakoutId}`;
