import { z } from 'zod';

/** A Q&A question's state: staff mark it answered, or hide it from students. */
export const qaStatusSchema = z.enum(['open', 'answered', 'hidden']);

/** A question as everyone in the session sees it (an anonymous one names nobody, staff included). */
export const qaQuestionSchema = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  body: z.string(),
  anonymous: z.boolean(),
  author: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
  status: qaStatusSchema,
  votes: z.number().int(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
});
export type QaQuestion = z.infer<typeof qaQuestionSchema>;

/** The same, for its reader: whether they upvoted it and whether they asked it. */
export const myQaQuestionSchema = qaQuestionSchema.extend({ myVote: z.boolean(), mine: z.boolean() });
export type MyQaQuestion = z.infer<typeof myQaQuestionSchema>;

export const askQaSchema = z.object({
  body: z.string().trim().min(1).max(500),
  anonymous: z.boolean().default(false),
});
export const setQaStatusSchema = z.object({ status: qaStatusSchema });

/** Most questions one session keeps (a session's Q&A is listed whole, sorted by votes). */
export const MAX_QA_QUESTIONS = 500;
