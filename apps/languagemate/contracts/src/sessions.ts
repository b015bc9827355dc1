import { z } from 'zod';

/** `POST /api/v1/languagemate/sessions`: propose a practice session to a partner. */
export const proposeSessionSchema = z.object({
  partnerId: z.uuid(),
  startsAt: z.iso.datetime({ offset: true }).describe('An instant; shown to each in their own time zone'),
  durationMin: z.number().int().min(10).max(180).default(30),
  kind: z.enum(['video', 'voice']).default('video'),
  note: z.string().trim().max(300).default(''),
});

export const practiceSessionSchema = z
  .object({
    id: z.uuid(),
    proposerId: z.uuid(),
    partnerId: z.uuid(),
    startsAt: z.iso.datetime(),
    durationMin: z.number().int(),
    kind: z.enum(['video', 'voice']),
    note: z.string(),
    state: z.enum(['proposed', 'accepted', 'declined', 'cancelled']),
    noShowUserId: z.uuid().nullable(),
    /** Both people's time zones, so either side can show both local times. */
    proposerTimeZone: z.string(),
    partnerTimeZone: z.string(),
    otherName: z.string(),
  })
  .meta({ id: 'LanguagemateSession' });
export type PracticeSession = z.infer<typeof practiceSessionSchema>;

export const sessionsQuerySchema = z.object({
  when: z.enum(['upcoming', 'past']).default('upcoming'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** `POST /sessions/:id/no-show`: after the start, the one who came marks that the other did not. */
export const noShowSchema = z.object({ userId: z.uuid() });
