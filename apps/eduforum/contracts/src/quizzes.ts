import { z } from 'zod';

export const questionKindSchema = z.enum(['single', 'multiple', 'true_false', 'short']);

const choice = z.object({ id: z.string().regex(/^[a-z0-9]{1,8}$/), text: z.string().trim().min(1).max(500) });

/** Exact-match rules of a short answer: any accepted string matches after the normalisation. */
export const shortAnswerRuleSchema = z.object({
  accepted: z.array(z.string().min(1).max(500)).min(1).max(20),
  caseSensitive: z.boolean().default(false),
  /** Trim and collapse inner whitespace before comparing. */
  normalizeSpace: z.boolean().default(true),
});

export const createQuestionSchema = z
  .object({
    kind: questionKindSchema,
    prompt: z.string().trim().min(1).max(4000),
    options: z.array(choice).max(10).default([]),
    /** Choice questions: the ids of the correct options; true/false: ['true'] or ['false']. */
    correct: z.array(z.string()).max(10).default([]),
    shortAnswer: shortAnswerRuleSchema.optional(),
    tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
    difficulty: z.number().int().min(1).max(5).default(2),
    points: z.number().int().min(0).max(100).default(1),
    /** Why the answer is right: shown to students after the quiz when its answers are shown. */
    explanation: z.string().trim().max(2000).default(''),
  })
  .superRefine((q, ctx) => {
    const ids = new Set(q.options.map((o) => o.id));
    const issue = (message: string, path: string) => ctx.addIssue({ code: 'custom', message, path: [path] });
    if (ids.size !== q.options.length) issue('option ids must be unique', 'options');
    if (q.kind === 'single' || q.kind === 'multiple') {
      if (q.options.length < 2) issue('needs at least two options', 'options');
      if (q.correct.length < 1 || q.correct.some((c) => !ids.has(c)))
        issue('correct must name options', 'correct');
      if (q.kind === 'single' && q.correct.length !== 1) issue('exactly one correct option', 'correct');
    }
    if (
      q.kind === 'true_false' &&
      (q.correct.length !== 1 || !['true', 'false'].includes(q.correct[0] ?? ''))
    )
      issue("correct is ['true'] or ['false']", 'correct');
    if (q.kind === 'short' && !q.shortAnswer) issue('a short answer needs its rules', 'shortAnswer');
  });
export type CreateQuestion = z.infer<typeof createQuestionSchema>;

export const questionSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  kind: questionKindSchema,
  prompt: z.string(),
  options: z.array(choice),
  tags: z.array(z.string()),
  difficulty: z.number().int(),
  points: z.number().int(),
  /** Staff only. */
  correct: z.array(z.string()).optional(),
  shortAnswer: shortAnswerRuleSchema.optional(),
  /** Staff only (students read it in their review once the quiz closed). */
  explanation: z.string().optional(),
});
export type Question = z.infer<typeof questionSchema>;

/** How a quiz scores multiple-choice questions (see the server's grading.ts `credit`). */
export const quizScoringSchema = z.enum(['all_or_nothing', 'partial']);

export const createQuizSchema = z.object({
  title: z.string().trim().min(1).max(200),
  questionIds: z.array(z.uuid()).min(1).max(100),
  timeLimitS: z.number().int().min(10).max(7200),
  scoring: quizScoringSchema.default('all_or_nothing'),
  /** Students see the right answers and explanations once the quiz closes. */
  showAnswers: z.boolean().default(true),
});

export const quizSchema = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  title: z.string(),
  timeLimitS: z.number().int(),
  status: z.enum(['draft', 'open', 'closed']),
  openedAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  scoring: quizScoringSchema,
  showAnswers: z.boolean(),
  questions: z.array(questionSchema),
});
export type Quiz = z.infer<typeof quizSchema>;

/** One answer: the chosen option ids (true/false: 'true'/'false'), or the text of a short answer. */
export const quizAnswerSchema = z.object({
  questionId: z.uuid(),
  choices: z.array(z.string().max(16)).max(10).optional(),
  text: z.string().max(500).optional(),
});
export const submitQuizSchema = z.object({ answers: z.array(quizAnswerSchema).max(100) });

export const gradedAnswerSchema = z.object({
  questionId: z.uuid(),
  correct: z.boolean(),
  /** Points earned (fractions with partial credit, to hundredths). */
  points: z.number(),
});
/** One question of a closed quiz as its student reviews it (when the quiz shows its answers). */
export const quizReviewItemSchema = z.object({
  questionId: z.uuid(),
  /** What the student answered (null: nothing). */
  given: z.object({ choices: z.array(z.string()).optional(), text: z.string().optional() }).nullable(),
  /** Choice questions: the right option ids; short answers: the accepted answers. */
  correctChoices: z.array(z.string()),
  acceptedAnswers: z.array(z.string()),
  explanation: z.string(),
});
export const quizResultSchema = z.object({
  quizId: z.uuid(),
  userId: z.uuid(),
  score: z.number(),
  maxScore: z.number().int(),
  answers: z.array(gradedAnswerSchema),
  submittedAt: z.string(),
  /** After the quiz closed, when it shows its answers; otherwise null. */
  review: z.array(quizReviewItemSchema).nullable(),
});
export type QuizResult = z.infer<typeof quizResultSchema>;

export const quizReportSchema = z.object({
  quizId: z.uuid(),
  students: z.array(
    z.object({ userId: z.uuid(), name: z.string(), score: z.number(), maxScore: z.number().int() }),
  ),
  questions: z.array(
    z.object({ questionId: z.uuid(), answered: z.number().int(), correct: z.number().int() }),
  ),
});
