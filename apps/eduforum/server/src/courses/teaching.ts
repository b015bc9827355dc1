import type {
  CourseCreation,
  EduforumSettings,
  InstructorRequest,
  Teaching,
  TeachingReason,
} from '@app/eduforum-contracts';
import { sql } from 'kysely';
import type { EduDb } from '../db.js';

/** The app-wide role that lets someone create courses, and why (see `teachingOf`). */
export interface TeachingState {
  readonly role: 'admin' | 'professor' | null;
  readonly teaching: Teaching;
}

/** Whether a verified address belongs to one of the institution's instructor domains (subdomains too). */
export function inInstructorDomain(email: string, domains: readonly string[]): boolean {
  const host = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

/** Reads the institution's settings (one row, made by the migration). */
export async function readSettings(db: EduDb): Promise<EduforumSettings> {
  const row = await db
    .selectFrom('eduforum.settings')
    .select(['course_creation', 'instructor_domains'])
    .executeTakeFirstOrThrow();
  return { courseCreation: row.course_creation as CourseCreation, instructorDomains: row.instructor_domains };
}

/**
 * Who may teach (docs/eduforum.md "Who may teach"), in one query: admins; approved instructors
 * (app role `professor`); with `open` (the default) anyone whose address is verified; with
 * `approved` a verified address in an instructor domain. Everyone else may ask (one request each).
 * The policy's app scope resolves to the role returned here, so the API and the page agree.
 */
export async function teachingOf(db: EduDb, userId: string): Promise<TeachingState> {
  const { rows } = await sql<{
    platform_role: string | null;
    email: string;
    name: string;
    verified: boolean | null;
    app_role: string | null;
    mode: CourseCreation;
    domains: string[];
    status: InstructorRequest['status'] | null;
    note: string | null;
    reason: string | null;
    created_at: Date | null;
    decided_at: Date | null;
  }>`
    select u.platform_role, u.email, u.name, u.email_verified as verified, m.role as app_role,
      s.course_creation as mode, s.instructor_domains as domains,
      r.status, r.note, r.reason, r.created_at, r.decided_at
    from platform.people u
    cross join eduforum.settings s
    left join platform.app_roles m on m.user_id = u.id and m.app = 'eduforum'
    left join eduforum.instructor_requests r on r.user_id = u.id
    where u.id = ${userId}`.execute(db);
  const row = rows[0];
  const mode = row?.mode ?? 'open';
  const request: InstructorRequest | null =
    row?.status && row.created_at
      ? {
          userId,
          name: row.name,
          email: row.email,
          note: row.note ?? '',
          status: row.status,
          reason: row.reason ?? '',
          createdAt: row.created_at.toISOString(),
          decidedAt: row.decided_at?.toISOString() ?? null,
        }
      : null;
  const state = (role: TeachingState['role'], reason: TeachingReason): TeachingState => ({
    role,
    teaching: { mode, canCreateCourses: role !== null, reason, request },
  });
  if (!row) return state(null, 'request');
  if (row.platform_role === 'admin' || row.app_role === 'admin') return state('admin', 'admin');
  if (row.app_role === 'professor') return state('professor', 'instructor');
  if (!row.verified) return state(null, 'verify-email');
  if (mode === 'open') return state('professor', 'open');
  if (inInstructorDomain(row.email, row.domains)) return state('professor', 'domain');
  if (row.status === 'pending') return state(null, 'pending');
  if (row.status === 'declined') return state(null, 'declined');
  return state(null, 'request');
}
