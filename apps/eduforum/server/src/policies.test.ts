import type { EduforumRole } from '@app/eduforum-contracts';
import type { App } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Action, allows, permissionMatrix } from './policies.js';
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
  return {
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

type Fixture = Awaited<ReturnType<typeof fixture>>;
/** What a route needs to be called, and which action of the matrix guards it. */
interface RouteCase {
  action: Action | 'any-user' | 'public';
  path: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  headers?: Record<string, string>;
}

const routes: Record<string, RouteCase> = {
  'POST /courses': {
    action: 'course.create',
    path: () => '/courses',
    body: () => ({
      title: 't',
      code: `N${Date.now() % 1e6}${Math.floor(Math.random() * 1e3)}`,
      semester: '2026-1',
    }),
  },
  'GET /courses': { action: 'any-user', path: () => '/courses' },
  'GET /me': { action: 'any-user', path: () => '/me' },
  'GET /courses/:courseId': { action: 'course.view', path: (f) => `/courses/${f.courseId}` },
  'PATCH /courses/:courseId': {
    action: 'course.edit',
    path: (f) => `/courses/${f.courseId}`,
    body: () => ({ title: '새 제목' }),
  },
  'POST /courses/:courseId/archive': { action: 'course.edit', path: (f) => `/courses/${f.courseId}/archive` },
  'POST /courses/:courseId/unarchive': {
    action: 'course.edit',
    path: (f) => `/courses/${f.courseId}/unarchive`,
  },
  'POST /courses/:courseId/invite-code': {
    action: 'course.edit',
    path: (f) => `/courses/${f.courseId}/invite-code`,
  },
  'POST /enrollments': {
    action: 'any-user',
    path: () => '/enrollments',
    body: (f) => ({ inviteCode: f.inviteCode }),
  },
  'GET /courses/:courseId/members': { action: 'course.view', path: (f) => `/courses/${f.courseId}/members` },
  'POST /courses/:courseId/members': {
    action: 'course.edit',
    path: (f) => `/courses/${f.courseId}/members`,
    body: (f) => ({ email: f.targetEmail, role: 'ta' }),
  },
  'PATCH /courses/:courseId/members/:userId': {
    action: 'course.edit',
    path: (f) => `/courses/${f.courseId}/members/${f.targetId}`,
    body: () => ({ role: 'ta' }),
  },
  'DELETE /courses/:courseId/members/:userId': {
    action: 'course.edit',
    path: (f) => `/courses/${f.courseId}/members/${f.targetId}`,
  },
  'POST /courses/:courseId/roster': {
    action: 'course.edit',
    path: (f) => `/courses/${f.courseId}/roster`,
    body: (f) => `email\n${f.targetEmail}\n`,
    headers: { 'content-type': 'text/csv' },
  },
  'GET /courses/:courseId/content': { action: 'course.view', path: (f) => `/courses/${f.courseId}/content` },
  'POST /courses/:courseId/content': {
    action: 'course.edit',
    path: (f) => `/courses/${f.courseId}/content`,
    body: () => ({ title: 'x', fileId: '0190a0b0-0000-7000-8000-000000000002' }),
  },
  'DELETE /courses/:courseId/content/:contentId': {
    action: 'course.edit',
    path: (f) => `/courses/${f.courseId}/content/${f.contentId}`,
  },
  'PUT /admin/roles/:userId': {
    action: 'user.manage',
    path: (f) => `/admin/roles/${f.targetId}`,
    body: () => ({ role: 'professor' }),
  },
  'POST /courses/:courseId/sessions': {
    action: 'session.manage',
    path: (f) => `/courses/${f.courseId}/sessions`,
    body: () => ({ title: 's', scheduledAt: '2026-09-01T00:00:00Z', durationMin: 60 }),
  },
  'GET /courses/:courseId/sessions': {
    action: 'session.view',
    path: (f) => `/courses/${f.courseId}/sessions`,
  },
  'GET /sessions/:sessionId': { action: 'session.view', path: (f) => `/sessions/${f.sessionId}` },
  'PATCH /sessions/:sessionId': {
    action: 'session.manage',
    path: (f) => `/sessions/${f.sessionId}`,
    body: () => ({ title: 'x' }),
  },
  'POST /sessions/:sessionId/start': {
    action: 'session.manage',
    path: (f) => `/sessions/${f.sessionId}/start`,
  },
  'POST /sessions/:sessionId/end': { action: 'session.manage', path: (f) => `/sessions/${f.sessionId}/end` },
  'POST /sessions/:sessionId/cancel': {
    action: 'session.manage',
    path: (f) => `/sessions/${f.sessionId}/cancel`,
  },
  'POST /calendar': { action: 'any-user', path: () => '/calendar' },
  'GET /calendar/:file': { action: 'public', path: () => '/calendar/aaaaaaaaaaaaaaaaaaaaaaaa.ics' },
  'POST /sessions/:sessionId/polls': {
    action: 'session.moderate',
    path: (f) => `/sessions/${f.sessionId}/polls`,
    body: () => ({ question: 'q', kind: 'single', options: [{ text: 'a' }, { text: 'b' }] }),
  },
  'GET /sessions/:sessionId/polls': { action: 'session.join', path: (f) => `/sessions/${f.sessionId}/polls` },
  'POST /polls/:pollId/open': { action: 'session.moderate', path: (f) => `/polls/${f.pollId}/open` },
  'POST /polls/:pollId/close': { action: 'session.moderate', path: (f) => `/polls/${f.pollId}/close` },
  'PUT /polls/:pollId/vote': {
    action: 'session.join',
    path: (f) => `/polls/${f.pollId}/vote`,
    body: () => ({ choices: ['a'] }),
  },
  // Students see live results only of polls that show them (this one does not).
  'GET /polls/:pollId/results': { action: 'grade.view', path: (f) => `/polls/${f.pollId}/results` },
  'GET /sessions/:sessionId/polls/export': {
    action: 'grade.view',
    path: (f) => `/sessions/${f.sessionId}/polls/export`,
  },
  'POST /courses/:courseId/questions': {
    action: 'grade.edit',
    path: (f) => `/courses/${f.courseId}/questions`,
    body: () => ({ kind: 'true_false', prompt: 'p', correct: ['false'] }),
  },
  'GET /courses/:courseId/questions': {
    action: 'grade.view',
    path: (f) => `/courses/${f.courseId}/questions`,
  },
  'DELETE /courses/:courseId/questions/:questionId': {
    action: 'grade.edit',
    path: (f) => `/courses/${f.courseId}/questions/${f.questionId}`,
  },
  'POST /sessions/:sessionId/quizzes': {
    action: 'session.moderate',
    path: (f) => `/sessions/${f.sessionId}/quizzes`,
    body: (f) => ({ title: 'z', questionIds: [f.questionId], timeLimitS: 60 }),
  },
  'GET /quizzes/:quizId': { action: 'session.join', path: (f) => `/quizzes/${f.quizId}` },
  'POST /quizzes/:quizId/open': { action: 'session.moderate', path: (f) => `/quizzes/${f.quizId}/open` },
  'POST /quizzes/:quizId/close': { action: 'session.moderate', path: (f) => `/quizzes/${f.quizId}/close` },
  'POST /quizzes/:quizId/submissions': {
    action: 'session.join',
    path: (f) => `/quizzes/${f.quizId}/submissions`,
    body: () => ({ answers: [] }),
  },
  'GET /quizzes/:quizId/my-result': {
    action: 'grade.viewOwn',
    path: (f) => `/quizzes/${f.quizId}/my-result`,
  },
  'GET /quizzes/:quizId/report': { action: 'grade.view', path: (f) => `/quizzes/${f.quizId}/report` },
  'POST /sessions/:sessionId/breakouts': {
    action: 'session.moderate',
    path: (f) => `/sessions/${f.sessionId}/breakouts`,
    body: (f) => ({ rooms: 2, strategy: 'random', participants: [f.targetId] }),
  },
  'GET /sessions/:sessionId/breakouts/current': {
    action: 'session.join',
    path: (f) => `/sessions/${f.sessionId}/breakouts/current`,
  },
  'PUT /breakouts/:breakoutId/members/:userId': {
    action: 'session.moderate',
    path: (f) => `/breakouts/${f.breakoutId}/members/${f.targetId}`,
    body: (f) => ({ roomId: f.roomId }),
  },
  'POST /breakouts/:breakoutId/broadcast': {
    action: 'session.moderate',
    path: (f) => `/breakouts/${f.breakoutId}/broadcast`,
    body: () => ({ text: 'hi' }),
  },
  'POST /breakouts/:breakoutId/rooms/:roomId/enter': {
    action: 'session.moderate',
    path: (f) => `/breakouts/${f.breakoutId}/rooms/${f.roomId}/enter`,
  },
  'GET /sessions/:sessionId/participation': {
    action: 'grade.view',
    path: (f) => `/sessions/${f.sessionId}/participation`,
  },
  'GET /sessions/:sessionId/timeline': {
    action: 'grade.view',
    path: (f) => `/sessions/${f.sessionId}/timeline`,
  },
  'POST /breakouts/:breakoutId/recall': {
    action: 'session.moderate',
    path: (f) => `/breakouts/${f.breakoutId}/recall`,
  },
};

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

  it('covers every eduforum route in the walk below', () => {
    const prefix = '/api/v1/eduforum';
    const registered = app.routeAccess
      .filter((r) => r.url.startsWith(prefix) && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url.slice(prefix.length)}`);
    expect(new Set(registered)).toEqual(new Set(Object.keys(routes)));
  });

  it('allows and denies every route for every role as the matrix says', async () => {
    const mismatches: string[] = [];
    for (const [key, route] of Object.entries(routes)) {
      const method = key.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
      for (const who of [...ROLES, 'outsider'] as const) {
        const f = await fixture();
        const res = await call(app, people[who], method, route.path(f), route.body?.(f), route.headers);
        const action = route.action;
        const open = action === 'public' || action === 'any-user';
        // Outsiders are refused with 404 inside a course (its existence is not revealed).
        const denied = res.statusCode === 403 || (!open && who === 'outsider' && res.statusCode === 404);
        const role = who === 'outsider' ? null : who;
        // App-wide actions use the app role: the course's TA and student are nobody app-wide.
        const appWide = action === 'course.create' || action === 'user.manage';
        const expectedAllowed =
          action === 'public' || action === 'any-user'
            ? true
            : allows(appWide && (who === 'ta' || who === 'student') ? null : role, action);
        if (res.statusCode >= 500 || res.statusCode === 401)
          mismatches.push(`${key} as ${who}: ${res.statusCode} ${res.body}`);
        else if (denied === expectedAllowed)
          mismatches.push(
            `${key} as ${who}: ${expectedAllowed ? 'allowed' : 'denied'} expected, got ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });
});
