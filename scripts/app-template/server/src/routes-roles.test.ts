import type { App } from '@app/platform';
import {
  createTestDatabase,
  describeRouteRoles,
  listenTestApp,
  makeAdmin,
  makePerson,
  type Person,
  type TestDatabase,
} from '@app/platform/testing';
import { afterAll, beforeAll } from 'vitest';
import { starterapp } from './index.js';

// The route x role test of every starterapp route, generated from the routes' declarations.
let database: TestDatabase;
let app: App;
const people: Record<string, Person> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await listenTestApp(database.url, {}, { apps: [starterapp] }));
  people.admin = await makeAdmin(app);
  people.member = await makePerson(app);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describeRouteRoles({
  name: 'starterapp',
  app: () => app,
  // One person per role; add the resources your routes act on, and their ids as path parameters.
  world: async () => ({ people, params: {} }),
});
