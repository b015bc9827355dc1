import { pageSchema, timeZoneSchema } from '@app/contracts';
import { z } from 'zod';

export const replyTones = ['friendly', 'formal', 'apologetic'] as const;
export const reviewPlatforms = ['google', 'naver', 'kakao', 'import'] as const;
export type ReviewPlatform = (typeof reviewPlatforms)[number];
export const sentimentLabels = ['positive', 'neutral', 'negative'] as const;
export type SentimentLabel = (typeof sentimentLabels)[number];

/** Which reviews get an AI draft on arrival (never auto-posted). Null: drafts only on request. */
export const autoDraftSchema = z
  .object({
    ratingAtMost: z
      .number()
      .int()
      .min(1)
      .max(5)
      .nullable()
      .default(null)
      .describe('Draft for reviews rated at most this'),
    ratingAtLeast: z
      .number()
      .int()
      .min(1)
      .max(5)
      .nullable()
      .default(null)
      .describe('Draft for reviews rated at least this'),
    sentiments: z.array(z.enum(sentimentLabels)).max(3).default([]),
    platforms: z.array(z.enum(reviewPlatforms)).max(4).default([]),
  })
  .strict();
export type AutoDraft = z.infer<typeof autoDraftSchema>;

/** The caller's relation to a store: its owner or staff (platform admins act as owners). */
export const storeRoles = ['owner', 'staff'] as const;

/** A store (a shop) its owner manages in storehelper, or a competitor it tracks. */
export const storeSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    address: z.string(),
    category: z.string(),
    timeZone: z.string(),
    googleLocation: z.string().nullable().describe('Google Business Profile location name, locations/...'),
    naverPlaceId: z.string().nullable(),
    kakaoPlaceId: z.string().nullable(),
    replyTone: z.enum(replyTones),
    replySignature: z.string(),
    autoDraft: autoDraftSchema.nullable(),
    competitorOf: z.uuid().nullable(),
    role: z.enum(storeRoles).describe("The caller's role in this store"),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'StorehelperStore' });
export type Store = z.infer<typeof storeSchema>;

/** Naver Place and Kakao Map ids are digits; a pasted place URL is accepted and reduced to its id. */
const placeId = (host: RegExp) =>
  z
    .string()
    .trim()
    .max(300)
    .transform((value, ctx) => {
      if (value === '') return null;
      if (/^\d{1,20}$/.test(value)) return value;
      try {
        const url = new URL(value);
        const id = host.test(url.hostname) ? /\/(\d{1,20})(?:[/?#]|$)/.exec(url.pathname)?.[1] : undefined;
        if (id) return id;
      } catch {}
      ctx.addIssue({ code: 'custom', message: 'A place id (digits) or the place’s address on the map site' });
      return z.NEVER;
    });

/** `POST /stores` and `PATCH /stores/:storeId`. */
export const storeInputSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    address: z.string().trim().max(300).optional(),
    category: z.string().trim().max(80).optional(),
    timeZone: timeZoneSchema.optional(),
    googleLocation: z
      .string()
      .trim()
      .regex(/^(accounts\/[^/\s]+\/)?locations\/[^/\s]+$/, 'A location name such as locations/123')
      .nullable()
      .optional(),
    naverPlaceId: placeId(/(^|\.)naver\.(com|me)$/)
      .nullable()
      .optional(),
    kakaoPlaceId: placeId(/(^|\.)kakao\.com$/)
      .nullable()
      .optional(),
    replyTone: z.enum(replyTones).optional(),
    replySignature: z.string().trim().max(200).optional(),
    autoDraft: autoDraftSchema.nullable().optional(),
  })
  .strict();
export type StoreInput = z.input<typeof storeInputSchema>;
export const storePatchSchema = storeInputSchema.partial().strict();

/** `POST /api/v1/storehelper/stores`: a new store (counted against the plan's `stores` limit). */
export const createStoreBodySchema = storeInputSchema;
export type CreateStoreBody = z.input<typeof createStoreBodySchema>;

/** `GET /api/v1/storehelper/stores`: a page of the caller's stores (owned and staffed), oldest first. */
export const storePageSchema = pageSchema(storeSchema).meta({ id: 'StorehelperStorePage' });

/** A store's staff member. */
export const staffSchema = z
  .object({ userId: z.uuid(), name: z.string(), email: z.string(), addedAt: z.iso.datetime() })
  .meta({ id: 'StorehelperStaff' });
export const addStaffBodySchema = z.object({ email: z.email().max(320) }).strict();

/** `POST /stores/:storeId/competitors`: a competitor tracked read-only (no limit; it is not a store of yours). */
export const competitorInputSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    naverPlaceId: placeId(/(^|\.)naver\.(com|me)$/)
      .nullable()
      .optional(),
    kakaoPlaceId: placeId(/(^|\.)kakao\.com$/)
      .nullable()
      .optional(),
  })
  .strict();
