import { z } from 'zod';
import { practiceSessionSchema } from './sessions.js';
import { languageSchema } from './vocabulary.js';

/** `GET /api/v1/languagemate/dashboard`: the learner's progress (the caller's own only). */
export const dashboardSchema = z
  .object({
    minutesByLanguage: z.array(z.object({ language: languageSchema, minutes: z.number() })),
    /** Minutes spoken per ISO week (Monday first), the last 8 weeks, oldest first. */
    weeks: z.array(z.object({ weekStart: z.iso.date(), minutes: z.number(), messages: z.number().int() })),
    weeklyGoalMinutes: z.number().int(),
    thisWeekMinutes: z.number(),
    sessions: z.object({ attended: z.number().int(), upcoming: z.number().int() }),
    calls: z.number().int(),
    messagesSent: z.number().int(),
    corrections: z.object({
      received: z.number().int(),
      reviewed: z.number().int(),
      given: z.number().int(),
    }),
    /** Consecutive days (ending today or yesterday, in the learner's time zone) with a message or a call. */
    streakDays: z.number().int(),
    upcoming: z.array(practiceSessionSchema),
  })
  .meta({ id: 'LanguagemateDashboard' });
export type Dashboard = z.infer<typeof dashboardSchema>;
