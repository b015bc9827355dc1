import {
  type EduforumAction,
  type EduforumRole,
  eduforumActions,
  eduforumRoles,
} from '@app/eduforum-contracts';
import { definePolicy } from '@app/platform';
import { sql } from 'kysely';
import { teachingOf } from './courses/teaching.js';
import type { EduDb } from './db.js';

/**
 * Seed 004 §7.1, the permission matrix, as written there: per resource and role, R(ead), W(rite),
 * D(elete), `Own` (one's own data only) or nothing.
 */
export const permissionMatrix = {
  userManagement: { admin: 'RWD', professor: '', ta: '', student: '' },
  courseCreate: { admin: 'RWD', professor: 'RW', ta: '', student: '' },
  courseView: { admin: 'RWD', professor: 'RW', ta: 'R', student: 'R' },
  sessionStart: { admin: 'RWD', professor: 'RW', ta: 'R', student: '' },
  sessionJoin: { admin: 'RWD', professor: 'RW', ta: 'RW', student: 'R' },
  gradeView: { admin: 'RWD', professor: 'RW', ta: 'R', student: 'Own' },
  gradeEdit: { admin: 'RWD', professor: 'RW', ta: 'W', student: '' },
} as const satisfies Record<string, Record<EduforumRole, string>>;

type Resource = keyof typeof permissionMatrix;
type Mode = 'R' | 'W' | 'D' | 'Own';

/**
 * Every eduforum action and the matrix cell that grants it. Routes and live events name an action;
 * nothing else decides who may do what.
 */
export const actions = {
  /** Grant the app-wide roles admin/professor. */
  'user.manage': ['userManagement', 'W'],
  'course.create': ['courseCreate', 'W'],
  'course.view': ['courseView', 'R'],
  /** Edit, archive, invite codes, roster, TAs, content. */
  'course.edit': ['courseView', 'W'],
  'course.delete': ['courseCreate', 'D'],
  /** See the schedule and staff-only content: staff, and (for the schedule) anyone who may view. */
  'session.view': ['courseView', 'R'],
  /** Schedule, edit, cancel, start, end; remove people and lock the room. */
  'session.manage': ['sessionStart', 'W'],
  /** Join the live room: chat, hands, reactions, votes, quiz answers. */
  'session.join': ['sessionJoin', 'R'],
  /** Run the room: call on, lower hands, ask to mute, spotlight, launch polls, quizzes, breakouts. */
  'session.moderate': ['sessionJoin', 'W'],
  /** Everyone's results (poll exports, quiz reports, TalkTime, question keys). */
  'grade.view': ['gradeView', 'R'],
  /** One's own results. */
  'grade.viewOwn': ['gradeView', 'Own'],
  /** The question bank (answer keys) and grades. */
  'grade.edit': ['gradeEdit', 'W'],
} as const satisfies Record<EduforumAction, readonly [Resource, Mode]>;
export type Action = EduforumAction;

/** Whether a role may perform an action (`Own` is implied by R: who reads all reads their own). */
export function allows(role: EduforumRole | null, action: Action): boolean {
  if (!role) return false;
  const [resource, mode] = actions[action];
  const cell: string = permissionMatrix[resource][role];
  if (mode === 'Own') return cell === 'Own' || cell.includes('R');
  return cell.includes(mode);
}

/** Every action the role allows: what responses send as the caller's `abilities`. */
export function abilitiesOf(role: EduforumRole | null): EduforumAction[] {
  return eduforumActions.filter((action) => allows(role, action));
}

/** Staff of a course: who sees answer keys, staff content and everyone's results. */
export function isStaff(role: EduforumRole | null): boolean {
  return role === 'admin' || role === 'professor' || role === 'ta';
}

/** How each kind of resource finds its course (a role in eduforum is a role in a course). */
const courseOf = {
  course: (id: string) => sql`select id from eduforum.courses where id = ${id}`,
  session: (id: string) => sql`select course_id from eduforum.sessions where id = ${id}`,
  poll: (id: string) =>
    sql`select s.course_id from eduforum.polls p join eduforum.sessions s on s.id = p.session_id where p.id = ${id}`,
  quiz: (id: string) =>
    sql`select s.course_id from eduforum.quizzes q join eduforum.sessions s on s.id = q.session_id where q.id = ${id}`,
  qa: (id: string) =>
    sql`select s.course_id from eduforum.qa_questions q join eduforum.sessions s on s.id = q.session_id where q.id = ${id}`,
  breakout: (id: string) =>
    sql`select s.course_id from eduforum.breakouts b join eduforum.sessions s on s.id = b.session_id where b.id = ${id}`,
} as const;
type CourseScope = keyof typeof courseOf;

/**
 * eduforum's policy: the matrix above as actions per role, and the caller's role in each scope: `app`
 * (admins, and as `professor` whoever may teach: see courses/teaching.ts), and a course or anything inside one (session,
 * poll, quiz, breakout), where platform and eduforum admins are admins and members have their
 * enrolment's role. Outsiders of a resource get 404.
 */
export function eduforumPolicy(db: EduDb) {
  // App-wide: admins, and whoever may teach by the institution's rule (courses/teaching.ts).
  const appRole = async (userId: string): Promise<EduforumRole | null> => (await teachingOf(db, userId)).role;
  const inCourseOf = (scope: CourseScope, noun: string) => ({
    noun,
    async role(userId: string, id: string): Promise<EduforumRole | null> {
      // One round trip: the resource's course, the caller's enrolment there and whether they are admin.
      const { rows } = await sql<{
        course_id: string | null;
        role: EduforumRole | null;
        admin: boolean | null;
      }>`
        with course as (${courseOf[scope](id)})
        select (select * from course) as course_id,
          (select m.role from eduforum.course_members m where m.user_id = ${userId} and m.course_id = (select * from course)) as role,
          exists (select 1 from platform.people u left join platform.app_roles pm on pm.user_id = u.id and pm.app = 'eduforum'
                  where u.id = ${userId} and (u.platform_role = 'admin' or pm.role = 'admin')) as admin`.execute(
        db,
      );
      const row = rows[0];
      if (!row?.course_id) return null;
      return row.admin ? 'admin' : row.role;
    },
  });
  return definePolicy({
    roles: eduforumRoles,
    actions: Object.fromEntries(
      (Object.keys(actions) as Action[]).map((action) => [
        action,
        eduforumRoles.filter((r) => allows(r, action)),
      ]),
    ) as Record<Action, EduforumRole[]>,
    scopes: {
      app: { role: (userId) => appRole(userId) },
      course: inCourseOf('course', 'Course'),
      session: inCourseOf('session', 'Session'),
      poll: inCourseOf('poll', 'Poll'),
      quiz: inCourseOf('quiz', 'Quiz'),
      breakout: inCourseOf('breakout', 'Breakout'),
      qa: inCourseOf('qa', 'Question'),
    },
  });
}

/** eduforum's policy object (see eduforumPolicy). */
export type EduforumPolicy = ReturnType<typeof eduforumPolicy>;
