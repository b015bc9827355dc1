import { timeZoneSchema } from '@app/contracts';
import { z } from 'zod';

/** The learner's settings. */
export const settingsSchema = z
  .object({
    timeZone: z.string(),
    dailyGoalMinutes: z.number().int(),
    newCardsPerDay: z.number().int(),
    desiredRetention: z.number(),
    passFail: z.boolean(),
    weeklyReport: z.boolean(),
    optimizer: z.object({
      fitted: z.boolean().describe('True when the parameters were fitted to the learner’s reviews'),
      optimizedAt: z.iso.datetime().nullable(),
      reviews: z.number().int().nullable(),
      logLossBefore: z.number().nullable(),
      logLossAfter: z.number().nullable(),
      reviewsNeeded: z.number().int().describe('Reviews the optimiser needs before it can fit'),
      reviewsAvailable: z.number().int(),
      pending: z.boolean().describe('An optimisation is queued or running'),
      error: z
        .enum(['NOT_ENOUGH_REVIEWS', 'NOT_IMPROVED', 'FAILED'])
        .nullable()
        .describe('Why the last optimisation changed nothing'),
    }),
  })
  .meta({ id: 'StudymateSettings' });
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z
  .object({
    timeZone: timeZoneSchema.optional(),
    dailyGoalMinutes: z.number().int().min(1).max(1440).optional(),
    newCardsPerDay: z.number().int().min(0).max(9999).optional(),
    desiredRetention: z.number().min(0.7).max(0.99).optional(),
    passFail: z.boolean().optional(),
    weeklyReport: z.boolean().optional(),
  })
  .strict();

/** The study timer: the running session (if any). */
export const timerSchema = z
  .object({
    id: z.uuid(),
    subjectId: z.uuid().nullable(),
    startedAt: z.iso.datetime(),
    paused: z.boolean(),
    elapsedSeconds: z.number().int().describe('Study time so far, pauses excluded'),
    endedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'StudymateTimer' });
export type Timer = z.infer<typeof timerSchema>;

export const timerStartSchema = z.object({ subjectId: z.uuid().nullable().default(null) }).strict();
export const timerActionSchema = z.object({ action: z.enum(['pause', 'resume', 'stop']) }).strict();

export const dayStatSchema = z.object({
  day: z.iso.date(),
  studySeconds: z.number().int(),
  reviews: z.number().int(),
  recalled: z.number().int(),
});

export const subjectStatSchema = z.object({
  subjectId: z.uuid().nullable(),
  name: z.string(),
  color: z.string(),
  studySeconds: z.number().int(),
  reviews: z.number().int(),
  accuracy: z.number().nullable().describe('Share of reviews recalled (grade 2+) and quiz answers right'),
});

export const recommendationSchema = z.object({
  kind: z.enum(['review', 'new-cards', 'quiz', 'material', 'optimize', 'goal']),
  subjectId: z.uuid().nullable(),
  materialId: z.uuid().nullable(),
  count: z.number().int().nullable(),
});

/** `GET /dashboard`: everything the dashboard draws, for the last `days` days in the learner's zone. */
export const dashboardSchema = z
  .object({
    today: z.object({
      studySeconds: z.number().int(),
      goalSeconds: z.number().int(),
      reviews: z.number().int(),
      due: z.number().int(),
    }),
    streak: z.object({ current: z.number().int(), longest: z.number().int() }),
    trueRetention: z
      .number()
      .nullable()
      .describe('Share of reviews of cards in review state recalled (grade 2+), last 30 days'),
    days: z.array(dayStatSchema),
    forecast: z
      .array(z.object({ day: z.iso.date(), due: z.number().int() }))
      .describe('Cards due per day, next 14 days'),
    subjects: z.array(subjectStatSchema),
    recommendations: z.array(recommendationSchema),
    totals: z.object({ cards: z.number().int(), materials: z.number().int(), reviews: z.number().int() }),
  })
  .meta({ id: 'StudymateDashboard' });
export type Dashboard = z.infer<typeof dashboardSchema>;

export const weeklyReportSchema = z
  .object({
    weekStart: z.iso.date(),
    studySeconds: z.number().int(),
    reviews: z.number().int(),
    retention: z.number().nullable(),
    quizzes: z.number().int(),
    quizAccuracy: z.number().nullable(),
    bestSubject: z.string().nullable(),
    emailed: z.boolean(),
  })
  .meta({ id: 'StudymateWeeklyReport' });
export type WeeklyReport = z.infer<typeof weeklyReportSchema>;

export const optimizeResultSchema = z
  .object({
    reviews: z.number().int(),
    logLossBefore: z.number(),
    logLossAfter: z.number(),
    parameters: z.array(z.number()),
  })
  .meta({ id: 'StudymateOptimizeResult' });
