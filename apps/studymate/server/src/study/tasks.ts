import { taskType } from '@app/platform';
import { z } from 'zod';

/** The hourly tick that finds learners at 02:00 (daily statistics) and Monday 03:00 (weekly report) local time. */
export const statsTickTask = taskType('studymate.stats-tick', z.object({}), { priority: 'default' });
/** One learner's finished days written to `daily_stats` (statistics: default priority). */
export const dailyStatsTask = taskType(
  'studymate.daily-stats',
  z.object({ userId: z.uuid(), timeZone: z.string() }),
  {
    priority: 'default',
  },
);
/** One learner's weekly report (reports: low priority; the email itself goes out with the notifications' high priority). */
export const weeklyReportTask = taskType(
  'studymate.weekly-report',
  z.object({ userId: z.uuid(), timeZone: z.string() }),
  {
    priority: 'low',
  },
);
/** Closes study timers left running for hours (cleanup: low priority). */
export const closeTimersTask = taskType('studymate.close-timers', z.object({}), { priority: 'low' });
/** Fits FSRS parameters to one learner's review log (AI/statistics: default priority). */
export const optimizeTask = taskType('studymate.optimize', z.object({ userId: z.uuid() }), {
  priority: 'default',
  maxAttempts: 1,
});
