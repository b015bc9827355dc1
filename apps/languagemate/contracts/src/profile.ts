import { timeZoneSchema } from '@app/contracts';
import { z } from 'zod';
import { cefrLevelSchema, interestSchema, languageSchema, practiceModeSchema } from './vocabulary.js';

/** `HH:MM` on a 30-minute grid; `24:00` only as an end. */
const clockSchema = z
  .string()
  .regex(/^([01]\d|2[0-4]):(00|30)$/, 'use HH:MM on the half hour, e.g. 19:30')
  .refine((v) => v <= '24:00', 'a time is at most 24:00');

/** Minutes since midnight of an `HH:MM` clock value. */
export function clockMinutes(clock: string): number {
  const [h, m] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

/** One weekly free range in the person's own time zone; weekday 0 = Monday. */
export const availabilityRangeSchema = z
  .object({
    weekday: z.number().int().min(0).max(6),
    start: clockSchema,
    end: clockSchema,
  })
  .refine((r) => clockMinutes(r.end) > clockMinutes(r.start), {
    message: 'a range ends after it starts',
    path: ['end'],
  })
  .refine((r) => r.start !== '24:00', { message: 'a range starts before 24:00', path: ['start'] });
export type AvailabilityRange = z.infer<typeof availabilityRangeSchema>;

/** A week of ranges: at most 42, none overlapping another on the same day. */
export const availabilitySchema = z
  .array(availabilityRangeSchema)
  .max(42)
  .superRefine((ranges, ctx) => {
    const sorted = ranges
      .map((r, index) => ({ ...r, index, s: clockMinutes(r.start), e: clockMinutes(r.end) }))
      .sort((a, b) => a.weekday - b.weekday || a.s - b.s);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      const cur = sorted[i];
      if (prev && cur && prev.weekday === cur.weekday && cur.s < prev.e)
        ctx.addIssue({
          code: 'custom',
          path: [cur.index],
          message: `overlaps another range on the same day (${prev.start}-${prev.end})`,
        });
    }
  });

export const partnerPreferencesSchema = z.object({
  /** How they like to practise; suggestions favour people who share one. */
  modes: z.array(practiceModeSchema).min(1).max(3).default(['text', 'voice', 'video']),
  /** Favour partners whose level in my native language is close to mine in theirs. */
  similarLevel: z.boolean().default(true),
});
export type PartnerPreferences = z.infer<typeof partnerPreferencesSchema>;

const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, 'a tag is letters, digits, spaces, _ or -');

/** `PUT /api/v1/languagemate/profile`: onboarding and later edits (the whole profile). */
export const profileInputSchema = z
  .object({
    displayName: z.string().trim().min(1).max(60),
    timeZone: timeZoneSchema,
    nativeLanguages: z.array(languageSchema).min(1).max(3),
    targets: z
      .array(z.object({ language: languageSchema, level: cefrLevelSchema }))
      .min(1)
      .max(3),
    interests: z.array(interestSchema).max(10).default([]),
    tags: z.array(tagSchema).max(10).default([]),
    preferences: partnerPreferencesSchema.default({ modes: ['text', 'voice', 'video'], similarLevel: true }),
    availability: availabilitySchema,
    bio: z.string().trim().max(500).default(''),
    photoFileId: z.uuid().nullable().default(null),
    weeklyGoalMinutes: z.number().int().min(0).max(3000).default(60),
    discoverable: z.boolean().default(true),
  })
  .superRefine((p, ctx) => {
    const natives = new Set(p.nativeLanguages);
    if (natives.size !== p.nativeLanguages.length)
      ctx.addIssue({ code: 'custom', path: ['nativeLanguages'], message: 'a language is listed twice' });
    const seen = new Set<string>();
    p.targets.forEach((t, i) => {
      if (natives.has(t.language))
        ctx.addIssue({
          code: 'custom',
          path: ['targets', i, 'language'],
          message: 'a language you speak natively is not one you learn',
        });
      if (seen.has(t.language))
        ctx.addIssue({
          code: 'custom',
          path: ['targets', i, 'language'],
          message: 'a language is listed twice',
        });
      seen.add(t.language);
    });
  });
export type ProfileInput = z.input<typeof profileInputSchema>;

export const profileSchema = z
  .object({
    userId: z.uuid(),
    displayName: z.string(),
    timeZone: z.string(),
    nativeLanguages: z.array(languageSchema),
    targets: z.array(z.object({ language: languageSchema, level: cefrLevelSchema })),
    interests: z.array(interestSchema),
    tags: z.array(z.string()),
    preferences: partnerPreferencesSchema,
    availability: z.array(availabilityRangeSchema),
    bio: z.string(),
    photoFileId: z.uuid().nullable(),
    weeklyGoalMinutes: z.number().int(),
    discoverable: z.boolean(),
    testedLevel: cefrLevelSchema.nullable().describe('From the AI level test; null until taken'),
    testedLanguage: languageSchema.nullable(),
    reliability: z.number().min(0).max(1),
  })
  .meta({ id: 'LanguagemateProfile' });
export type Profile = z.infer<typeof profileSchema>;

/** What others see of a person (no availability detail, no goals). */
export const publicProfileSchema = profileSchema
  .pick({
    userId: true,
    displayName: true,
    timeZone: true,
    nativeLanguages: true,
    targets: true,
    interests: true,
    tags: true,
    bio: true,
    photoFileId: true,
    testedLevel: true,
    testedLanguage: true,
  })
  .meta({ id: 'LanguagematePublicProfile' });
export type PublicProfile = z.infer<typeof publicProfileSchema>;
