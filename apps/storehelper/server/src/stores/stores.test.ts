import type { App } from '@app/platform';
import {
  appCaller,
  createTestDatabase,
  listenTestApp,
  makeAdmin,
  makePerson,
  type Person,
  type TestDatabase,
} from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storehelper } from '../index.js';

let database: TestDatabase;
let app: App;
let admin: Person;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await listenTestApp(database.url, {}, { apps: [storehelper] }));
  admin = await makeAdmin(app);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const call = () => appCaller(app, 'storehelper');
const me = (who: Person) =>
  app.inject({
    method: 'GET',
    url: '/api/v1/billing/me?app=storehelper',
    headers: { authorization: `Bearer ${who.token}` },
  });
const setPlan = (who: Person, plan: string) =>
  app.inject({
    method: 'PUT',
    url: `/api/v1/billing/admin/accounts/${who.id}/plan`,
    headers: { authorization: `Bearer ${admin.token}` },
    payload: { app: 'storehelper', plan, reason: 'test' },
  });

describe('storehelper stores', () => {
  it('lists only the caller’s stores, oldest first, and counts them on the billing page', async () => {
    const owner = await makePerson(app);
    const other = await makePerson(app);
    expect((await call()(owner, 'POST', '/stores', { name: '  성수 본점 ' })).statusCode).toBe(201);
    await call()(other, 'POST', '/stores', { name: 'Other' });
    const list = (await call()(owner, 'GET', '/stores')).json();
    expect(list.items.map((s: { name: string }) => s.name)).toEqual(['성수 본점']);
    expect(list.nextCursor).toBeNull();
    expect((await me(owner)).json().limits.stores).toEqual({ allowed: 1, used: 1 });
  });

  it('refuses the second store on Free with PLAN_LIMIT naming Basic, and allows it on Basic', async () => {
    const owner = await makePerson(app);
    expect((await call()(owner, 'POST', '/stores', { name: 'One' })).statusCode).toBe(201);
    const refused = await call()(owner, 'POST', '/stores', { name: 'Two' });
    expect(refused.statusCode).toBe(402);
    expect(refused.json().error).toMatchObject({
      code: 'PLAN_LIMIT',
      details: {
        app: 'storehelper',
        plan: 'free',
        key: 'stores',
        kind: 'limit',
        allowed: 1,
        used: 1,
        upgradeTo: 'basic',
      },
    });
    expect((await setPlan(owner, 'basic')).statusCode).toBe(200);
    expect((await call()(owner, 'POST', '/stores', { name: 'Two' })).statusCode).toBe(201);
    expect((await call()(owner, 'POST', '/stores', { name: 'Three' })).statusCode).toBe(201);
    const fourth = await call()(owner, 'POST', '/stores', { name: 'Four' });
    expect(fourth.json().error.details).toMatchObject({
      plan: 'basic',
      allowed: 3,
      used: 3,
      upgradeTo: 'premium',
    });
  });

  it('lets no parallel creates past the limit', async () => {
    const owner = await makePerson(app);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => call()(owner, 'POST', '/stores', { name: `Store ${i}` })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 402, 402, 402, 402, 402, 402, 402]);
    expect((await call()(owner, 'GET', '/stores')).json().items).toHaveLength(1);
  });

  it('pages through the stores with a cursor', async () => {
    const owner = await makePerson(app);
    await setPlan(owner, 'premium');
    for (const name of ['A', 'B', 'C']) await call()(owner, 'POST', '/stores', { name });
    const first = (await call()(owner, 'GET', '/stores?limit=2')).json();
    expect(first.items.map((s: { name: string }) => s.name)).toEqual(['A', 'B']);
    const second = (await call()(owner, 'GET', `/stores?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ items: [{ name: 'C' }], nextCursor: null });
  });

  it('refuses a blank or too long name', async () => {
    const owner = await makePerson(app);
    for (const name of ['   ', 'x'.repeat(81)]) {
      const res = await call()(owner, 'POST', '/stores', { name });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});
