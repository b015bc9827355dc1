import { z } from 'zod';
import { appNameSchema } from './apps.js';

export const callSchema = z
  .object({
    id: z.uuid(),
    app: appNameSchema,
    callerId: z.uuid(),
    calleeId: z.uuid(),
    state: z.enum(['ringing', 'active', 'ended']),
    endReason: z.enum(['declined', 'cancelled', 'missed', 'hangup']).nullable(),
    createdAt: z.iso.datetime(),
    answeredAt: z.iso.datetime().nullable(),
    endedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Call' });
export type Call = z.infer<typeof callSchema>;

export const startCallSchema = z.object({ app: appNameSchema, calleeId: z.uuid() });

/** WebRTC signaling relayed on `call:<callId>` between the two participants. */
export const callSignalSchema = z.object({
  kind: z.enum(['offer', 'answer', 'ice']),
  /** SDP text for offers and answers, an ICE candidate object for `ice`. */
  data: z.union([z.string().max(20_000), z.record(z.string(), z.unknown())]),
});

/** Someone the caller blocked: they cannot call the caller, nor open a direct chat with them. */
export const blockedUserSchema = z
  .object({ userId: z.uuid(), createdAt: z.iso.datetime() })
  .meta({ id: 'BlockedUser' });
export type BlockedUser = z.infer<typeof blockedUserSchema>;
