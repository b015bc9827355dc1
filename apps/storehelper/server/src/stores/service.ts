import type { Billing } from '@app/platform';
import { AppError, decodeCursor, notFound, toPage } from '@app/platform';
import type { Store } from '@app/storehelper-contracts';
import { competitorInputSchema, createStoreBodySchema, storePatchSchema } from '@app/storehelper-contracts';
import { sql } from 'kysely';
import { z } from 'zod';
import { APP, type StorehelperDeps } from '../deps.js';
import { type StoreRow, storeColumns, toStore } from './mapper.js';

/** The plan limit a store counts against (storehelper's plans.ts). */
export const STORES_LIMIT = 'stores';

type BillingDb = Parameters<Billing['withinLimit']>[0];

/**
 * Stores: the ones an account owns (counted against the plan's `stores` limit inside the insert's
 * transaction, so parallel requests cannot pass it) and the ones it staffs; their settings, staff
 * and the competitors they track (read-only, not counted).
 */
export class StoreService {
  constructor(private readonly deps: StorehelperDeps) {
    // `/api/v1/billing/me` shows the use next to the limit; withinLimit counts with the same query.
    deps.platform.billing.usage(APP, STORES_LIMIT, (db, userId) => countStores(db, userId));
  }

  /** A page of the stores the caller owns or staffs (not competitors), oldest first. */
  async list(userId: string, query: { cursor?: string | undefined; limit: number }) {
    let q = this.deps.db
      .selectFrom('storehelper.stores as s')
      .selectAll('s')
      .where('s.competitor_of', 'is', null)
      .where((eb) =>
        eb.or([
          eb('s.owner_id', '=', userId),
          eb.exists(
            eb
              .selectFrom('storehelper.store_staff as m')
              .select('m.store_id')
              .whereRef('m.store_id', '=', 's.id')
              .where('m.user_id', '=', userId),
          ),
        ]),
      )
      .orderBy('s.id')
      .limit(query.limit + 1);
    if (query.cursor) {
      const [id] = decodeCursor(query.cursor, z.tuple([z.uuid()]));
      q = q.where('s.id', '>', id);
    }
    const page = toPage(await q.execute(), query.limit, (row) => [row.id]);
    return {
      items: page.items.map((row) => toStore(row, row.owner_id === userId ? 'owner' : 'staff')),
      nextCursor: page.nextCursor,
    };
  }

  async row(storeId: string): Promise<StoreRow> {
    const row = await this.deps.db
      .selectFrom('storehelper.stores')
      .selectAll()
      .where('id', '=', storeId)
      .executeTakeFirst();
    if (!row) throw notFound('Store');
    return row;
  }

  async get(userId: string, storeId: string): Promise<Store> {
    const row = await this.row(storeId);
    return toStore(row, await this.roleOf(userId, row));
  }

  /** Creates a store for the owner if the plan allows one more (PLAN_LIMIT otherwise). */
  async create(ownerId: string, body: unknown): Promise<Store> {
    const input = createStoreBodySchema.parse(body);
    const row = await this.deps.db.transaction().execute(async (trx) => {
      await this.deps.platform.billing.withinLimit(trx as unknown as BillingDb, ownerId, APP, STORES_LIMIT);
      return trx
        .insertInto('storehelper.stores')
        .values({ owner_id: ownerId, ...storeColumns(input), name: input.name })
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    return toStore(row, 'owner');
  }

  async update(userId: string, storeId: string, body: unknown): Promise<Store> {
    const patch = storePatchSchema.parse(body);
    const existing = await this.row(storeId);
    if (existing.competitor_of) throw new AppError('COMPETITOR_READ_ONLY');
    const row = await this.deps.db
      .updateTable('storehelper.stores')
      .set({ ...storeColumns(patch), updated_at: new Date() })
      .where('id', '=', storeId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toStore(row, await this.roleOf(userId, row));
  }

  /** Deletes a store (or a competitor) with everything collected for it. */
  async remove(storeId: string): Promise<void> {
    await this.deps.db.deleteFrom('storehelper.stores').where('id', '=', storeId).execute();
  }

  async staff(storeId: string) {
    const rows = await this.deps.db
      .selectFrom('storehelper.store_staff as m')
      .innerJoin('platform.people as p', 'p.id', 'm.user_id')
      .select(['m.user_id', 'm.added_at', 'p.name', 'p.email'])
      .where('m.store_id', '=', storeId)
      .orderBy('m.added_at')
      .execute();
    return {
      items: rows.map((r) => ({
        userId: r.user_id,
        name: r.name,
        email: r.email,
        addedAt: r.added_at.toISOString(),
      })),
    };
  }

  /** Adds an existing account as staff (by email); the owner is never staff of their own store. */
  async addStaff(storeId: string, email: string): Promise<void> {
    const store = await this.row(storeId);
    if (store.competitor_of) throw new AppError('COMPETITOR_READ_ONLY');
    const person = await this.deps.platform.directory.byEmail(email);
    if (!person)
      throw new AppError('VALIDATION_FAILED', 'No account uses this email; ask them to sign up first.', {
        issues: [{ path: 'body.email', message: 'No account uses this email.' }],
      });
    if (person.id === store.owner_id)
      throw new AppError('VALIDATION_FAILED', 'The owner already manages this store.', {
        issues: [{ path: 'body.email', message: 'The owner already manages this store.' }],
      });
    await this.deps.db
      .insertInto('storehelper.store_staff')
      .values({ store_id: storeId, user_id: person.id })
      .onConflict((oc) => oc.columns(['store_id', 'user_id']).doNothing())
      .execute();
  }

  async removeStaff(storeId: string, userId: string): Promise<void> {
    const result = await this.deps.db
      .deleteFrom('storehelper.store_staff')
      .where('store_id', '=', storeId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('Staff member');
  }

  async competitors(userId: string, storeId: string) {
    const rows = await this.deps.db
      .selectFrom('storehelper.stores')
      .selectAll()
      .where('competitor_of', '=', storeId)
      .orderBy('id')
      .execute();
    const role = await this.roleOf(userId, await this.row(storeId));
    return { items: rows.map((row) => toStore(row, role)) };
  }

  /** Tracks a competitor of the store (owned by the store's owner, read-only, not counted against the plan). */
  async addCompetitor(storeId: string, body: unknown): Promise<Store> {
    const input = competitorInputSchema.parse(body);
    const store = await this.row(storeId);
    if (store.competitor_of) throw new AppError('COMPETITOR_READ_ONLY');
    const row = await this.deps.db
      .insertInto('storehelper.stores')
      .values({
        owner_id: store.owner_id,
        name: input.name,
        naver_place_id: input.naverPlaceId ?? null,
        kakao_place_id: input.kakaoPlaceId ?? null,
        time_zone: store.time_zone,
        competitor_of: storeId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toStore(row, 'owner');
  }

  private async roleOf(userId: string, row: StoreRow): Promise<Store['role']> {
    const home = row.competitor_of ? await this.row(row.competitor_of) : row;
    return home.owner_id === userId ? 'owner' : 'staff';
  }
}

/** How many stores the account owns (inside whatever transaction `db` is); competitors do not count. */
function countStores(db: BillingDb, userId: string): Promise<number> {
  return sql<{
    n: number;
  }>`select count(*)::int as n from storehelper.stores where owner_id = ${userId} and competitor_of is null`
    .execute(db)
    .then((result) => result.rows[0]?.n ?? 0);
}
