import { randomUUID } from 'node:crypto';
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
import { studymate } from './index.js';

// The route x role test of every studymate route, generated from the routes' declarations.
let database: TestDatabase;
let app: App;
const people: Record<string, Person> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await listenTestApp(database.url, {}, { apps: [studymate] }));
  people.admin = await makeAdmin(app);
  people.member = await makePerson(app);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describeRouteRoles({
  name: 'studymate',
  app: () => app,
  // One person per role; add the resources your routes act on, and their ids as path parameters.
  // Every resource is the caller's own: an id nobody owns answers 404 to everyone, never 403.
  world: async () => ({ people, params: { id: randomUUID(), highlightId: randomUUID() } }),
});
