import { z } from 'zod';

export const reportReasons = [
  'spam',
  'solicitation',
  'harassment',
  'hate',
  'contact_info',
  'inappropriate',
  'other',
] as const;
export const reportReasonSchema = z.enum(reportReasons);

/** `POST /api/v1/languagemate/reports`: report a person, optionally one of their messages, and block them. */
export const createReportSchema = z.object({
  userId: z.uuid(),
  reason: reportReasonSchema,
  details: z.string().trim().max(1000).default(''),
  messageId: z.uuid().optional().describe("One of the reported person's messages in a room you share"),
  block: z.boolean().default(true).describe('Also block them (both stop seeing each other)'),
});
export type CreateReport = z.input<typeof createReportSchema>;

const personSchema = z.object({ userId: z.uuid(), name: z.string() });

export const reportSchema = z
  .object({
    id: z.uuid(),
    reporter: personSchema,
    reported: personSchema,
    reason: reportReasonSchema,
    details: z.string(),
    excerpt: z.string().describe('The reported message as it was when reported (kept as evidence)'),
    state: z.enum(['open', 'dismissed', 'warned', 'suspended']),
    createdAt: z.iso.datetime(),
    resolvedAt: z.iso.datetime().nullable(),
    resolutionNote: z.string(),
    /** Earlier reports about the same person (any state), for the reviewer's context. */
    priorReports: z.number().int(),
  })
  .meta({ id: 'LanguagemateReport' });
export type Report = z.infer<typeof reportSchema>;

export const reportsQuerySchema = z.object({
  state: z.enum(['open', 'resolved']).default('open'),
  cursor: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** `POST /api/v1/languagemate/admin/reports/:id/resolve`. */
export const resolveReportSchema = z
  .object({
    action: z.enum(['dismiss', 'warn', 'suspend']),
    days: z.number().int().min(1).max(3650).optional().describe('Suspension length; none = indefinite'),
    note: z.string().trim().max(1000).default(''),
  })
  .refine((r) => r.action === 'suspend' || r.days === undefined, {
    message: 'only a suspension has a length',
    path: ['days'],
  });
