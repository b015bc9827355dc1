import type { AppPlatform, Billing } from '@app/platform';
import { decodeCursor, toPage } from '@app/platform';
import type { Store } from '@app/storehelper-contracts';
import { sql } from 'kysely';
import { z } from 'zod';
import type { ShDb } from '../db.js';

const APP = 'storehelper';
/** The plan limit a store counts against (storehelper's plans.ts). */
export const STORES_LIMIT = 'stores';

type BillingDb = Parameters<Billing['withinLimit']>[0];

/**
 * An owner's stores. Creating one is checked against the plan's `stores` limit inside the insert's
 * transaction (the kernel serialises concurrent creates of the same account), so parallel requests
 * cannot get past the limit.
 */
export class StoreService {
  constructor(
    private readonly platform: AppPlatform,
    private readonly db: ShDb,
  ) {
    // `/api/v1/billing/me` shows the use next to the limit; withinLimit counts with the same query.
    platform.billing.usage(APP, STORES_LIMIT, (db, userId) => countStores(db, userId));
  }

  /** A page of the owner's stores, oldest first. */
  async list(ownerId: string, query: { cursor?: string | undefined; limit: number }) {
    let q = this.db
      .selectFrom('storehelper.stores')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('id')
      .limit(query.limit + 1);
    if (query.cursor) {
      const [id] = decodeCursor(query.cursor, z.tuple([z.uuid()]));
      q = q.where('id', '>', id);
    }
    const page = toPage(await q.execute(), query.limit, (row) => [row.id]);
    return { items: page.items.map(toStore), nextCursor: page.nextCursor };
  }

  /** Creates a store for the owner if the plan allows one more (PLAN_LIMIT otherwise). */
  async create(ownerId: string, name: string): Promise<Store> {
    const row = await this.db.transaction().execute(async (trx) => {
      // The kernel's check takes the platform's query builder; this transaction is the same
      // connection, typed for storehelper's tables too.
      await this.platform.billing.withinLimit(trx as unknown as BillingDb, ownerId, APP, STORES_LIMIT);
      return trx
        .insertInto('storehelper.stores')
        .values({ owner_id: ownerId, name })
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    return toStore(row);
  }
}

/** How many stores the account owns (inside whatever transaction `db` is). */
function countStores(db: BillingDb, userId: string): Promise<number> {
  return sql<{ n: number }>`select count(*)::int as n from storehelper.stores where owner_id = ${userId}`
    .execute(db)
    .then((result) => result.rows[0]?.n ?? 0);
}

function toStore(row: { id: string; name: string; created_at: Date }): Store {
  return { id: row.id, name: row.name, createdAt: row.created_at.toISOString() };
}
