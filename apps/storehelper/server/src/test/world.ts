import type { App } from '@app/platform';
import {
  appCaller,
  createTestDatabase,
  listenTestApp,
  makeAdmin,
  type Person,
  type TestDatabase,
  uploadFile,
} from '@app/platform/testing';
import { expect } from 'vitest';
import { storehelper } from '../index.js';

/** One test app with storehelper over a fresh database (jobs running), and its calls. */
export interface World {
  app: App;
  database: TestDatabase;
  admin: Person;
  call: ReturnType<typeof appCaller>;
  setPlan(who: Person, plan: string): Promise<void>;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const database = await createTestDatabase();
  const { app } = await listenTestApp(database.url, {}, { apps: [storehelper] });
  await app.platform.jobs.start();
  const admin = await makeAdmin(app);
  return {
    app,
    database,
    admin,
    call: appCaller(app, 'storehelper'),
    async setPlan(who, plan) {
      const res = await app.inject({
        method: 'PUT',
        url: `/api/v1/billing/admin/accounts/${who.id}/plan`,
        headers: { authorization: `Bearer ${admin.token}` },
        payload: { app: 'storehelper', plan, reason: 'test' },
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export async function makeStore(
  world: World,
  owner: Person,
  input: Record<string, unknown> = {},
): Promise<string> {
  const res = await world.call(owner, 'POST', '/stores', { name: '성수 본점', ...input });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

export async function upload(world: World, who: Person, name: string, bytes: Buffer): Promise<string> {
  const res = await uploadFile(world.app, who.token, 'document', name, bytes);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** Imports CSV text with the suggested mapping; returns the import result. */
export async function importCsv(world: World, owner: Person, storeId: string, csv: string) {
  const fileId = await upload(world, owner, 'reviews.csv', Buffer.from(csv));
  const preview = await world.call(owner, 'POST', `/stores/${storeId}/imports/preview`, { fileId });
  expect(preview.statusCode, preview.body).toBe(200);
  const res = await world.call(owner, 'POST', `/stores/${storeId}/imports`, {
    fileId,
    mapping: preview.json().suggested,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Waits until every review of the store is analysed. */
export async function analysed(world: World, storeId: string): Promise<void> {
  await expect
    .poll(
      async () =>
        (
          await world.app.platform.pool.query(
            'select count(*)::int as n from storehelper.reviews where store_id = $1 and analyzed_at is null',
            [storeId],
          )
        ).rows[0].n,
      { timeout: 30_000 },
    )
    .toBe(0);
}

/** An ISO day `days` ago. */
export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
