import { z } from 'zod';
import { publicProfileSchema } from './profile.js';
import { interestSchema, languageSchema, practiceModeSchema } from './vocabulary.js';

/** A weekly window both are free, in UTC minutes of the week (0 = Monday 00:00 UTC). */
export const sharedWindowSchema = z.object({
  startUtc: z.number().int().min(0).max(10_080),
  endUtc: z.number().int().min(0).max(10_080),
});

/**
 * Why someone is suggested; the web words each reason in the viewer's language and shows shared
 * windows in both people's time zones.
 */
export const matchReasonSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('languages'),
    /** They speak natively what I learn ... */
    theyTeach: z.array(languageSchema),
    /** ... and learn what I speak natively. */
    theyLearn: z.array(languageSchema),
  }),
  z.object({ kind: z.literal('schedule'), hoursPerWeek: z.number(), windows: z.array(sharedWindowSchema) }),
  z.object({
    kind: z.literal('interests'),
    shared: z.array(interestSchema),
    sharedTags: z.array(z.string()),
  }),
  z.object({ kind: z.literal('level'), fit: z.enum(['close', 'apart']) }),
  z.object({ kind: z.literal('modes'), shared: z.array(practiceModeSchema) }),
  z.object({ kind: z.literal('reliability'), value: z.number().min(0).max(1) }),
]);
export type MatchReason = z.infer<typeof matchReasonSchema>;

export const suggestionSchema = z
  .object({
    profile: publicProfileSchema,
    score: z.number().min(0).max(1),
    sharedHoursPerWeek: z.number(),
    reasons: z.array(matchReasonSchema),
  })
  .meta({ id: 'LanguagemateSuggestion' });
export type Suggestion = z.infer<typeof suggestionSchema>;

/** `GET /api/v1/languagemate/suggestions?cursor&limit`. */
export const suggestionsQuerySchema = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,4}$/)
    .optional()
    .describe('Opaque; from nextCursor'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const suggestionsPageSchema = z.object({
  items: z.array(suggestionSchema),
  nextCursor: z.string().nullable(),
});
export type SuggestionsPage = z.infer<typeof suggestionsPageSchema>;
