import { z } from 'zod';

export const pollKindSchema = z.enum(['single', 'multiple', 'text']);

export const createPollSchema = z
  .object({
    question: z.string().trim().min(1).max(500),
    kind: pollKindSchema,
    options: z
      .array(z.object({ text: z.string().trim().min(1).max(200), correct: z.boolean().default(false) }))
      .max(20)
      .default([]),
    anonymous: z.boolean().default(false),
    /** Students see the live aggregate too (the professor always does). */
    resultsVisible: z.boolean().default(false),
    /** Points for a correct answer (needs at least one correct option). */
    points: z.number().int().min(0).max(100).default(0),
  })
  .superRefine((poll, ctx) => {
    if (poll.kind === 'text' && poll.options.length > 0)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'an open-text poll has no options' });
    if (poll.kind !== 'text' && poll.options.length < 2)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'a choice poll needs at least two options',
      });
    const correct = poll.options.filter((o) => o.correct).length;
    if (poll.kind === 'single' && correct > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'a single-choice poll has one correct option',
      });
    if (poll.points > 0 && correct === 0)
      ctx.addIssue({ code: 'custom', path: ['points'], message: 'points need a correct option' });
  });
export type CreatePoll = z.infer<typeof createPollSchema>;

export const pollOptionSchema = z.object({
  id: z.string(),
  text: z.string(),
  correct: z.boolean().optional(),
});

export const pollSchema = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  question: z.string(),
  kind: pollKindSchema,
  /** `correct` is shown to staff always and to students once the poll is closed. */
  options: z.array(pollOptionSchema),
  anonymous: z.boolean(),
  resultsVisible: z.boolean(),
  points: z.number().int(),
  status: z.enum(['draft', 'open', 'closed']),
});
export type Poll = z.infer<typeof pollSchema>;

export const voteSchema = z.union([
  z.object({ choices: z.array(z.string().min(1).max(16)).min(1).max(20) }).strict(),
  z.object({ text: z.string().trim().min(1).max(2000) }).strict(),
]);
export type Vote = z.infer<typeof voteSchema>;

export const pollResultsSchema = z.object({
  pollId: z.uuid(),
  status: z.enum(['draft', 'open', 'closed']),
  voters: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  /** Open-text answers (named polls carry the voter for staff). */
  texts: z.array(z.object({ text: z.string(), userId: z.uuid().nullable() })),
});
export type PollResults = z.infer<typeof pollResultsSchema>;
