import { pageSchema } from '@app/contracts';
import { z } from 'zod';

/** A store (a shop) its owner manages in storehelper; issue #17 adds reviews, staff and settings. */
export const storeSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'StorehelperStore' });
export type Store = z.infer<typeof storeSchema>;

/** `POST /api/v1/storehelper/stores`: a new store (counted against the plan's `stores` limit). */
export const createStoreBodySchema = z.object({ name: z.string().trim().min(1).max(80) }).strict();
export type CreateStoreBody = z.infer<typeof createStoreBodySchema>;

/** `GET /api/v1/storehelper/stores`: a page of the caller's stores, oldest first. */
export const storePageSchema = pageSchema(storeSchema).meta({ id: 'StorehelperStorePage' });
