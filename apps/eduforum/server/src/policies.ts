import type { EduforumRole } from '@app/eduforum-contracts';
import { AppError, notFound } from '@app/platform';
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
} as const satisfies Record<string, readonly [Resource, Mode]>;
export type Action = keyof typeof actions;

/** Whether a role may perform an action (`Own` is implied by R: who reads all reads their own). */
export function allows(role: EduforumRole | null, action: Action): boolean {
  if (!role) return false;
  const [resource, mode] = actions[action];
  const cell: string = permissionMatrix[resource][role];
  if (mode === 'Own') return cell === 'Own' || cell.includes('R');
  return cell.includes(mode);
}

/** The caller's role where it matters: in one course, or app-wide (for creating courses). */
export class Policies {
  constructor(private readonly db: EduDb) {}

  /** admin: platform admin or eduforum admin; professor: granted by an admin; else null. */
  async appRole(userId: string): Promise<'admin' | 'professor' | null> {
    const row = await this.db
      .selectFrom('platform.users as u')
      .leftJoin('platform.memberships as m', (join) =>
        join.onRef('m.user_id', '=', 'u.id').on('m.app', '=', 'eduforum'),
      )
      .select(['u.platform_role', 'm.role'])
      .where('u.id', '=', userId)
      .executeTakeFirst();
    if (row?.platform_role === 'admin' || row?.role === 'admin') return 'admin';
    return row?.role === 'professor' ? 'professor' : null;
  }

  /**
   * The caller's role in a course: admin everywhere, else their enrollment's role, else null. Null
   * too when there is no such course, for admins as well (they would otherwise act on a course that
   * does not exist and meet the database's refusal instead of a 404).
   */
  async courseRole(userId: string, courseId: string): Promise<EduforumRole | null> {
    const [app, course] = await Promise.all([
      this.appRole(userId),
      this.db
        .selectFrom('eduforum.courses as c')
        .leftJoin('eduforum.course_members as m', (join) =>
          join.onRef('m.course_id', '=', 'c.id').on('m.user_id', '=', userId),
        )
        .select('m.role')
        .where('c.id', '=', courseId)
        .executeTakeFirst(),
    ]);
    if (!course) return null;
    if (app === 'admin') return 'admin';
    return (course.role as EduforumRole | null) ?? null;
  }

  /** Throws unless the caller may act app-wide (course creation, role grants). */
  async requireApp(userId: string, action: Action): Promise<EduforumRole> {
    const role = await this.appRole(userId);
    if (!allows(role, action)) throw new AppError('FORBIDDEN');
    return role as EduforumRole;
  }

  /**
   * Throws unless the caller may act in the course: 404 for outsiders (a course's existence is not
   * revealed), 403 for members without the permission. Returns the caller's role.
   */
  async require(userId: string, courseId: string, action: Action): Promise<EduforumRole> {
    const role = await this.courseRole(userId, courseId);
    if (!role) throw notFound('Course');
    if (!allows(role, action)) throw new AppError('FORBIDDEN');
    return role;
  }
}

/** Staff of a course: who sees answer keys, staff content and everyone's results. */
export function isStaff(role: EduforumRole | null): boolean {
  return role === 'admin' || role === 'professor' || role === 'ta';
}
