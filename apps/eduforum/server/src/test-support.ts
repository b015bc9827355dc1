import type { AddressInfo } from 'node:net';
import { type App, buildApp } from '@app/platform';
import { bearer, makeAccount, signIn, testConfig } from '@app/platform/testing';
import { eduforum } from './index.js';

/** A person of the test world with a fresh access token. */
export interface Person {
  id: string;
  email: string;
  name: string;
  token: string;
}

/** The eduforum app on a free port (tests that need sockets) over a test database. */
export async function listenEduforum(
  databaseUrl: string,
): Promise<{ app: App; origin: string; wsUrl: string }> {
  const app = await buildApp(testConfig(databaseUrl), { modules: [eduforum] });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { app, origin: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/ws` };
}

/** Registers and signs in someone. */
export async function makePerson(app: App, name = '테스트 사용자'): Promise<Person> {
  const account = await makeAccount(app, { name });
  const tokens = await signIn(app, account);
  return { id: account.id, email: account.email, name, token: tokens.accessToken };
}

/** Makes a platform admin (there is no API for the first admin: the host's seed or an operator sets it). */
export async function makeAdmin(app: App): Promise<Person> {
  const person = await makePerson(app, '관리자');
  await app.platform.pool.query(`update platform.users set platform_role = 'admin' where id = $1`, [
    person.id,
  ]);
  return person;
}

/** A JSON call to `/api/v1/eduforum<path>` as `who` (anonymous when null). */
export async function call(
  app: App,
  who: Person | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method,
    url: `/api/v1/eduforum${path}`,
    headers: { ...(who ? bearer(who.token) : {}), ...headers },
    ...(payload === undefined
      ? {}
      : typeof payload === 'string'
        ? { payload }
        : { payload: payload as object }),
  });
}

/** A course with a professor, a TA and students, ready for a session. */
export interface World {
  admin: Person;
  professor: Person;
  ta: Person;
  students: Person[];
  outsider: Person;
  courseId: string;
}

/** Builds a course through the API: admin grants professor, professor creates, others join. */
export async function makeCourse(app: App, studentCount = 3, title = '데이터베이스 세미나'): Promise<World> {
  const admin = await makeAdmin(app);
  const professor = await makePerson(app, '김교수');
  const ta = await makePerson(app, '이조교');
  const outsider = await makePerson(app, '외부인');
  const students: Person[] = [];
  for (let i = 0; i < studentCount; i++) students.push(await makePerson(app, `학생${i + 1}`));
  const grant = await call(app, admin, 'PUT', `/admin/roles/${professor.id}`, { role: 'professor' });
  if (grant.statusCode !== 204) throw new Error(`grant failed ${grant.body}`);
  const code = `CS${Math.floor(Math.random() * 1e6)}`;
  const created = await call(app, professor, 'POST', '/courses', { title, code, semester: '2026-fall' });
  if (created.statusCode !== 201) throw new Error(`create failed ${created.body}`);
  const course = created.json();
  await call(app, professor, 'POST', `/courses/${course.id}/members`, { email: ta.email, role: 'ta' });
  for (const s of students) await call(app, s, 'POST', '/enrollments', { inviteCode: course.inviteCode });
  return { admin, professor, ta, students, outsider, courseId: course.id };
}

/** Schedules a session (now) and optionally starts it. */
export async function makeSession(
  app: App,
  world: World,
  start = true,
): Promise<{ id: string; chatRoomId: string }> {
  const res = await call(app, world.professor, 'POST', `/courses/${world.courseId}/sessions`, {
    title: '3주차: 인덱스',
    scheduledAt: new Date().toISOString(),
    durationMin: 75,
  });
  if (res.statusCode !== 201) throw new Error(`session failed ${res.body}`);
  const session = res.json();
  if (start) await call(app, world.professor, 'POST', `/sessions/${session.id}/start`);
  return { id: session.id, chatRoomId: session.chatRoomId };
}
