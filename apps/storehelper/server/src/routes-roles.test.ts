import { randomUUID } from 'node:crypto';
import type { App } from '@app/platform';
import {
  appCaller,
  createTestDatabase,
  describeRouteRoles,
  listenTestApp,
  makeAdmin,
  makePerson,
  type Person,
  type TestDatabase,
} from '@app/platform/testing';
import { afterAll, beforeAll } from 'vitest';
import { storehelper } from './index.js';

// The route x role test of every storehelper route, generated from the routes' declarations.
let database: TestDatabase;
let app: App;
const people: Record<string, Person> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await listenTestApp(database.url, {}, { apps: [storehelper] }));
  people.admin = await makeAdmin(app);
  for (const role of ['owner', 'staff', 'member']) people[role] = await makePerson(app);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describeRouteRoles({
  name: 'storehelper',
  app: () => app,
  // Owner and staff are members app-wide; in the world's store they hold their store role.
  appScopeRole: (role) => (role === 'owner' || role === 'staff' ? 'member' : role),
  // A store with its owner and a staff member, and one review of it.
  world: async () => {
    const { admin, owner, staff, member } = people as Record<string, Person>;
    // Owners on Free may have one store: each world's store replaces the last one.
    await app.platform.pool.query('delete from storehelper.stores where owner_id = $1', [owner?.id]);
    const call = appCaller(app, 'storehelper');
    const store = (await call(owner ?? null, 'POST', '/stores', { name: 'World store' })).json<{
      id: string;
    }>();
    await call(owner ?? null, 'POST', `/stores/${store.id}/staff`, { email: staff?.email });
    const review = await app.platform.pool.query<{ id: string }>(
      `insert into storehelper.reviews (store_id, platform, platform_review_id, text, reviewed_at)
       values ($1, 'import', $2, '맛있어요', now()) returning id`,
      [store.id, randomUUID()],
    );
    return {
      // Every user is a member app-wide, so there is no outsider: the member has no part in the store.
      people: { admin, owner, staff, member } as Record<string, Person>,
      params: {
        storeId: store.id,
        reviewId: review.rows[0]?.id ?? '',
        userId: staff?.id ?? '',
        id: randomUUID(),
      },
    };
  },
});
