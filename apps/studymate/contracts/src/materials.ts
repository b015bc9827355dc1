import { pageSchema } from '@app/contracts';
import { z } from 'zod';

/** Largest upload studymate accepts (the platform's document limit is the same by default). */
export const MATERIAL_MAX_BYTES = 10 * 1024 * 1024;
/** Longest pasted text. */
export const PASTE_MAX_CHARS = 200_000;

export const materialKinds = ['paste', 'pdf', 'markdown', 'text', 'docx'] as const;
export const materialStatuses = ['queued', 'extracting', 'analyzing', 'ready', 'failed'] as const;

/**
 * Why a material could not be read, shown to the learner by code: `NOT_A_DOCUMENT` (the bytes are
 * not the kind the name says), `ENCRYPTED` (a password-protected PDF), `NO_TEXT` (an image-only or
 * empty document: scanned pages need OCR, which studymate does not do), `UNREADABLE` (a damaged file).
 */
export const materialErrorCodes = ['NOT_A_DOCUMENT', 'ENCRYPTED', 'NO_TEXT', 'UNREADABLE'] as const;

export const materialSchema = z
  .object({
    id: z.uuid(),
    subjectId: z.uuid(),
    title: z.string(),
    kind: z.enum(materialKinds),
    status: z.enum(materialStatuses),
    progress: z.number().int().min(0).max(100).describe('Extraction and analysis, 0..100'),
    errorCode: z.enum(materialErrorCodes).nullable(),
    pageCount: z.number().int().nullable(),
    charCount: z.number().int().nullable(),
    lang: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'StudymateMaterial' });
export type Material = z.infer<typeof materialSchema>;

export const materialPageSchema = pageSchema(materialSchema).meta({ id: 'StudymateMaterialPage' });

export const materialListQuerySchema = z.object({
  subjectId: z.uuid().optional(),
  cursor: z.string().min(1).max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/**
 * `POST /materials`: pasted text, or a file uploaded first to `POST /api/v1/files` (purpose
 * `document`: PDF, DOCX, Markdown or plain text up to 10 MB).
 */
export const createMaterialBodySchema = z.union([
  z
    .object({
      subjectId: z.uuid(),
      title: z.string().trim().min(1).max(200),
      text: z.string().trim().min(1).max(PASTE_MAX_CHARS),
    })
    .strict(),
  z
    .object({
      subjectId: z.uuid(),
      title: z.string().trim().min(1).max(200).optional(),
      fileId: z.uuid(),
    })
    .strict(),
]);
export type CreateMaterialBody = z.input<typeof createMaterialBodySchema>;

export const passageSchema = z
  .object({
    ordinal: z.number().int(),
    page: z.number().int().nullable(),
    text: z.string(),
  })
  .meta({ id: 'StudymatePassage' });
export type Passage = z.infer<typeof passageSchema>;

export const highlightSchema = z
  .object({
    id: z.uuid(),
    passage: z.number().int(),
    start: z.number().int(),
    end: z.number().int(),
    note: z.string(),
  })
  .meta({ id: 'StudymateHighlight' });
export type Highlight = z.infer<typeof highlightSchema>;

export const highlightInputSchema = z
  .object({
    passage: z.number().int().min(0),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    note: z.string().trim().max(2000).default(''),
  })
  .strict()
  .refine((h) => h.end > h.start, { message: 'end must be after start', path: ['end'] });

/** A summary sentence and the passages it was drawn from (ordinals into the material's passages). */
export const summarySentenceSchema = z.object({ text: z.string(), passages: z.array(z.number().int()) });
export const keyTermSchema = z.object({
  term: z.string(),
  score: z.number(),
  passage: z.number().int().nullable().describe('Where the term is explained best'),
});

export const analysisSchema = z
  .object({
    summary: z.array(summarySentenceSchema),
    keyTerms: z.array(keyTermSchema),
    provider: z.string().describe('`local` or the AI provider that wrote it'),
    credits: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'StudymateAnalysis' });
export type Analysis = z.infer<typeof analysisSchema>;

/** `GET /materials/:id`: the material, its passages in reading order, its analysis and highlights. */
export const materialDetailSchema = z
  .object({
    material: materialSchema,
    passages: z.array(passageSchema),
    analysis: analysisSchema.nullable(),
    highlights: z.array(highlightSchema),
  })
  .meta({ id: 'StudymateMaterialDetail' });
export type MaterialDetail = z.infer<typeof materialDetailSchema>;
