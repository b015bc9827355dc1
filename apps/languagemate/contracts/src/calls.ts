import { z } from 'zod';
import { languageSchema } from './vocabulary.js';

/** `POST /api/v1/languagemate/calls/:callId/feedback`: after a call, rating, private notes, minutes per language. */
export const callFeedbackSchema = z.object({
  rating: z.number().int().min(1).max(5).nullable().default(null),
  notes: z.string().trim().max(2000).default(''),
  /** Minutes spoken in each language (the in-call language timer); clamped to the call's length. */
  minutes: z.partialRecord(languageSchema, z.number().min(0).max(600)).default({}),
});
export type CallFeedbackInput = z.input<typeof callFeedbackSchema>;

export const callRecordSchema = z
  .object({
    callId: z.uuid(),
    partnerId: z.uuid(),
    partnerName: z.string(),
    durationS: z.number().int(),
    rating: z.number().int().nullable(),
    notes: z.string(),
    minutes: z.partialRecord(languageSchema, z.number()),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'LanguagemateCallRecord' });
export type CallRecord = z.infer<typeof callRecordSchema>;
