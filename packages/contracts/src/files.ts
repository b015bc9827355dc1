import { z } from 'zod';

/** What an upload is for: each purpose has its own size limit and accepted content. */
export const filePurposeSchema = z.enum(['image', 'audio', 'document']);
export type FilePurposeName = z.infer<typeof filePurposeSchema>;

/** `POST /api/v1/files?purpose=` answer (201). */
export const uploadedFileSchema = z
  .object({
    id: z.uuid(),
    url: z.string().describe('GET it (signed in) to be redirected to a signed, expiring download URL'),
    contentType: z.string().describe('Sniffed from the content; images are always image/webp'),
    size: z.number().int(),
    durationMs: z
      .number()
      .int()
      .nullable()
      .describe('Audio: its length in ms, measured from the file at upload; null for other purposes'),
  })
  .meta({ id: 'UploadedFile' });
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

/** `GET /api/v1/files/:id/info` answer: what a reader may know of a file before fetching it. */
export const fileInfoSchema = uploadedFileSchema
  .extend({
    purpose: filePurposeSchema,
    name: z.string().describe('Display name (from the uploader; never a path)'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'FileInfo' });
export type FileInfo = z.infer<typeof fileInfoSchema>;

export const fileUsageSchema = z.object({ usedBytes: z.number().int(), quotaBytes: z.number().int() });
