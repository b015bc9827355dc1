import type { Page } from '@app/contracts';
import { z } from 'zod';
import { AppError } from './app-error.js';

/** Values of the sort key of the last item of a page, e.g. `[createdAt, id]`. */
export type CursorValues = readonly (string | number)[];

const cursorPayload = z
  .array(z.union([z.string().max(200), z.number().finite()]))
  .min(1)
  .max(4);

/** Encodes the sort key of the last row of a page as an opaque, URL-safe cursor. */
export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor} and checks it against `shape` (e.g.
 * `z.tuple([z.iso.datetime(), z.uuid()])`). Any malformed cursor is the caller's mistake:
 * it throws AppError INVALID_CURSOR, never a 500.
 */
export function decodeCursor<T extends z.ZodType>(cursor: string, shape: T): z.infer<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('INVALID_CURSOR');
  }
  const generic = cursorPayload.safeParse(raw);
  const specific = generic.success ? shape.safeParse(generic.data) : undefined;
  if (!specific?.success) throw new AppError('INVALID_CURSOR');
  return specific.data;
}

/**
 * Turns `limit + 1` rows fetched in a stable order into a page: the extra row only tells that
 * there is more, and the cursor points after the last row returned.
 */
export function toPage<T>(rows: readonly T[], limit: number, keyOf: (row: T) => CursorValues): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
