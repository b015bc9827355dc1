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
  })
  .meta({ id: 'UploadedFile' });
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

export const fileUsageSchema = z.object({ usedBytes: z.number().int(), quotaBytes: z.number().int() });
