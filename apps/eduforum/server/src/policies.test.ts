import type { EduforumRole } from '@app/eduforum-contracts';
import type { App } from '@app/platform';
import { createTestDatabase, describeRouteRoles, type TestDatabase } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionMatrix } from './policies.js';
import { call, listenEduforum, makeAdmin, makePerson, type Person } from './test-support.js';

/** Seed 004 §7.1 exactly as printed there; policies.ts must say the same. */
const SEED_TABLE = `
│ User Management │  RWD  │     -     │  -  │    -    │
│ Course Create   │  RWD  │    RW     │  -  │    -    │
│ Course View     │  RWD  │    RW     │  R  │    R    │
│ Session Start   │  RWD  │    RW     │  R  │    -    │
│ Session Join    │  RWD  │    RW     │ RW  │    R    │
│ Grade View      │  RWD  │    RW     │  R  │   Own   │
│ Grade Edit      │  RWD  │    RW     │  W  │    -    │`;

let database: TestDatabase;
let app: App;
const people = {} as Record<EduforumRole | 'outsider', Person>;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await listenEduforum(database.url));
  people.admin = await makeAdmin(app);
  people.professor = await makePerson(app, '교수');
  people.ta = await makePerson(app, '조교');
  people.student = await makePerson(app, '학생');
  people.outsider = await makePerson(app, '외부인');
  await call(app, people.admin, 'PUT', `/admin/roles/${people.professor.id}`, { role: 'professor' });
  // Only approved instructors teach here, so the seed's matrix holds app-wide as printed (with the
  // default, any verified account may create courses: courses/teaching.test.ts).
  await call(app, people.admin, 'PUT', '/admin/settings', {
    courseCreation: 'approved',
    instructorDomains: [],
  });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

/** A fresh course with one of everything, written straight to the database (fast, and no route is trusted). */
async function fixture() {
  const q = <T extends Record<string, unknown>>(text: string, values: unknown[]) =>
    app.platform.pool.query<T>(text, values).then((r) => r.rows[0] as T);
  const course = await q<{ id: string; invite_code: string }>(
    `insert into eduforum.courses (title, code, semester, invite_code) values ('c', $1, '2026-fall', $1) returning id, invite_code`,
    [`F${Math.random().toString(36).slice(2, 10).toUpperCase()}`],
  );
  const target = await makeMember(course.id);
  for (const role of ['professor', 'ta', 'student'] as const)
    await q('insert into eduforum.course_members (course_id, user_id, role) values ($1, $2, $3)', [
      course.id,
      people[role].id,
      role,
    ]);
  const room = await app.platform.chat.groupRoom('eduforum', people.professor.id, 's', []);
  const session = await q<{ id: string }>(
    `insert into eduforum.sessions (course_id, title, scheduled_at, duration_min, status, started_at, chat_room_id)
     values ($1, 's', now(), 60, 'live', now(), $2) returning id`,
    [course.id, room],
  );
  const poll = await q<{ id: string }>(
    `insert into eduforum.polls (session_id, question, kind, options, status)
     values ($1, 'q', 'single', '[{"id":"a","text":"x","correct":true},{"id":"b","text":"y","correct":false}]', 'open') returning id`,
    [session.id],
  );
  const question = await q<{ id: string }>(
    `insert into eduforum.questions (course_id, kind, prompt, answer) values ($1, 'true_false', 'p', '{"kind":"true_false","choices":["true"]}') returning id`,
    [course.id],
  );
  const quiz = await q<{ id: string }>(
    `insert into eduforum.quizzes (session_id, title, question_ids, time_limit_s, status, opened_at, closes_at)
     values ($1, 'z', array[$2]::uuid[], 600, 'open', now(), now() + interval '10 minutes') returning id`,
    [session.id, question.id],
  );
  const content = await q<{ id: string }>(
    `insert into eduforum.course_content (course_id, title, file_id, visibility) values ($1, 't', $2, 'everyone') returning id`,
    [course.id, '0190a0b0-0000-7000-8000-000000000001'],
  );
  const breakout = await q<{ id: string }>(
    `insert into eduforum.breakouts (session_id, strategy) values ($1, 'random') returning id`,
    [session.id],
  );
  const breakoutChat = await app.platform.chat.groupRoom('eduforum', people.professor.id, 'b', [target.id]);
  const breakoutRoom = await q<{ id: string }>(
    `insert into eduforum.breakout_rooms (breakout_id, number, chat_room_id) values ($1, 1, $2) returning id`,
    [breakout.id, breakoutChat],
  );
  await q(`insert into eduforum.breakout_members (breakout_id, user_id, room_id) values ($1, $2, $3)`, [
    breakout.id,
    target.id,
    breakoutRoom.id,
  ]);
  const invitation = await q<{ id: string }>(
    `insert into eduforum.course_invitations (course_id, email, role) values ($1, $2, 'student') returning id`,
    [course.id, `invited-${Math.random().toString(36).slice(2)}@example.test`],
  );
  const qa = await q<{ id: string }>(
    `insert into eduforum.qa_questions (session_id, author_id, body) values ($1, $2, '질문') returning id`,
    [session.id, target.id],
  );
  return {
    qaId: qa.id,
    invitationId: invitation.id,
    breakoutId: breakout.id,
    roomId: breakoutRoom.id,
    courseId: course.id,
    inviteCode: course.invite_code,
    targetId: target.id,
    targetEmail: target.email,
    sessionId: session.id,
    pollId: poll.id,
    questionId: question.id,
    quizId: quiz.id,
    contentId: content.id,
  };
}

/** A student the destructive routes can act on. */
async function makeMember(courseId: string) {
  const row = await app.platform.pool.query<{ id: string; email: string }>(
    `insert into platform.users (email, name) values ($1, '대상') returning id, email`,
    [`target-${Math.random().toString(36).slice(2)}@example.test`],
  );
  const user = row.rows[0] as { id: string; email: string };
  await app.platform.pool.query(
    `insert into eduforum.course_members (course_id, user_id, role) values ($1, $2, 'student')`,
    [courseId, user.id],
  );
  return user;
}

const ROLES = ['admin', 'professor', 'ta', 'student'] as const;

describe('policies', () => {
  it('says what seed 004 §7.1 says', () => {
    const names = Object.keys(permissionMatrix);
    const rows = SEED_TABLE.trim()
      .split('\n')
      .map((line) =>
        line
          .split('│')
          .map((cell) => cell.trim())
          .filter(Boolean),
      );
    rows.forEach(([, ...cells], i) => {
      const resource = names[i] as keyof typeof permissionMatrix;
      ROLES.forEach((role, j) => {
        expect([resource, role, permissionMatrix[resource][role] || '-']).toEqual([resource, role, cells[j]]);
      });
    });
  });
});

describeRouteRoles({
  name: 'eduforum',
  app: () => app,
  async world() {
    const f = await fixture();
    const { outsider, ...roles } = people;
    return {
      people: roles,
      outsider,
      params: {
        courseId: f.courseId,
        sessionId: f.sessionId,
        pollId: f.pollId,
        quizId: f.quizId,
        breakoutId: f.breakoutId,
        roomId: f.roomId,
        questionId: f.questionId,
        contentId: f.contentId,
        userId: f.targetId,
        inviteCode: f.inviteCode,
        invitationId: f.invitationId,
        qaId: f.qaId,
      },
    };
  },
  // App-wide, a course's TA and student are nobody (only admins grant the role professor).
  appScopeRole: (role) => (role === 'ta' || role === 'student' ? null : role),
});
