import { z } from 'zod';

/** Largest page a list endpoint returns. */
export const MAX_PAGE_SIZE = 100;
/** Page size when the caller does not ask for one. */
export const DEFAULT_PAGE_SIZE = 20;

/** Query string of every list endpoint: `?cursor=&limit=`. */
export const pageQuerySchema = z.object({
  cursor: z.string().min(1).max(512).optional().describe('Opaque cursor from a previous page'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});

export type PageQuery = z.infer<typeof pageQuerySchema>;

/** The shape of every list response: `{ items, nextCursor }`; `nextCursor` is null on the last page. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null at the end'),
  });
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
