import { randomBytes } from 'node:crypto';
import type { Course, EduforumRole, InvitePreview, Member } from '@app/eduforum-contracts';
import {
  AppError,
  type Caller,
  callerId,
  decodeCursor,
  notFound,
  toPage,
  uniqueToConflict,
} from '@app/platform';
import { sql } from 'kysely';
import { z } from 'zod';
import type { EduforumDeps } from '../deps.js';
import { abilitiesOf, isStaff } from '../policies.js';
import { invite } from './invitations.js';
import { teachingOf } from './teaching.js';

type CourseRow = {
  id: string;
  title: string;
  code: string;
  semester: string;
  description: string;
  invite_code: string;
  archived_at: Date | null;
  created_at: Date;
};

/** A course as its viewer may see it (the invite code is for staff). */
export function toCourse(row: CourseRow, role: EduforumRole, liveSession: LiveSession | null = null): Course {
  return {
    id: row.id,
    title: row.title,
    code: row.code,
    semester: row.semester,
    description: row.description,
    archived: row.archived_at !== null,
    myRole: role,
    abilities: abilitiesOf(role),
    inviteCode: isStaff(role) ? row.invite_code : null,
    liveSession,
    createdAt: row.created_at.toISOString(),
  };
}

type LiveSession = NonNullable<Course['liveSession']>;

/** The session running now in each of the courses (the latest started, should there be two). */
export async function liveSessions(db: EduforumDeps['db'], courseIds: readonly string[]) {
  if (courseIds.length === 0) return new Map<string, LiveSession>();
  const rows = await db
    .selectFrom('eduforum.sessions')
    .select(['course_id', 'id', 'title'])
    .distinctOn('course_id')
    .where('course_id', 'in', courseIds)
    .where('status', '=', 'live')
    .orderBy('course_id')
    .orderBy('started_at', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.course_id, { id: r.id, title: r.title }]));
}

/** An invite code people can type: 8 characters without look-alikes (0/O, 1/I/L). */
export function newInviteCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
}

const courseColumns = [
  'c.id',
  'c.title',
  'c.code',
  'c.semester',
  'c.description',
  'c.invite_code',
  'c.archived_at',
  'c.created_at',
] as const;
/** The same columns for insert and update (which take no alias). */
const returned = [
  'id',
  'title',
  'code',
  'semester',
  'description',
  'invite_code',
  'archived_at',
  'created_at',
] as const;

/** Courses: creation, editing, archiving, enrollment and roles. */
export class CourseService {
  constructor(private readonly deps: EduforumDeps) {}

  async create(
    caller: Caller,
    input: { title: string; code: string; semester: string; description: string },
  ): Promise<Course> {
    const role = await this.deps.policy.require(caller, 'app', 'course.create');
    return this.deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('eduforum.courses')
        .values({ ...input, invite_code: newInviteCode(), created_by: callerId(caller) })
        .returning(returned)
        .executeTakeFirstOrThrow()
        .catch(uniqueToConflict('A course with this code already runs this semester.'));
      // The creator teaches it (an admin creating a course on someone's behalf adds them after).
      if (role === 'professor')
        await trx
          .insertInto('eduforum.course_members')
          .values({ course_id: row.id, user_id: callerId(caller), role: 'professor' })
          .execute();
      return toCourse(row, role);
    });
  }

  /** The caller's app-wide role, whether they may create courses and why (courses/teaching.ts). */
  async me(userId: string) {
    const { role, teaching } = await teachingOf(this.deps.db, userId);
    return { appRole: role, canCreateCourses: teaching.canCreateCourses, teaching };
  }

  async get(caller: Caller, courseId: string): Promise<Course> {
    const role = await this.deps.policy.require(caller, { course: courseId }, 'course.view');
    const row = await this.deps.db
      .selectFrom('eduforum.courses as c')
      .select(courseColumns)
      .where('c.id', '=', courseId)
      .executeTakeFirst();
    if (!row) throw notFound('Course');
    const live = await liveSessions(this.deps.db, [row.id]);
    return toCourse(row, role, live.get(row.id) ?? null);
  }

  /** The caller's courses (admins: every course), newest first. */
  async list(userId: string, query: { cursor?: string | undefined; limit: number; archived: boolean }) {
    const appRole = await this.deps.policy.roleIn(userId, 'app');
    let q = this.deps.db
      .selectFrom('eduforum.courses as c')
      .leftJoin('eduforum.course_members as m', (join) =>
        join.onRef('m.course_id', '=', 'c.id').on('m.user_id', '=', userId),
      )
      .select([...courseColumns, 'm.role'])
      .where('c.archived_at', query.archived ? 'is not' : 'is', null)
      .orderBy('c.id', 'desc')
      .limit(query.limit + 1);
    if (appRole !== 'admin') q = q.where('m.user_id', 'is not', null);
    if (query.cursor) {
      const [id] = decodeCursor(query.cursor, z.tuple([z.uuid()]));
      q = q.where('c.id', '<', id);
    }
    const rows = await q.execute();
    const page = toPage(rows, query.limit, (r) => [r.id]);
    const live = await liveSessions(
      this.deps.db,
      page.items.map((r) => r.id),
    );
    return {
      items: page.items.map((r) =>
        toCourse(r, appRole === 'admin' ? 'admin' : (r.role as EduforumRole), live.get(r.id) ?? null),
      ),
      nextCursor: page.nextCursor,
    };
  }

  async update(
    caller: Caller,
    courseId: string,
    input: Partial<{ title: string; code: string; semester: string; description: string }>,
  ): Promise<Course> {
    const role = await this.deps.policy.require(caller, { course: courseId }, 'course.edit');
    const row = await this.deps.db
      .updateTable('eduforum.courses')
      .set({ ...input, updated_at: new Date() })
      .where('id', '=', courseId)
      .returning(returned)
      .executeTakeFirstOrThrow()
      .catch(uniqueToConflict('A course with this code already runs this semester.'));
    return toCourse(row, role);
  }

  /** Archiving hides a course from lists and stops new enrollments; its history stays. */
  async setArchived(caller: Caller, courseId: string, archived: boolean): Promise<Course> {
    const role = await this.deps.policy.require(caller, { course: courseId }, 'course.edit');
    const row = await this.deps.db
      .updateTable('eduforum.courses')
      .set({ archived_at: archived ? new Date() : null, updated_at: new Date() })
      .where('id', '=', courseId)
      .returning(returned)
      .executeTakeFirstOrThrow()
      .catch(uniqueToConflict('A course with this code already runs this semester.'));
    return toCourse(row, role);
  }

  async rotateInviteCode(caller: Caller, courseId: string): Promise<Course> {
    const role = await this.deps.policy.require(caller, { course: courseId }, 'course.edit');
    const row = await this.deps.db
      .updateTable('eduforum.courses')
      .set({ invite_code: newInviteCode(), updated_at: new Date() })
      .where('id', '=', courseId)
      .returning(returned)
      .executeTakeFirstOrThrow();
    return toCourse(row, role);
  }

  /** Enrolls the caller as a student through the course's invite code (link or typed). */
  async join(userId: string, inviteCode: string): Promise<Course & { alreadyMember: boolean }> {
    const course = await this.openCourseByCode(inviteCode);
    const added = await this.deps.db
      .insertInto('eduforum.course_members')
      .values({ course_id: course.id, user_id: userId, role: 'student' })
      .onConflict((oc) => oc.columns(['course_id', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    const role = await this.deps.policy.roleIn(userId, 'course', course.id);
    return { ...toCourse(course, role ?? 'student'), alreadyMember: added === undefined };
  }

  /** Which course an invite code opens (the join page names it before anyone joins). */
  async previewInvite(userId: string, inviteCode: string): Promise<InvitePreview> {
    const course = await this.openCourseByCode(inviteCode);
    const role = await this.deps.policy.roleIn(userId, 'course', course.id);
    return {
      courseId: course.id,
      title: course.title,
      code: course.code,
      semester: course.semester,
      alreadyMember: role !== null,
    };
  }

  private async openCourseByCode(inviteCode: string) {
    const course = await this.deps.db
      .selectFrom('eduforum.courses as c')
      .select(courseColumns)
      .where('c.invite_code', '=', inviteCode.toUpperCase())
      .executeTakeFirst();
    if (!course || course.archived_at)
      throw new AppError('NOT_FOUND', 'No open course has this invite code.');
    return course;
  }

  async members(caller: Caller, courseId: string, query: { cursor?: string | undefined; limit: number }) {
    const role = await this.deps.policy.require(caller, { course: courseId }, 'course.view');
    let q = this.deps.db
      .selectFrom('eduforum.course_members as m')
      .innerJoin('platform.people as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'm.role', 'm.joined_at', 'u.name', 'u.email'])
      .where('m.course_id', '=', courseId)
      .orderBy('m.user_id')
      .limit(query.limit + 1);
    if (query.cursor) {
      const [id] = decodeCursor(query.cursor, z.tuple([z.uuid()]));
      q = q.where('m.user_id', '>', id);
    }
    const page = toPage(await q.execute(), query.limit, (r) => [r.user_id]);
    return {
      items: page.items.map(
        (r): Member => ({
          userId: r.user_id,
          name: r.name,
          // Students see their classmates' names; addresses are for staff.
          email: isStaff(role) ? r.email : null,
          role: r.role as Member['role'],
          joinedAt: r.joined_at.toISOString(),
        }),
      ),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * Adds a person by email (TAs, late students): an account with the address is enrolled at once;
   * an address without one is invited (mailed, enrolled once they sign up and verify it).
   */
  async addMember(
    caller: Caller,
    courseId: string,
    email: string,
    role: Member['role'],
  ): Promise<'added' | 'invited'> {
    await this.deps.policy.require(caller, { course: courseId }, 'course.edit');
    const user = await this.deps.db
      .selectFrom('platform.people')
      .select('id')
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
    if (!user) {
      if (role === 'professor')
        throw new AppError(
          'BAD_REQUEST',
          'A co-professor needs an account first: invite them as a TA or ask them to sign up.',
        );
      await this.deps.db
        .transaction()
        .execute((trx) => invite(this.deps, trx, courseId, callerId(caller), [{ email, role }]));
      return 'invited';
    }
    await this.deps.db
      .insertInto('eduforum.course_members')
      .values({ course_id: courseId, user_id: user.id, role })
      .onConflict((oc) => oc.columns(['course_id', 'user_id']).doUpdateSet({ role }))
      .execute();
    // Adding someone already enrolled changes their role (a TA re-added as a student).
    await this.deps.platform.access.changed(user.id);
    return 'added';
  }

  async setMemberRole(
    caller: Caller,
    courseId: string,
    memberId: string,
    role: Member['role'],
  ): Promise<void> {
    await this.deps.policy.require(caller, { course: courseId }, 'course.edit');
    const updated = await this.deps.db
      .updateTable('eduforum.course_members')
      .set({ role })
      .where('course_id', '=', courseId)
      .where('user_id', '=', memberId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw notFound('Member');
    await this.deps.platform.access.changed(memberId);
  }

  async removeMember(caller: Caller, courseId: string, memberId: string): Promise<void> {
    await this.deps.policy.require(caller, { course: courseId }, 'course.edit');
    if (memberId === callerId(caller))
      throw new AppError('BAD_REQUEST', 'Ask another professor or an admin to remove you.');
    const removed = await this.deps.db
      .deleteFrom('eduforum.course_members')
      .where('course_id', '=', courseId)
      .where('user_id', '=', memberId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound('Member');
    await this.deps.platform.access.changed(memberId);
  }

  /** Grants an app-wide role (admin only): professors may create courses. The directory revokes. */
  async grantAppRole(caller: Caller, targetId: string, role: 'admin' | 'professor' | null): Promise<void> {
    await this.deps.policy.require(caller, 'app', 'user.manage');
    const { directory } = this.deps.platform;
    if (!(await directory.person(targetId))) throw notFound('User');
    await directory.setAppRole(targetId, 'eduforum', role);
  }
}
