import type { RosterReport } from '@app/eduforum-contracts';
import { AppError, type Caller, callerId, notFound } from '@app/platform';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { z } from 'zod';
import type { EduforumDeps } from '../deps.js';
import { invite } from './invitations.js';

/** Largest roster accepted in one import. */
export const MAX_ROSTER_ROWS = 2000;

export interface RosterRow {
  line: number;
  email: string | null;
  role: 'student' | 'ta';
  errors: string[];
}

const email = z.email();

/**
 * Parses a roster CSV: a header row naming at least `email` (and optionally `role`, `name`,
 * `student_id`, in any order, any case), then one person per line. Every row gets its own list of
 * problems; nothing throws for bad rows (only for a file that is not CSV at all).
 */
export function parseRoster(csv: string): RosterRow[] {
  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    throw new AppError('BAD_REQUEST', `The roster is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...body] = records;
  const columns = (header ?? []).map((h) => h.toLowerCase().replace(/[\s-]+/g, '_'));
  const emailAt = columns.findIndex((c) => c === 'email' || c === 'e_mail' || c === '이메일');
  const roleAt = columns.findIndex((c) => c === 'role' || c === '역할');
  if (emailAt < 0) throw new AppError('BAD_REQUEST', 'The roster needs a header row with an "email" column.');
  if (body.length > MAX_ROSTER_ROWS)
    throw new AppError('BAD_REQUEST', `A roster holds at most ${MAX_ROSTER_ROWS} people.`);
  const seen = new Map<string, number>();
  return body.map((record, index) => {
    const line = index + 2;
    const errors: string[] = [];
    const rawEmail = record[emailAt]?.trim() ?? '';
    const rawRole = (roleAt >= 0 ? (record[roleAt] ?? '') : '').trim().toLowerCase();
    let address: string | null = null;
    if (!rawEmail) errors.push('email is missing');
    else if (!email.safeParse(rawEmail).success) errors.push(`"${rawEmail}" is not an email address`);
    else {
      address = rawEmail.toLowerCase();
      const first = seen.get(address);
      if (first !== undefined) errors.push(`duplicate of line ${first}`);
      else seen.set(address, line);
    }
    let role: RosterRow['role'] = 'student';
    if (rawRole === 'ta' || rawRole === '조교') role = 'ta';
    else if (rawRole !== '' && rawRole !== 'student' && rawRole !== '학생')
      errors.push(`role "${rawRole}" is not student or ta`);
    return { line, email: address ?? (rawEmail || null), role, errors };
  });
}

/**
 * Imports a roster all-or-nothing: every row is checked (format, duplicates) and the report lists
 * each row; if any row is invalid nothing is written and the report comes back as a ROSTER_INVALID
 * error. Addresses with an account are enrolled; the others are invited (mailed, and enrolled once
 * they sign up and verify that address: see invitations.ts).
 */
export async function importRoster(
  deps: EduforumDeps,
  caller: Caller,
  courseId: string,
  csv: string,
): Promise<RosterReport> {
  await deps.policy.require(caller, { course: courseId }, 'course.edit');
  const rows = parseRoster(csv);
  if (rows.length === 0) throw new AppError('BAD_REQUEST', 'The roster has no rows.');
  return deps.db.transaction().execute(async (trx) => {
    const course = await trx
      .selectFrom('eduforum.courses')
      .select('archived_at')
      .where('id', '=', courseId)
      .forUpdate()
      .executeTakeFirst();
    if (!course) throw notFound('Course');
    if (course.archived_at)
      throw new AppError('INVALID_TRANSITION', 'An archived course takes no enrollments.');
    const emails = rows.filter((r) => r.errors.length === 0 && r.email).map((r) => r.email as string);
    const accounts = emails.length
      ? await trx
          .selectFrom('platform.people as u')
          .leftJoin('eduforum.course_members as m', (join) =>
            join.onRef('m.user_id', '=', 'u.id').on('m.course_id', '=', courseId),
          )
          .select(['u.id', sql<string>`lower(u.email)`.as('email'), 'm.role'])
          .where(sql`lower(u.email)`, 'in', emails)
          .execute()
      : [];
    const byEmail = new Map(accounts.map((a) => [a.email, a]));
    const report: RosterReport = { imported: false, added: 0, alreadyEnrolled: 0, invited: 0, rows: [] };
    const toAdd: { course_id: string; user_id: string; role: string }[] = [];
    const toInvite: { email: string; role: RosterRow['role'] }[] = [];
    for (const row of rows) {
      const account = row.email ? byEmail.get(row.email) : undefined;
      if (row.errors.length > 0) {
        report.rows.push({ line: row.line, email: row.email, status: 'invalid', errors: row.errors });
      } else if (account?.role) {
        report.alreadyEnrolled++;
        report.rows.push({ line: row.line, email: row.email, status: 'already_enrolled', errors: [] });
      } else if (account) {
        toAdd.push({ course_id: courseId, user_id: account.id, role: row.role });
        report.rows.push({ line: row.line, email: row.email, status: 'added', errors: [] });
      } else if (row.email) {
        toInvite.push({ email: row.email, role: row.role });
        report.rows.push({ line: row.line, email: row.email, status: 'invited', errors: [] });
      }
    }
    if (report.rows.some((r) => r.status === 'invalid'))
      throw new AppError('ROSTER_INVALID', undefined, { ...report, added: 0, invited: 0 });
    if (toAdd.length) await trx.insertInto('eduforum.course_members').values(toAdd).execute();
    await invite(deps, trx, courseId, callerId(caller), toInvite);
    report.added = toAdd.length;
    report.invited = toInvite.length;
    report.imported = true;
    return report;
  });
}
