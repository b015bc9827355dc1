import { pageSchema } from '@app/contracts';
import { z } from 'zod';

export const cardSources = ['manual', 'key-term', 'quiz', 'mistake', 'import'] as const;
export const cardStates = ['new', 'learning', 'review', 'relearning'] as const;
/** FSRS grades: 1 Again, 2 Hard, 3 Good, 4 Easy (pass/fail mode uses 1 and 3 only). */
export const gradeSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type Grade = z.infer<typeof gradeSchema>;

export const cardSchema = z
  .object({
    id: z.uuid(),
    subjectId: z.uuid().nullable(),
    materialId: z.uuid().nullable(),
    passage: z.number().int().nullable().describe('The source passage in the material, for "show me where"'),
    source: z.enum(cardSources),
    front: z.string().describe('Markdown'),
    back: z.string().describe('Markdown'),
    tags: z.array(z.string()),
    state: z.enum(cardStates),
    due: z.iso.datetime(),
    stability: z.number(),
    difficulty: z.number(),
    reps: z.number().int(),
    lapses: z.number().int(),
    suspended: z.boolean(),
    buriedUntil: z.iso.datetime().nullable(),
  })
  .meta({ id: 'StudymateCard' });
export type Card = z.infer<typeof cardSchema>;

export const cardPageSchema = pageSchema(cardSchema).meta({ id: 'StudymateCardPage' });

export const cardListQuerySchema = z.object({
  subjectId: z.uuid().optional(),
  q: z.string().trim().min(1).max(200).optional(),
  cursor: z.string().min(1).max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const cardInputSchema = z
  .object({
    subjectId: z.uuid().nullable().default(null),
    front: z.string().trim().min(1).max(10_000),
    back: z.string().trim().max(10_000).default(''),
    tags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
  })
  .strict();

/** `PATCH /cards/:id`: edit text, or suspend, bury until tomorrow, unsuspend, reset to new. */
export const cardPatchSchema = z
  .object({
    front: z.string().trim().min(1).max(10_000).optional(),
    back: z.string().trim().max(10_000).optional(),
    tags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
    action: z.enum(['suspend', 'unsuspend', 'bury', 'reset']).optional(),
  })
  .strict();

/** `POST /materials/:id/cards`: cards from the material's key terms (idempotent per term). */
export const createdCountSchema = z.object({ created: z.number().int() });

/** The next due dates each grade would give, for the grade buttons. */
export const previewSchema = z.object({
  again: z.iso.datetime(),
  hard: z.iso.datetime(),
  good: z.iso.datetime(),
  easy: z.iso.datetime(),
});

/** `GET /review/next`: the next card to review with what each grade would do, and what is left today. */
export const reviewNextSchema = z
  .object({
    card: cardSchema.nullable(),
    preview: previewSchema.nullable(),
    remaining: z.object({ due: z.number().int(), new: z.number().int(), learning: z.number().int() }),
    passFail: z.boolean(),
  })
  .meta({ id: 'StudymateReviewNext' });
export type ReviewNext = z.infer<typeof reviewNextSchema>;

/**
 * `POST /cards/:id/review`: grade the card. `reps` is the card's `reps` as the client saw it: a
 * second grade of the same showing (a double tap, a retried request) gets 409 and changes nothing.
 */
export const reviewBodySchema = z
  .object({
    grade: gradeSchema,
    reps: z.number().int().min(0),
    durationMs: z.number().int().min(0).max(3_600_000).optional(),
  })
  .strict();

export const reviewResultSchema = z
  .object({ card: cardSchema, reviewId: z.string() })
  .meta({ id: 'StudymateReviewResult' });

/** `POST /cards/import`: a deck as CSV (front, back, tags) or Anki's text export. Nothing is imported when a row is bad. */
export const importBodySchema = z
  .object({
    subjectId: z.uuid().nullable().default(null),
    format: z.enum(['csv', 'anki']),
    content: z.string().min(1).max(5_000_000),
  })
  .strict();
export const importResultSchema = z
  .object({
    imported: z.number().int(),
    errors: z
      .array(z.object({ row: z.number().int(), line: z.number().int(), reason: z.string() }))
      .describe('The first bad rows (row 1 = first card; line in the file)'),
    errorCount: z.number().int().describe('Bad rows in all'),
  })
  .meta({ id: 'StudymateImportResult' });
