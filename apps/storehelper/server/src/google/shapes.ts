import { z } from 'zod';

// The parts of Google Business Profile API answers that storehelper reads. Unknown fields are
// ignored; reviews are checked one by one (mapper.ts) so one odd review does not sink a page.

/** Account Management v1 `GET /accounts`. */
export const accountsPageSchema = z.object({
  accounts: z
    .array(z.object({ name: z.string(), accountName: z.string().optional(), type: z.string().optional() }))
    .default([]),
  nextPageToken: z.string().optional(),
});
export type GoogleAccount = z.infer<typeof accountsPageSchema>['accounts'][number];

const postalAddressSchema = z.object({
  addressLines: z.array(z.string()).optional(),
  locality: z.string().optional(),
  administrativeArea: z.string().optional(),
  postalCode: z.string().optional(),
  regionCode: z.string().optional(),
});

/** Business Information v1 `GET /accounts/{a}/locations?readMask=name,title,storefrontAddress`. */
export const locationsPageSchema = z.object({
  locations: z
    .array(
      z.object({
        name: z.string(),
        title: z.string().optional(),
        storefrontAddress: postalAddressSchema.optional(),
      }),
    )
    .default([]),
  nextPageToken: z.string().optional(),
});
export type GoogleLocation = z.infer<typeof locationsPageSchema>['locations'][number];

/** v4 `Review`. */
export const reviewSchema = z.object({
  name: z.string().min(1),
  reviewId: z.string().min(1).max(300).optional(),
  reviewer: z.object({ displayName: z.string().optional(), isAnonymous: z.boolean().optional() }).optional(),
  starRating: z.string().optional(),
  comment: z.string().optional(),
  createTime: z.iso.datetime({ offset: true }),
  updateTime: z.iso.datetime({ offset: true }).optional(),
  reviewReply: z
    .object({ comment: z.string(), updateTime: z.iso.datetime({ offset: true }).optional() })
    .optional(),
  reviewMediaItems: z.array(z.unknown()).optional(),
});
export type GoogleReview = z.infer<typeof reviewSchema>;

/** v4 `GET /accounts/{a}/locations/{l}/reviews`. */
export const reviewsPageSchema = z.object({
  reviews: z.array(z.unknown()).default([]),
  averageRating: z.number().optional(),
  totalReviewCount: z.number().optional(),
  nextPageToken: z.string().optional(),
});
export type GoogleReviewsPage = z.infer<typeof reviewsPageSchema>;

/** v4 `ReviewReply` (the answer of PUT .../reply). */
export const reviewReplySchema = z.object({ comment: z.string(), updateTime: z.string().optional() });

/** Google's error body: `{ error: { code, message, status } }`. */
export const googleErrorSchema = z.object({
  error: z.object({ message: z.string().optional(), status: z.string().optional() }),
});
