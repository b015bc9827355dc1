import { z } from 'zod';

export const questionTypes = ['multiple-choice', 'cloze', 'true-false', 'short-answer'] as const;
export const difficulties = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof difficulties)[number];

/** A question as the learner sees it while answering (no answer, no explanation). */
export const questionSchema = z
  .object({
    ordinal: z.number().int(),
    type: z.enum(questionTypes),
    prompt: z.string(),
    choices: z.array(z.string()).describe('Multiple choice and true/false; empty otherwise'),
    passage: z.number().int().nullable().describe('The passage of the material it was made from'),
  })
  .meta({ id: 'StudymateQuestion' });

export const quizSchema = z
  .object({
    id: z.uuid(),
    materialId: z.uuid(),
    difficulty: z.enum(difficulties),
    provider: z.string(),
    credits: z.number().int(),
    questions: z.array(questionSchema),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'StudymateQuiz' });
export type Quiz = z.infer<typeof quizSchema>;

/**
 * `POST /materials/:id/quizzes`: generate a quiz (AI credits with a provider, free locally).
 * Without `difficulty` it follows the learner's recent results (mostly right: harder).
 */
export const createQuizBodySchema = z
  .object({
    count: z.number().int().min(1).max(20).default(8),
    difficulty: z.enum(difficulties).optional(),
    types: z.array(z.enum(questionTypes)).min(1).max(4).optional(),
  })
  .strict();

/** Feedback on one answer, given as soon as it is answered. */
export const answerFeedbackSchema = z
  .object({
    ordinal: z.number().int(),
    answer: z.string(),
    correct: z.boolean(),
    expected: z.string(),
    explanation: z.string(),
    passage: z.number().int().nullable(),
  })
  .meta({ id: 'StudymateAnswerFeedback' });
export type AnswerFeedback = z.infer<typeof answerFeedbackSchema>;

export const attemptSchema = z
  .object({
    id: z.uuid(),
    quizId: z.uuid(),
    startedAt: z.iso.datetime(),
    submittedAt: z.iso.datetime().nullable(),
    score: z.number().int().nullable(),
    maxScore: z.number().int(),
    answers: z.array(answerFeedbackSchema),
  })
  .meta({ id: 'StudymateAttempt' });
export type Attempt = z.infer<typeof attemptSchema>;

/** `POST /attempts/:id/answers`: one answer; answering a question twice or after submitting is 409. */
export const answerBodySchema = z
  .object({ ordinal: z.number().int().min(0), answer: z.string().trim().min(1).max(2000) })
  .strict();

/** `POST /attempts/:id/cards`: cards from the attempt's mistakes (idempotent per question). */
export const mistakeCardsResultSchema = z.object({ created: z.number().int() });

/** `GET /materials/:id/quizzes`: the quizzes made from a material, newest first. */
export const quizListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        difficulty: z.enum(difficulties),
        questions: z.number().int(),
        best: z.number().int().nullable().describe('Best submitted score'),
        createdAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: 'StudymateQuizList' });
