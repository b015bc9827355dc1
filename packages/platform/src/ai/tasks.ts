import { z } from 'zod';

/**
 * Input and output shapes of every language task. Provider answers and local-engine results are
 * validated against the same output schema, so callers get one shape whoever answered.
 */

/** Tasks that go through the language-model router (transcription has its own engines). */
export const textTaskNames = [
  'summarize',
  'generateQuiz',
  'assessCefr',
  'analyzeSentiment',
  'extractKeywords',
  'draftReply',
  'gradeEssay',
  'translate',
  'chat',
] as const;

export type TextTaskName = (typeof textTaskNames)[number];

const MAX_TEXT = 50_000;
const text = z.string().trim().min(1).max(MAX_TEXT);
const lang = z.enum(['ko', 'en']);
const cefrLevel = z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);

export const taskInputSchemas = {
  summarize: z.object({
    text,
    lang: lang.optional(),
    maxSentences: z.number().int().min(1).max(20).optional(),
  }),
  generateQuiz: z.object({
    text,
    lang: lang.optional(),
    count: z.number().int().min(1).max(30).optional(),
    types: z
      .array(z.enum(['cloze', 'multiple-choice', 'true-false']))
      .min(1)
      .optional(),
  }),
  assessCefr: z.object({ text }),
  analyzeSentiment: z.object({ text, lang: lang.optional() }),
  extractKeywords: z.object({
    text,
    lang: lang.optional(),
    limit: z.number().int().min(1).max(50).optional(),
  }),
  draftReply: z.object({
    review: text,
    lang: lang.optional(),
    tone: z.enum(['friendly', 'formal', 'apologetic']).optional(),
    speechLevel: z.enum(['hapsyo', 'haeyo']).optional(),
    shopName: z.string().max(200).optional(),
    reviewerName: z.string().max(200).optional(),
  }),
  gradeEssay: z.object({
    essay: text,
    prompt: z.string().max(5_000).optional(),
    maxScore: z.number().positive().max(1_000).default(100),
    rubric: z
      .array(z.object({ criterion: z.string().min(1).max(500), maxScore: z.number().positive() }))
      .max(20)
      .optional(),
  }),
  translate: z.object({
    text,
    to: z.string().min(2).max(35).describe('Target language, BCP 47 tag (ko, en, ja, zh-Hant, ...)'),
    from: z.string().min(2).max(35).optional(),
  }),
  chat: z.object({
    system: z.string().max(10_000).optional(),
    messages: z
      .array(z.object({ role: z.enum(['user', 'assistant']), content: z.string().min(1).max(MAX_TEXT) }))
      .min(1)
      .max(100),
  }),
} satisfies Record<TextTaskName, z.ZodType>;

const quizItem = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('cloze'),
    prompt: z.string().min(1),
    answer: z.string().min(1),
    sentence: z.string().optional(),
  }),
  z
    .object({
      type: z.literal('multiple-choice'),
      prompt: z.string().min(1),
      choices: z.array(z.string().min(1)).min(2).max(6),
      answerIndex: z.number().int().min(0),
      sentence: z.string().optional(),
    })
    .refine((item) => item.answerIndex < item.choices.length, {
      message: 'answerIndex must point into choices',
    }),
  z.object({
    type: z.literal('true-false'),
    statement: z.string().min(1),
    answer: z.boolean(),
    sentence: z.string().optional(),
  }),
]);

export const taskOutputSchemas = {
  summarize: z.object({ summary: z.string().min(1) }),
  generateQuiz: z.object({ items: z.array(quizItem) }),
  assessCefr: z.object({
    level: cefrLevel,
    confidence: z.number().min(0).max(1),
    band: z.object({ low: cefrLevel, high: cefrLevel }).optional(),
  }),
  analyzeSentiment: z.object({
    label: z.enum(['positive', 'negative']),
    score: z.number().min(-1).max(1).describe('-1 very negative .. 1 very positive'),
  }),
  extractKeywords: z.object({
    keywords: z.array(z.object({ term: z.string().min(1), score: z.number().min(0).max(1) })),
  }),
  draftReply: z.object({ text: z.string().min(1), tone: z.enum(['friendly', 'formal', 'apologetic']) }),
  gradeEssay: z
    .object({
      score: z.number().min(0),
      maxScore: z.number().positive(),
      feedback: z.string().min(1),
      criteria: z.array(
        z.object({
          criterion: z.string().min(1),
          score: z.number().min(0),
          maxScore: z.number().positive(),
          comment: z.string(),
        }),
      ),
    })
    .refine((grade) => grade.score <= grade.maxScore, { message: 'score must not exceed maxScore' }),
  translate: z.object({ text: z.string().min(1), from: z.string().optional() }),
  chat: z.object({ text: z.string().min(1) }),
} satisfies Record<TextTaskName, z.ZodType>;

export type TaskInput<T extends TextTaskName> = z.input<(typeof taskInputSchemas)[T]>;
export type ParsedTaskInput<T extends TextTaskName> = z.output<(typeof taskInputSchemas)[T]>;
export type TaskOutput<T extends TextTaskName> = z.output<(typeof taskOutputSchemas)[T]>;

/** Chat answers are free text; every other task asks the model for a JSON object. */
export function isTextModeTask(task: TextTaskName): boolean {
  return task === 'chat';
}

/** Conversations are not worth caching: the same history rarely repeats and answers should vary. */
export function isCacheableTask(task: TextTaskName): boolean {
  return task !== 'chat';
}
