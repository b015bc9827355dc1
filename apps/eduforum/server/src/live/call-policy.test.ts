import type { App } from '@app/platform';
import { bearer, createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenEduforum, makeCourse, type Person, type World } from '../test-support.js';

let database: TestDatabase;
let app: App;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await listenEduforum(database.url));
  world = await makeCourse(app, 2);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const ring = (caller: Person, callee: Person) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/realtime/calls',
    headers: bearer(caller.token),
    payload: { app: 'eduforum', calleeId: callee.id },
  });
const hangUp = (who: Person, callId: string) =>
  app.inject({ method: 'POST', url: `/api/v1/realtime/calls/${callId}/cancel`, headers: bearer(who.token) });

describe('eduforum calls', () => {
  it('lets people who share a course ring each other, and nobody else', async () => {
    const [s1, s2] = world.students as [Person, Person];
    const toProfessor = await ring(s1, world.professor);
    expect(toProfessor.statusCode).toBe(201);
    await hangUp(s1, toProfessor.json().id);
    const toClassmate = await ring(s2, s1);
    expect(toClassmate.statusCode).toBe(201);
    await hangUp(s2, toClassmate.json().id);
    expect((await ring(world.outsider, s1)).statusCode).toBe(403);
    expect((await ring(s1, world.outsider)).statusCode).toBe(403);
  });

  it('honours a block even inside a course', async () => {
    const [s1, s2] = world.students as [Person, Person];
    const blocked = await app.inject({
      method: 'PUT',
      url: `/api/v1/me/blocks/${s2.id}`,
      headers: bearer(s1.token),
    });
    expect(blocked.statusCode).toBe(204);
    expect((await ring(s2, s1)).statusCode).toBe(403);
  });
});
