import type { App } from '@app/platform';
import {
  appCaller,
  createTestDatabase,
  listenTestApp,
  makeAdmin,
  makePerson,
  type TestDatabase,
} from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storehelper } from '../index.js';

let database: TestDatabase;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await listenTestApp(database.url, {}, { apps: [storehelper] }));
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('storehelper overview', () => {
  const call = () => appCaller(app, 'storehelper');

  it('asks for sign-in', async () => {
    const res = await call()(null, 'GET', '/overview');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('tells a member and an admin their role and what it lets them do', async () => {
    const member = await call()(await makePerson(app), 'GET', '/overview');
    expect(member.json()).toEqual({
      role: 'member',
      abilities: ['overview.view', 'stores.view', 'stores.create'],
    });
    const admin = await call()(await makeAdmin(app), 'GET', '/overview');
    expect(admin.json()).toEqual({
      role: 'admin',
      abilities: [
        'overview.view',
        'stores.view',
        'stores.create',
        'store.view',
        'store.manage',
        'reply.draft',
        'reply.approve',
        'app.administer',
      ],
    });
  });

  it('is listed with its manifest for the portal', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/apps' });
    expect(res.json().items.map((item: { name: string }) => item.name)).toContain('storehelper');
  });
});
