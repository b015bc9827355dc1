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
import { languagemate } from './index.js';

// The route x role test of every languagemate route, generated from the routes' declarations.
let database: TestDatabase;
let app: App;
const people: Record<string, Person> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await listenTestApp(database.url, {}, { apps: [languagemate] }));
  people.admin = await makeAdmin(app);
  people.member = await makePerson(app);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describeRouteRoles({
  name: 'languagemate',
  app: () => app,
  // One person per role; add the resources your routes act on, and their ids as path parameters.
  world: async () => ({ people, params: { userId: people.admin?.id ?? '' } }),
});
