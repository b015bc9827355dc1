import { z } from 'zod';

/** `POST /api/v1/languagemate/rooms/:roomId/corrections`: correct a partner's message. */
export const createCorrectionSchema = z.object({
  messageId: z.uuid(),
  corrected: z.string().trim().min(1).max(4000),
  note: z.string().trim().max(500).default(''),
});

export const correctionSchema = z
  .object({
    id: z.uuid(),
    roomId: z.uuid(),
    messageId: z.uuid(),
    correctorId: z.uuid(),
    learnerId: z.uuid().describe('Who wrote the corrected message (and reviews it)'),
    original: z.string(),
    corrected: z.string(),
    note: z.string(),
    createdAt: z.iso.datetime(),
    reviewedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'LanguagemateCorrection' });
export type Correction = z.infer<typeof correctionSchema>;

/** The realtime event on `chat:<roomId>` when a correction is added. */
export const CORRECTION_EVENT = 'languagemate.correction';

/** `GET /api/v1/languagemate/corrections?state=`: the caller's review items. */
export const correctionsQuerySchema = z.object({
  state: z.enum(['to_review', 'reviewed']).default('to_review'),
  cursor: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
