import { pageSchema } from '@app/contracts';
import { z } from 'zod';
import { reviewPlatforms, sentimentLabels } from './stores.js';

export const aspectNames = [
  'taste',
  'service',
  'price',
  'cleanliness',
  'waiting',
  'parking',
  'delivery',
  'atmosphere',
] as const;
export const replyStatuses = ['draft', 'edited', 'approved', 'posted', 'done'] as const;
export type ReplyStatus = (typeof replyStatuses)[number];

export const aspectSchema = z.object({
  aspect: z.enum(aspectNames),
  score: z.number(),
  label: z.enum(sentimentLabels),
  evidence: z.string(),
});

/** One quality check of a reply draft. */
export const replyCheckSchema = z.object({
  check: z.enum(['length', 'banned-words', 'personal-data', 'tone', 'promises', 'signature']),
  ok: z.boolean(),
  detail: z.string().describe('What was found (empty when ok)'),
});
export type ReplyCheck = z.infer<typeof replyCheckSchema>;

export const replySchema = z
  .object({
    status: z.enum(replyStatuses),
    text: z.string(),
    source: z.enum(['ai', 'local', 'template', 'staff']),
    draftedBy: z.uuid().nullable(),
    approvedBy: z.uuid().nullable(),
    checks: z.array(replyCheckSchema),
    postedAt: z.iso.datetime().nullable(),
    postError: z.string().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'StorehelperReply' });
export type Reply = z.infer<typeof replySchema>;

export const reviewSchema = z
  .object({
    id: z.uuid(),
    storeId: z.uuid(),
    platform: z.enum(reviewPlatforms),
    author: z.string(),
    rating: z.number().int().nullable().describe('1-5; null for keyword reviews without stars'),
    tags: z.array(z.string()),
    text: z.string(),
    photos: z.number().int(),
    reviewedAt: z.iso.datetime(),
    ownerReply: z.string().nullable().describe('The reply already on the platform'),
    sentiment: z.number().nullable(),
    sentimentLabel: z.enum(sentimentLabels).nullable(),
    aspects: z.array(aspectSchema),
    keywords: z.array(z.string()),
    urgent: z.boolean(),
    reply: replySchema.nullable(),
  })
  .meta({ id: 'StorehelperReview' });
export type Review = z.infer<typeof reviewSchema>;

export const reviewPageSchema = pageSchema(reviewSchema).meta({ id: 'StorehelperReviewPage' });

/** Filters of the review inbox (and of the dashboard and exports). */
export const reviewFilterSchema = z.object({
  platform: z.enum(reviewPlatforms).optional(),
  sentiment: z.enum(sentimentLabels).optional(),
  rating: z.coerce.number().int().min(1).max(5).optional(),
  from: z.iso.date().optional().describe('First day (store time)'),
  to: z.iso.date().optional().describe('Last day (store time)'),
  q: z.string().trim().min(1).max(200).optional(),
  status: z.enum(['unanswered', 'drafted', 'answered', 'urgent']).optional(),
});
export const reviewListQuerySchema = reviewFilterSchema.extend({
  cursor: z.string().min(1).max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** `PUT /reviews/:reviewId/reply`: edit the draft (staff and owner). */
export const replyEditSchema = z.object({ text: z.string().trim().min(1).max(4000) }).strict();
/** `POST /reviews/:reviewId/reply/draft`: a new draft (AI, or a template). */
export const replyDraftSchema = z.object({ templateId: z.uuid().optional() }).strict();

export const collectionRunSchema = z
  .object({
    id: z.uuid(),
    source: z.enum(reviewPlatforms),
    trigger: z.enum(['schedule', 'manual', 'import']),
    status: z.enum(['running', 'succeeded', 'failed']),
    found: z.number().int(),
    added: z.number().int(),
    updated: z.number().int(),
    errors: z.number().int(),
    error: z.string().nullable(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'StorehelperCollectionRun' });
export type CollectionRun = z.infer<typeof collectionRunSchema>;

export const alertSchema = z
  .object({
    id: z.uuid(),
    storeId: z.uuid(),
    reviewId: z.uuid().nullable(),
    kind: z.enum(['negative-review', 'parser-broken']),
    detail: z.record(z.string(), z.unknown()),
    createdAt: z.iso.datetime(),
    acknowledgedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'StorehelperAlert' });

export const templateSchema = z
  .object({ id: z.uuid(), name: z.string(), body: z.string() })
  .meta({ id: 'StorehelperTemplate' });
export const templateInputSchema = z
  .object({ name: z.string().trim().min(1).max(80), body: z.string().trim().min(1).max(4000) })
  .strict();

/** `GET /stores/:storeId/dashboard`: trends and what to act on, for the filtered reviews. */
export const dashboardSchema = z
  .object({
    range: z.object({ from: z.iso.date(), to: z.iso.date() }),
    totals: z.object({
      reviews: z.number().int(),
      averageRating: z.number().nullable(),
      averageSentiment: z.number().nullable(),
      negative: z.number().int(),
      unanswered: z.number().int(),
      urgentOpen: z.number().int(),
    }),
    weeks: z.array(
      z.object({
        week: z.iso.date().describe('Monday of the week (store time)'),
        reviews: z.number().int(),
        averageRating: z.number().nullable(),
        averageSentiment: z.number().nullable(),
        negative: z.number().int(),
      }),
    ),
    keywords: z
      .array(
        z.object({
          keyword: z.string(),
          count: z.number().int(),
          previous: z.number().int(),
          trend: z.enum(['up', 'down', 'new', 'gone', 'steady']),
        }),
      )
      .describe('This week against the week before'),
    response: z.object({
      rate: z.number().nullable().describe('Share of reviews with a reply'),
      medianHours: z.number().nullable().describe('Median time from review to reply'),
    }),
    platforms: z.array(
      z.object({
        platform: z.enum(['google', 'naver', 'kakao', 'import']),
        reviews: z.number().int(),
        averageRating: z.number().nullable(),
      }),
    ),
    advanced: z
      .boolean()
      .describe('Whether the plan includes advanced analytics (aspects, complaints, competitors)'),
    aspects: z
      .array(
        z.object({
          aspect: z.enum(aspectNames),
          positive: z.number().int(),
          negative: z.number().int(),
          neutral: z.number().int(),
        }),
      )
      .nullable(),
    complaints: z
      .array(
        z.object({
          aspect: z.enum(aspectNames),
          count: z.number().int(),
          examples: z.array(z.object({ reviewId: z.uuid(), evidence: z.string() })),
        }),
      )
      .nullable()
      .describe('Recurring complaints by aspect, with example reviews'),
    competitors: z
      .array(
        z.object({
          storeId: z.uuid(),
          name: z.string(),
          reviews: z.number().int(),
          averageRating: z.number().nullable(),
          averageSentiment: z.number().nullable(),
        }),
      )
      .nullable(),
    recommendations: z.array(
      z.object({
        kind: z.enum([
          'answer-urgent',
          'answer-unanswered',
          'fix-aspect',
          'praise-aspect',
          'collect',
          'connect',
        ]),
        aspect: z.enum(aspectNames).nullable(),
        count: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: 'StorehelperDashboard' });
export type Dashboard = z.infer<typeof dashboardSchema>;
