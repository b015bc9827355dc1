import type { App } from '@app/platform';
import {
  appCaller,
  listenTestApp,
  type Method,
  makeAdmin,
  makePerson,
  type Person,
} from '@app/platform/testing';
import { eduforum } from './index.js';

export { makeAdmin, makePerson, type Person };

/** The eduforum app on a free port (tests that need sockets) over a test database. */
export async function listenEduforum(
  databaseUrl: string,
): Promise<{ app: App; origin: string; wsUrl: string }> {
  return listenTestApp(databaseUrl, {}, { apps: [eduforum] });
}

/** A JSON call to `/api/v1/eduforum<path>` as `who` (anonymous when null). */
export function call(
  app: App,
  who: Person | null,
  method: Method,
  path: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  return appCaller(app, 'eduforum')(who, method, path, payload, headers);
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
