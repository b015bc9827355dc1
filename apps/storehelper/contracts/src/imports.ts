import { z } from 'zod';

/** Largest spreadsheet accepted (the platform's document limit). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Most rows one import takes. */
export const IMPORT_MAX_ROWS = 50_000;

/** The review fields a spreadsheet column can fill. */
export const importFields = [
  'platform',
  'platformReviewId',
  'author',
  'rating',
  'tags',
  'text',
  'photos',
  'reviewedAt',
  'ownerReply',
] as const;
export type ImportField = (typeof importFields)[number];

/** Which column (by header text) fills which field; `text` and `reviewedAt` are required. */
export const columnMappingSchema = z
  .partialRecord(z.enum(importFields), z.string().min(1).max(200))
  .refine(
    (m) => m.text !== undefined && m.reviewedAt !== undefined,
    'Map at least the review text and its date',
  );

/** `POST /stores/:storeId/imports/preview` and `POST /stores/:storeId/imports`: an uploaded CSV or XLSX. */
export const importRequestSchema = z
  .object({
    fileId: z.uuid().describe('Uploaded with POST /api/v1/files?purpose=document'),
    mapping: columnMappingSchema.optional().describe('Omit in the preview to get a suggested mapping'),
    defaultPlatform: z.enum(['google', 'naver', 'kakao', 'import']).default('import'),
  })
  .strict();

export const importRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  reason: z.string(),
});

export const importPreviewSchema = z
  .object({
    headers: z.array(z.string()),
    suggested: z.record(z.string(), z.string()).describe('field -> header, guessed from the header names'),
    rows: z.array(z.record(z.string(), z.string())).describe('The first rows as read'),
    totalRows: z.number().int(),
    errors: z.array(importRowErrorSchema).describe('Row problems with the given (or suggested) mapping'),
    errorCount: z.number().int(),
  })
  .meta({ id: 'StorehelperImportPreview' });

export const importResultSchema = z
  .object({
    runId: z.uuid().nullable(),
    imported: z.number().int(),
    added: z.number().int(),
    updated: z.number().int(),
    errors: z.array(importRowErrorSchema),
    errorCount: z.number().int(),
  })
  .meta({ id: 'StorehelperImportResult' });
