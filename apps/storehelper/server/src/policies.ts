import { type AppPlatform, definePolicy } from '@app/platform';
import { type StorehelperRole, storehelperRoles } from '@app/storehelper-contracts';
import { sql } from 'kysely';
import type { ShDb } from './db.js';

/** How to find the store a scoped resource belongs to. */
const storeOf = {
  store: (id: string) => sql`select id from storehelper.stores where id = ${id}`,
  review: (id: string) => sql`select store_id from storehelper.reviews where id = ${id}`,
} as const;
type StoreScope = keyof typeof storeOf;

/**
 * Who may do what in storehelper: the one place that maps roles to actions. App-wide a user is an
 * `admin` (platform or storehelper admins) or a `member`. In a store (and in what belongs to one: a
 * review) they are its `owner` or `staff`, admins act as admins, and anyone else gets 404. A
 * competitor's role is the role in the store tracking it (read-only: services refuse writes).
 */
export function storehelperPolicy(platform: AppPlatform, db: ShDb) {
  const isAdmin = async (userId: string) =>
    (await platform.directory.isPlatformAdmin(userId)) ||
    (await platform.directory.appRole(userId, 'storehelper')) === 'admin';
  const inStoreOf = (scope: StoreScope, noun: string) => ({
    noun,
    async role(userId: string, id: string): Promise<StorehelperRole | null> {
      const { rows } = await sql<{ store_id: string | null; owner: boolean; staff: boolean }>`
        with target as (${storeOf[scope](id)}),
        home as (select coalesce(s.competitor_of, s.id) as id from storehelper.stores s where s.id = (select * from target))
        select (select id from home) as store_id,
          exists (select 1 from storehelper.stores s where s.id = (select id from home) and s.owner_id = ${userId}) as owner,
          exists (select 1 from storehelper.store_staff m where m.store_id = (select id from home) and m.user_id = ${userId}) as staff`.execute(
        db,
      );
      const row = rows[0];
      if (!row?.store_id) return null;
      if (row.owner) return 'owner';
      if (await isAdmin(userId)) return 'admin';
      return row.staff ? 'staff' : null;
    },
  });
  return definePolicy({
    roles: storehelperRoles,
    actions: {
      'overview.view': ['admin', 'member'],
      'stores.view': ['admin', 'member'],
      'stores.create': ['admin', 'member'],
      /** A store's reviews, dashboard, runs, alerts and reports. */
      'store.view': ['admin', 'owner', 'staff'],
      /** Settings, staff, competitors, connections, imports, "collect now", templates. */
      'store.manage': ['admin', 'owner'],
      /** Write and edit reply drafts. */
      'reply.draft': ['admin', 'owner', 'staff'],
      /** Approve and post replies (the owner decides what goes out under the store's name). */
      'reply.approve': ['admin', 'owner'],
      'app.administer': ['admin'],
    },
    scopes: {
      app: {
        async role(userId) {
          return (await isAdmin(userId)) ? 'admin' : 'member';
        },
      },
      store: inStoreOf('store', 'Store'),
      review: inStoreOf('review', 'Review'),
    },
  });
}

/** storehelper's policy object. */
export type StorehelperPolicy = ReturnType<typeof storehelperPolicy>;
