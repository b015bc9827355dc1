import { z } from 'zod';
import { publicProfileSchema } from './profile.js';

/** `POST /api/v1/languagemate/requests`. */
export const createRequestSchema = z.object({
  toUserId: z.uuid(),
  message: z.string().trim().max(300).default(''),
});

export const partnerRequestSchema = z
  .object({
    id: z.uuid(),
    fromUserId: z.uuid(),
    toUserId: z.uuid(),
    message: z.string(),
    state: z.enum(['pending', 'accepted', 'declined', 'cancelled']),
    createdAt: z.iso.datetime(),
    /** The other person (the sender in the inbox, the recipient in the outbox). */
    other: publicProfileSchema,
  })
  .meta({ id: 'LanguagemateRequest' });
export type PartnerRequest = z.infer<typeof partnerRequestSchema>;

export const requestsQuerySchema = z.object({ box: z.enum(['incoming', 'outgoing']).default('incoming') });

/** A partner and the two people's direct chat room. */
export const partnerSchema = z
  .object({
    profile: publicProfileSchema,
    roomId: z.uuid(),
    since: z.iso.datetime(),
    unread: z.number().int().min(0),
    lastSeq: z.number().int(),
  })
  .meta({ id: 'LanguagematePartner' });
export type Partner = z.infer<typeof partnerSchema>;
